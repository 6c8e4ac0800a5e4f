/**
 * The one keymap table: it drives the key handlers, the `?` help screen, the footer hints and the
 * README's key list. A test checks that every command has keys and a description and that no key
 * means two things in one screen.
 */
import type {CommandId, Scope} from '../store/commands.js';
import {netChoosing} from '../store/net-selectors.js';
import type {State} from '../store/state.js';
import {NET_LIST_KEYS, NET_SCOPE_TITLES, NET_SCREEN_KEYS} from './keymap/net.js';
import {navigation} from './keymap/navigation.js';

/** A key as dnet names it: a character (`q`, `G`, `/`), `enter`, `esc`, `up`, `pageup`, `ctrl+c`, … */
export type KeyName = string;

export interface Binding {
	id: CommandId;
	scope: Scope;
	keys: KeyName[];
	description: string;
	/** Short label for the footer; bindings without one are only in the help screen. */
	hint?: string;
	/** Changes containers: hidden and refused under `--read-only`. */
	mutates?: boolean;
}

export const KEYMAP: readonly Binding[] = [
	{id: 'quit', scope: 'global', keys: ['q', 'ctrl+c'], description: 'Quit dnet', hint: 'quit'},
	{id: 'help', scope: 'global', keys: ['?'], description: 'Show or hide this help', hint: 'help'},
	{id: 'palette', scope: 'global', keys: [':'], description: 'Command line: :ports, :links, :networks, :containers, :all, :latest, :help, :quit'},

	...navigation('list', {move: 'container'}),
	{id: 'open', scope: 'list', keys: ['enter'], description: 'Details of the selected container', hint: 'details'},
	{id: 'toggleAll', scope: 'list', keys: ['a'], description: 'Show all containers or running only (docker ps -a)', hint: 'all'},
	{id: 'filter', scope: 'list', keys: ['/'], description: 'Filter by name, image or port number', hint: 'filter'},
	{id: 'clearFilter', scope: 'list', keys: ['esc'], description: 'Clear the filter'},
	{id: 'start', scope: 'list', keys: ['s'], description: 'Start the container (docker start)', mutates: true},
	{id: 'stop', scope: 'list', keys: ['S'], description: 'Stop the container, after confirming (docker stop)', hint: 'stop', mutates: true},
	{id: 'restart', scope: 'list', keys: ['R'], description: 'Restart the container (docker restart)', mutates: true},
	{id: 'remove', scope: 'list', keys: ['d', 'delete'], description: 'Remove the container, after confirming (docker rm, rm -f if running)', mutates: true},
	{id: 'mark', scope: 'list', keys: ['space'], description: 'Mark or unmark the container; actions apply to all marked'},
	{id: 'markAll', scope: 'list', keys: ['ctrl+a'], description: 'Mark every shown container, or clear the marks'},
	{id: 'cycleSort', scope: 'list', keys: ['o'], description: 'Sort by name, created (newest first) or status'},
	{id: 'latest', scope: 'list', keys: ['t'], description: 'Jump to the latest created container (docker ps -l)'},
	{id: 'openPorts', scope: 'list', keys: ['P'], description: 'Ports view: every binding of every container', hint: 'ports'},
	{id: 'editPorts', scope: 'list', keys: ['p'], description: 'Edit the port mappings of the container (recreates it safely)', hint: 'edit ports', mutates: true},
	{id: 'newContainer', scope: 'list', keys: ['n'], description: 'New container: image, name, ports, links (docker run -d)', hint: 'new', mutates: true},
	...NET_LIST_KEYS,

	{id: 'back', scope: 'details', keys: ['esc', 'left', 'backspace'], description: 'Back to the list', hint: 'back'},
	...navigation('details', {scroll: true}),
	{id: 'start', scope: 'details', keys: ['s'], description: 'Start the container', mutates: true},
	{id: 'stop', scope: 'details', keys: ['S'], description: 'Stop the container, after confirming', mutates: true},
	{id: 'restart', scope: 'details', keys: ['R'], description: 'Restart the container', mutates: true},
	{id: 'remove', scope: 'details', keys: ['d', 'delete'], description: 'Remove the container, after confirming', mutates: true},
	{id: 'editPorts', scope: 'details', keys: ['p'], description: 'Edit the port mappings of this container', hint: 'ports', mutates: true},
	{id: 'openLinkPicker', scope: 'details', keys: ['l'], description: 'Link this container to another (--link)', hint: 'link', mutates: true},
	{id: 'rename', scope: 'details', keys: ['r'], description: 'Rename this container', mutates: true},

	{id: 'back', scope: 'help', keys: ['esc'], description: 'Close the help', hint: 'close'},
	...navigation('help', {scroll: true}),

	{id: 'back', scope: 'ports', keys: ['esc', 'left'], description: 'Clear the filter, or back to the list', hint: 'back'},
	...navigation('ports', {move: 'binding'}),
	{id: 'probe', scope: 'ports', keys: ['enter'], description: 'Probe the binding: connect to it from this machine (TCP, 1 s timeout)', hint: 'probe'},
	{id: 'filter', scope: 'ports', keys: ['/'], description: 'Find who holds a port: port number, name or address', hint: 'find'},

	{id: 'up', scope: 'editor', keys: ['k', 'up'], description: 'Previous row'},
	{id: 'down', scope: 'editor', keys: ['j', 'down'], description: 'Next row', hint: 'move'},
	{id: 'rowEdit', scope: 'editor', keys: ['enter'], description: 'Edit the row in docker syntax (on Apply: review the change)', hint: 'edit'},
	{id: 'rowAdd', scope: 'editor', keys: ['a'], description: 'Add a port mapping', hint: 'add'},
	{id: 'rowDelete', scope: 'editor', keys: ['x', 'delete'], description: 'Delete the port mapping', hint: 'delete'},
	{id: 'togglePublishAll', scope: 'editor', keys: ['P'], description: 'Publish every exposed port on a random host port (-P) or not', hint: '-P'},
	{id: 'editorApply', scope: 'editor', keys: ['w'], description: 'Review the change and apply it', hint: 'apply'},
	{id: 'editorCancel', scope: 'editor', keys: ['esc'], description: 'Cancel (asks first when there are unsaved changes)', hint: 'cancel'},

	{id: 'up', scope: 'new', keys: ['k', 'up'], description: 'Previous field'},
	{id: 'down', scope: 'new', keys: ['j', 'down', 'tab'], description: 'Next field', hint: 'move'},
	{id: 'rowEdit', scope: 'new', keys: ['enter'], description: 'Edit the field, toggle the option, or Create', hint: 'edit'},
	{id: 'pickImage', scope: 'new', keys: ['i'], description: 'Pick the image from the local images', hint: 'images'},
	{id: 'rowAdd', scope: 'new', keys: ['a'], description: 'Add a port mapping (-p)', hint: 'add port'},
	{id: 'rowDelete', scope: 'new', keys: ['x', 'delete'], description: 'Delete the port mapping or link'},
	{id: 'toggleItem', scope: 'new', keys: ['space'], description: 'Toggle -P, --rm or a link'},
	{id: 'togglePublishAll', scope: 'new', keys: ['P'], description: 'Publish every exposed port (-P) or not'},
	{id: 'editorApply', scope: 'new', keys: ['w'], description: 'Create and start the container', hint: 'create'},
	{id: 'editorCancel', scope: 'new', keys: ['esc'], description: 'Cancel (asks first when the form is filled in)', hint: 'cancel'},

	{id: 'fieldAccept', scope: 'field', keys: ['enter'], description: 'Keep what was typed (refused while invalid)', hint: 'ok'},
	{id: 'fieldCancel', scope: 'field', keys: ['esc'], description: 'Undo the edit', hint: 'cancel'},
	{id: 'quit', scope: 'field', keys: ['ctrl+c'], description: 'Quit dnet'},

	{id: 'fieldCancel', scope: 'picker', keys: ['esc'], description: 'Close the image list (Enter picks, arrows move)', hint: 'close'},
	{id: 'quit', scope: 'picker', keys: ['ctrl+c'], description: 'Quit dnet'},

	{id: 'confirmYes', scope: 'review', keys: ['y'], description: 'Apply: recreate the container with the new ports', hint: 'apply'},
	{id: 'confirmNo', scope: 'review', keys: ['n', 'esc'], description: 'Back to editing', hint: 'edit'},
	{id: 'useSuggestion', scope: 'review', keys: ['u'], description: 'Use the suggested free host ports', hint: 'use free port'},
	{id: 'quit', scope: 'review', keys: ['ctrl+c'], description: 'Quit dnet'},

	{id: 'confirmYes', scope: 'discard', keys: ['y'], description: 'Discard the changes', hint: 'discard'},
	{id: 'confirmNo', scope: 'discard', keys: ['n', 'esc'], description: 'Keep editing', hint: 'keep editing'},
	{id: 'quit', scope: 'discard', keys: ['ctrl+c'], description: 'Quit dnet'},

	{id: 'confirmYes', scope: 'backup', keys: ['y'], description: 'Restore the container from the backup of an interrupted change', hint: 'restore'},
	{id: 'confirmNo', scope: 'backup', keys: ['n'], description: 'Keep the change (removes a finished backup; keeps an unfinished one)', hint: 'no'},
	{id: 'editorCancel', scope: 'backup', keys: ['esc'], description: 'Decide later (offered again on the next start)', hint: 'later'},
	{id: 'quit', scope: 'backup', keys: ['ctrl+c'], description: 'Quit dnet'},

	...NET_SCREEN_KEYS,

	{id: 'paletteRun', scope: 'palette', keys: ['enter'], description: 'Run the command', hint: 'run'},
	{id: 'paletteCancel', scope: 'palette', keys: ['esc'], description: 'Close the command line', hint: 'cancel'},
	{id: 'quit', scope: 'palette', keys: ['ctrl+c'], description: 'Quit dnet'},

	{id: 'filterAccept', scope: 'filter', keys: ['enter'], description: 'Keep the filter and return to the list', hint: 'apply'},
	{id: 'filterCancel', scope: 'filter', keys: ['esc'], description: 'Clear the filter', hint: 'cancel'},
	{id: 'quit', scope: 'filter', keys: ['ctrl+c'], description: 'Quit dnet'},

	{id: 'confirmYes', scope: 'confirm', keys: ['y', 'enter'], description: 'Yes, do it', hint: 'yes'},
	{id: 'confirmNo', scope: 'confirm', keys: ['n', 'esc'], description: 'No, cancel', hint: 'no'},
	{id: 'toggleVolumes', scope: 'confirm', keys: ['v'], description: 'Remove: also remove anonymous volumes (docker rm -v)'},
	{id: 'quit', scope: 'confirm', keys: ['ctrl+c'], description: 'Quit dnet'},
];

