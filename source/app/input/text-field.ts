/**
 * The one text field of dnet, owned by the store: what it edits, its text and its cursor. Keys
 * reach it through the reducer one at a time (ARCHITECTURE.md, "Text fields"), so a burst of keys
 * (a paste, tmux send-keys, key repeat) is never lost and needs no pacing. The editing keys are the
 * readline ones a shell user expects.
 */
import type {NetKey} from '../../features/form/net.js';
import type {KeyName} from './key-names.js';

/** What the open text field edits. */
export type FieldTarget =
	/** The `/` filter of the list, or the ports view's own. */
	| {kind: 'filter'; of: 'list' | 'ports'}
	| {kind: 'palette'}
	| {kind: 'port'; index: number}
	| {kind: 'image'}
	| {kind: 'name'}
	| {kind: 'command'}
	| {kind: 'formNet'; key: NetKey}
	| {kind: 'alias'; source: string}
	| {kind: 'linkAlias'}
	| {kind: 'rename'}
	| {kind: 'networkName'}
	| {kind: 'subnet'}
	| {kind: 'connectAlias'}
	| {kind: 'moveNetwork'}
	| {kind: 'servicePort'; index: number};

export type FieldKind = FieldTarget['kind'];

/** The open text field. */
export interface FieldState {
	target: FieldTarget;
	text: string;
	/** Insertion point: 0..text.length (in UTF-16 units; engine text is ASCII-dominated). */
	cursor: number;
	/** The row was added with `a` (Esc removes it again). */
	added: boolean;
}

export function openField(target: FieldTarget, text: string, added = false): FieldState {
	return {target, text, cursor: text.length, added};
}

/** The field with its whole text replaced (a paste), the cursor at the end. */
export function setFieldText(field: FieldState, text: string): FieldState {
	return {...field, text, cursor: text.length};
}

const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9]/.test(ch);

/** Start of the word left of `at` (readline's backward-word: skip non-word, then word chars). */
function wordLeft(text: string, at: number): number {
	let i = at;
	while (i > 0 && !isWordChar(text[i - 1])) i--;
	while (i > 0 && isWordChar(text[i - 1])) i--;
	return i;
}

/** End of the word right of `at` (readline's forward-word). */
function wordRight(text: string, at: number): number {
	let i = at;
	while (i < text.length && !isWordChar(text[i])) i++;
	while (i < text.length && isWordChar(text[i])) i++;
	return i;
}

/** Start of the whitespace-delimited word left of `at` (Ctrl+W, unix-word-rubout). */
function spaceWordLeft(text: string, at: number): number {
	let i = at;
	while (i > 0 && text[i - 1] === ' ') i--;
	while (i > 0 && text[i - 1] !== ' ') i--;
	return i;
}

/** A printable character typed into the field, or null for a key that is not text. */
export function typedChar(key: KeyName): string | null {
	if (key === 'space') return ' ';
	if ([...key].length !== 1) return null;
	const code = key.codePointAt(0) ?? 0;
	return code >= 0x20 && code !== 0x7f ? key : null;
}

/**
 * Applies one key to the field: a printable character is inserted at the cursor; the editing
 * keys move or delete; any other key returns null (it is not the field's).
 */
export function editField(field: FieldState, key: KeyName): FieldState | null {
	const {text, cursor} = field;
	const at = (next: string, pos: number): FieldState => ({...field, text: next, cursor: Math.max(0, Math.min(next.length, pos))});
	const ch = typedChar(key);
	if (ch !== null) return at(text.slice(0, cursor) + ch + text.slice(cursor), cursor + ch.length);
	switch (key) {
		case 'backspace':
		case 'ctrl+h':
			return cursor === 0 ? field : at(text.slice(0, cursor - 1) + text.slice(cursor), cursor - 1);
		case 'delete':
		case 'ctrl+d':
			return cursor >= text.length ? field : at(text.slice(0, cursor) + text.slice(cursor + 1), cursor);
		case 'left':
		case 'ctrl+b':
			return at(text, cursor - 1);
		case 'right':
		case 'ctrl+f':
			return at(text, cursor + 1);
		case 'home':
		case 'ctrl+a':
			return at(text, 0);
		case 'end':
		case 'ctrl+e':
			return at(text, text.length);
		case 'ctrl+u':
			return at(text.slice(cursor), 0);
		case 'ctrl+k':
			return at(text.slice(0, cursor), cursor);
		case 'ctrl+w': {
			const from = spaceWordLeft(text, cursor);
			return at(text.slice(0, from) + text.slice(cursor), from);
		}
		case 'alt+backspace': {
			const from = wordLeft(text, cursor);
			return at(text.slice(0, from) + text.slice(cursor), from);
		}
		case 'alt+d': {
			const to = wordRight(text, cursor);
			return at(text.slice(0, cursor) + text.slice(to), cursor);
		}
		case 'alt+b':
		case 'ctrl+left':
			return at(text, wordLeft(text, cursor));
		case 'alt+f':
		case 'ctrl+right':
			return at(text, wordRight(text, cursor));
		default:
			return null;
	}
}

/** The editing keys, for the help screen (they are not commands, so not in the keymap). */
export const EDITING_KEYS: ReadonlyArray<{keys: string; description: string}> = [
	{keys: 'Left, Right', description: 'Move the cursor by a character (also Ctrl+B, Ctrl+F)'},
	{keys: 'Alt+B, Alt+F', description: 'Move the cursor by a word (also Ctrl+Left, Ctrl+Right)'},
	{keys: 'Home, End', description: 'Go to the start or the end of the text (also Ctrl+A, Ctrl+E)'},
	{keys: 'Backspace, Delete', description: 'Delete the character before or under the cursor (also Ctrl+D)'},
	{keys: 'Ctrl+W, Alt+D', description: 'Delete the word before or after the cursor (also Alt+Backspace)'},
	{keys: 'Ctrl+U, Ctrl+K', description: 'Delete to the start or to the end of the text'},
];
