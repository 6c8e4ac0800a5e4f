/**
 * Names the keys of raw terminal input. Ink splits a read into plain runs and escape sequences;
 * this turns each piece into dnet's key names, one per key, so that a chunk of several keys
 * (`gj\r`, a paste, three Backspaces in one read) is several keys. Ink's own key object cannot
 * tell Backspace from Delete (both `delete`) and drops Alt: hence a decoder of our own.
 */
/** A key as dnet names it: a character (`q`, `G`, `/`), `enter`, `esc`, `up`, `pageup`, `ctrl+c`, `alt+b`, … */
export type KeyName = string;

/** CSI / SS3 final bytes and `~` codes of the keys dnet uses. */
const FINAL: Record<string, KeyName> = {A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end', Z: 'shift+tab'};
const TILDE: Record<string, KeyName> = {'1': 'home', '7': 'home', '4': 'end', '8': 'end', '3': 'delete', '5': 'pageup', '6': 'pagedown', '2': 'insert'};

/** xterm's modifier parameter (`1;5C`): 2 shift, 3 alt, 5 ctrl, … */
function withModifier(name: KeyName, modifier: number): KeyName {
	const bits = modifier - 1;
	if (bits & 4) return `ctrl+${name}`;
	if (bits & 2) return `alt+${name}`;
	return name;
}

/** One escape sequence (`\x1b[A`, `\x1bOH`, `\x1b[5~`, `\x1b[1;5C`), or null when unknown. */
function sequence(seq: string): KeyName | null {
	const m = /^\u001b(?:\[\[?|O)([0-9;]*)([A-Za-z~])$/.exec(seq);
	if (!m) return null;
	const params = (m[1] ?? '').split(';');
	const final = m[2] ?? '';
	const modifier = Number(params[1] ?? '1') || 1;
	if (final === '~') {
		const name = TILDE[params[0] ?? ''];
		return name ? withModifier(name, modifier) : null;
	}
	const name = FINAL[final];
	return name ? withModifier(name, modifier) : null;
}

/** One character of a plain run. */
function plain(ch: string): KeyName {
	switch (ch) {
		case '\r':
		case '\n':
			return 'enter';
		case '\t':
			return 'tab';
		case '\u007f':
		case '\b':
			return 'backspace';
		case ' ':
			return 'space';
		case '\u001b':
			return 'esc';
		default: {
			const code = ch.charCodeAt(0);
			if (code === 0) return 'ctrl+space';
			if (code >= 1 && code <= 26) return `ctrl+${String.fromCharCode(code + 96)}`;
			return ch;
		}
	}
}

/** The keys of one piece of input as Ink's input parser emits it. */
export function keyNames(piece: string): KeyName[] {
	if (piece === '') return [];
	if (piece.startsWith('\u001b') && piece.length > 1) {
		const known = sequence(piece);
		if (known) return [known];
		// Alt+key: ESC then the key (`\x1bb`, `\x1b\x7f`), or ESC before a sequence.
		const rest = piece.slice(1);
		// Esc pressed twice before the terminal was read.
		if (rest === '\u001b') return ['esc', 'esc'];
		if (rest.startsWith('\u001b')) {
			const inner = sequence(rest);
			return inner ? [`alt+${inner}`] : [];
		}
		if ([...rest].length === 1) {
			return [`alt+${plain(rest)}`];
		}
		// An unknown sequence: never typed as text.
		return [];
	}
	return [...piece].map(plain);
}