export const SCOPE_TITLES: Record<Scope, string> = {
	global: 'Everywhere',
	list: 'Container list',
	details: 'Details',
	help: 'Help',
	filter: 'While typing a filter',
	confirm: 'Confirmation',
	ports: 'Ports view',
	palette: 'Command line (:)',
	editor: 'Port editor',
	new: 'New container',
	field: 'While typing in the editor or form',
	picker: 'Image list',
	review: 'Review of a port change',
	discard: 'Discard changes?',
	backup: 'Restore offer',
	...NET_SCOPE_TITLES,
};

/** The scopes whose keys are live for the state, most specific first. */
export function activeScopes(
	state: Pick<State, 'screen' | 'filterEditing' | 'confirm'> & Partial<Pick<State, 'palette' | 'editor' | 'form' | 'field' | 'backupOffer' | 'net'>>,
): Scope[] {
	if (state.confirm) return ['confirm'];
	if (state.backupOffer) return ['backup'];
	if (state.palette !== undefined && state.palette !== null) return ['palette'];
	if (state.filterEditing) return ['filter'];
	if (state.field) return ['field'];
	if (state.net?.confirm) return ['netConfirm'];
	if (state.net && netChoosing({screen: state.screen, net: state.net})) return ['choose'];
	if (state.screen === 'editor' && state.editor && state.editor.stage !== 'edit') return [state.editor.stage];
	if (state.screen === 'new' && state.form?.picking) return ['picker'];
	if (state.screen === 'new' && state.form?.stage === 'discard') return ['discard'];
	return [state.screen, 'global'];
}

/** Finds the command a key means in the given scopes, first match wins. */
export function resolveKey(key: KeyName, scopes: Scope[]): CommandId | undefined {
	for (const scope of scopes) {
		const binding = KEYMAP.find((b) => b.scope === scope && b.keys.includes(key));
		if (binding) return binding.id;
	}
	return undefined;
}

/** Ink's `(input, key)` pair, reduced to what naming needs. */
export interface InkKey {
	upArrow?: boolean;
	downArrow?: boolean;
	leftArrow?: boolean;
	rightArrow?: boolean;
	pageUp?: boolean;
	pageDown?: boolean;
	home?: boolean;
	end?: boolean;
	return?: boolean;
	escape?: boolean;
	ctrl?: boolean;
	tab?: boolean;
	backspace?: boolean;
	delete?: boolean;
}

/** Names the keys of one Ink input event; several printable characters in one chunk are several keys. */
export function keyNames(input: string, key: InkKey): KeyName[] {
	if (key.upArrow) return ['up'];
	if (key.downArrow) return ['down'];
	if (key.leftArrow) return ['left'];
	if (key.rightArrow) return ['right'];
	if (key.pageUp) return ['pageup'];
	if (key.pageDown) return ['pagedown'];
	if (key.home) return ['home'];
	if (key.end) return ['end'];
	if (key.return) return ['enter'];
	if (key.escape) return ['esc'];
	if (key.tab) return ['tab'];
	if (key.backspace) return ['backspace'];
	if (key.delete) return ['delete'];
	if (key.ctrl && input) return [`ctrl+${input.toLowerCase()}`];
	// A fast typist's or tmux's chunk (`gj\r`) holds several keys: name each one.
	const single: Record<string, KeyName> = {
		'\r': 'enter',
		'\n': 'enter',
		'\u001b': 'esc',
		'\t': 'tab',
		'\u007f': 'backspace',
		'\b': 'backspace',
		' ': 'space',
	};
	return [...input].map((ch) => {
		if (single[ch]) return single[ch];
		const code = ch.charCodeAt(0);
		return code >= 1 && code <= 26 ? `ctrl+${String.fromCharCode(code + 96)}` : ch;
	});
}

/** How a key is written for people (`Ctrl+C`, `PgDn`, `↑`). */
export function displayKey(key: KeyName, ascii = false): string {
	const names: Record<string, string> = {
		up: ascii ? 'Up' : '↑',
		down: ascii ? 'Down' : '↓',
		left: ascii ? 'Left' : '←',
		right: ascii ? 'Right' : '→',
		pageup: 'PgUp',
		pagedown: 'PgDn',
		home: 'Home',
		end: 'End',
		enter: 'Enter',
		esc: 'Esc',
		tab: 'Tab',
		backspace: 'Backspace',
		delete: 'Delete',
		space: 'Space',
	};
	if (names[key]) return names[key];
	if (key.startsWith('ctrl+')) return `Ctrl+${key.slice(5).toUpperCase()}`;
	return key;
}

/** The bindings shown and live: all, or without the mutating ones under `--read-only`. */
export function bindings(readOnly: boolean): readonly Binding[] {
	return readOnly ? KEYMAP.filter((b) => !b.mutates) : KEYMAP;
}

/** Footer hints for the active scopes: `j/k move · Enter details · …`. */
export function footerHints(scopes: Scope[], readOnly = false): Array<{keys: string; hint: string}> {
	const out: Array<{keys: string; hint: string}> = [];
	for (const scope of scopes) {
		for (const b of bindings(readOnly)) {
			if (b.scope !== scope || !b.hint) continue;
			const keys = b.id === 'down' ? 'j/k' : displayKey(b.keys[0] ?? '');
			out.push({keys, hint: b.hint});
		}
	}
	return out;
}

/** The README's key table, generated from KEYMAP (a test checks the README carries it verbatim). */
export function keymapMarkdown(): string {
	const rows = ['| Where | Keys | Action |', '| --- | --- | --- |'];
	for (const b of KEYMAP) {
		const keys = b.keys.map((k) => `\`${displayKey(k, true)}\``).join(' ');
		rows.push(`| ${SCOPE_TITLES[b.scope]} | ${keys} | ${b.description} |`);
	}
	return rows.join('\n');
}
