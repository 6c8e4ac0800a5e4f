/**
 * The one keymap table, composed from the features' bindings: it drives the keys (through the mode
 * model), the `?` help screen, the footer hints and the README's key list. A test checks that
 * every mode has keys and a title, that no key means two things in one mode, and that every
 * binding has a handler (ARCHITECTURE.md, "The mode model").
 */
import {BACKUP_KEYS} from '../../features/backup/keys.js';
import {DETAILS_KEYS} from '../../features/details/keys.js';
import {CONTEXTS_KEYS, CONTEXTS_OPEN_KEYS} from '../../features/contexts/keys.js';
import {DOCTOR_KEYS, DOCTOR_OPEN_KEYS} from '../../features/doctor/keys.js';
import {SERVICES_KEYS, SERVICES_OPEN_KEYS} from '../../features/services/keys.js';
import {EDITOR_KEYS, EDITOR_OPEN_KEYS} from '../../features/editor/keys.js';
import {FORM_KEYS, FORM_OPEN_KEYS} from '../../features/form/keys.js';
import {HELP_KEYS} from '../../features/help/keys.js';
import {CONFIRM_KEYS, LIFECYCLE_DETAILS_KEYS, LIFECYCLE_LIST_KEYS} from '../../features/lifecycle/keys.js';
import {LINK_GRAPH_KEYS, LINK_GRAPH_OPEN_KEYS} from '../../features/link-graph/keys.js';
import {LINK_PICKER_KEYS, LINK_PICKER_OPEN_KEYS} from '../../features/link-picker/keys.js';
import {FILTER_KEYS, LIST_KEYS} from '../../features/list/keys.js';
import {NET_OPS_KEYS} from '../../features/net-ops/keys.js';
import {NETWORKS_KEYS, NETWORKS_OPEN_KEYS} from '../../features/networks/keys.js';
import {PALETTE_KEYS, PALETTE_OPEN_KEYS} from '../../features/palette/keys.js';
import {PORTS_KEYS, PORTS_LIST_KEYS} from '../../features/ports/keys.js';
import {RENAME_KEYS, RENAME_OPEN_KEYS} from '../../features/rename/keys.js';
import {TERMINAL_KEYS} from '../../features/terminal/keys.js';
import type {State} from '../state.js';
import type {Binding, KeyName, Scope} from './commands.js';

export type {Binding, KeyName} from './commands.js';

const GLOBAL_KEYS: readonly Binding[] = [
	{id: 'quit', scope: 'global', keys: ['q'], description: 'Quit dnet (asks first when an edit is unsaved)', hint: 'quit'},
	{id: 'exit', scope: 'global', keys: ['ctrl+c'], description: 'Quit dnet at once, whatever is open'},
	{id: 'help', scope: 'global', keys: ['?'], description: 'Show or hide this help', hint: 'help'},
];

/** True when the footer cannot show the whole notice (`!` shows it). */
export const noticeCut = (s: State): boolean => s.notice !== null && (s.notice.detail !== undefined || s.notice.text.length > s.size.columns - 2);

const MESSAGE_KEYS: readonly Binding[] = [
	{id: 'showMessage', scope: 'global', keys: ['!'], description: 'Show the whole last message (an error the footer had to cut)', hint: 'more', when: noticeCut},
	{id: 'back', scope: 'message', keys: ['esc', 'enter', 'space'], description: 'Close the message', hint: 'close'},
	{id: 'quit', scope: 'message', keys: ['ctrl+c'], description: 'Quit dnet'},
];

/** The text field of the editor, the form and the links and networks features. */
const FIELD_KEYS: readonly Binding[] = [
	{id: 'fieldAccept', scope: 'field', keys: ['enter'], description: 'Keep what was typed (refused while invalid)', hint: 'ok'},
	{id: 'fieldCancel', scope: 'field', keys: ['esc'], description: 'Undo the edit', hint: 'cancel'},
	{id: 'quit', scope: 'field', keys: ['ctrl+c'], description: 'Quit dnet'},
];

/** While a change runs with its screen waiting for it (the editor's recreate, the form's create). */
const BUSY_KEYS: readonly Binding[] = [{id: 'quit', scope: 'busy', keys: ['ctrl+c'], description: 'Quit dnet (the change goes on in the engine; an interrupted recreate is offered for restore on the next start)'}];

/** Scopes in the order the help screen and the README list them. */
export const SCOPE_ORDER: readonly Scope[] = [
	'global',
	'list',
	'details',
	'ports',
	'doctor',
	'contexts',
	'services',
	'service',
	'serviceEditor',
	'links',
	'networks',
	'linkPicker',
	'choose',
	'rename',
	'netConfirm',
	'editor',
	'review',
	'new',
	'picker',
	'field',
	'discard',
	'backup',
	'filter',
	'confirm',
	'palette',
	'busy',
	'message',
	'help',
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
	field: 'While typing in the editor, the form or a name',
	picker: 'Image list',
	review: 'Review of a port change',
	discard: 'Discard changes?',
	backup: 'Restore offer',
	linkPicker: 'Link picker: review',
	choose: 'Choosing from a list (link source, container to connect)',
	links: 'Link graph',
	rename: 'Rename',
	networks: 'Networks view',
	netConfirm: 'Confirmation of a link, rename or network change',
	busy: 'While a change is applied',
	message: 'A message shown whole',
	doctor: 'Port doctor',
	contexts: 'Docker contexts',
	services: 'Swarm services',
	service: 'A swarm service',
	serviceEditor: 'Port editor of a service',
};

const rank = (s: Scope): number => SCOPE_ORDER.indexOf(s);

export const KEYMAP: readonly Binding[] = [
	...GLOBAL_KEYS,
	...TERMINAL_KEYS,
	...PALETTE_OPEN_KEYS,
	...LIST_KEYS,
	...LIFECYCLE_LIST_KEYS,
	...PORTS_LIST_KEYS,
	...EDITOR_OPEN_KEYS,
	...FORM_OPEN_KEYS,
	...LINK_PICKER_OPEN_KEYS,
	...RENAME_OPEN_KEYS,
	...LINK_GRAPH_OPEN_KEYS,
	...NETWORKS_OPEN_KEYS,
	...DOCTOR_OPEN_KEYS,
	...CONTEXTS_OPEN_KEYS,
	...CONTEXTS_KEYS,
	...SERVICES_OPEN_KEYS,
	...DETAILS_KEYS,
	...LIFECYCLE_DETAILS_KEYS,
	...HELP_KEYS,
	...PORTS_KEYS,
	...LINK_GRAPH_KEYS,
	...NETWORKS_KEYS,
	...LINK_PICKER_KEYS,
	...RENAME_KEYS,
	...DOCTOR_KEYS,
	...SERVICES_KEYS,
	...NET_OPS_KEYS,
	...EDITOR_KEYS,
	...FORM_KEYS,
	...FIELD_KEYS,
	...BACKUP_KEYS,
	...FILTER_KEYS,
	...CONFIRM_KEYS,
	...PALETTE_KEYS,
	...BUSY_KEYS,
	...MESSAGE_KEYS,
]
	.map((b, i) => ({b, i}))
	.sort((x, y) => rank(x.b.scope) - rank(y.b.scope) || x.i - y.i)
	.map((x) => x.b);

/** The binding a key has in the given scopes, first scope first. */
export function resolveKey(key: KeyName, scopes: readonly Scope[]): Binding | undefined {
	for (const scope of scopes) {
		const binding = KEYMAP.find((b) => b.scope === scope && b.keys.includes(key));
		if (binding) return binding;
	}
	return undefined;
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
	if (key.startsWith('alt+')) return `Alt+${key.slice(4).toUpperCase()}`;
	return key;
}

/** The bindings shown and live: all, or without the mutating ones under `--read-only`. */
export function bindings(readOnly: boolean): readonly Binding[] {
	return readOnly ? KEYMAP.filter((b) => !b.mutates) : KEYMAP;
}

/** Footer hints for the active scopes: `j/k move · Enter details · …` (with the state: only the keys that do something now). */
export function footerHints(scopes: readonly Scope[], readOnly = false, state?: State): Array<{keys: string; hint: string}> {
	const out: Array<{keys: string; hint: string}> = [];
	for (const scope of scopes) {
		for (const b of bindings(readOnly)) {
			if (b.scope !== scope || !b.hint) continue;
			if (state && b.when && !b.when(state)) continue;
			const keys = b.id === 'down' ? 'j/k' : displayKey(b.keys[0] ?? '');
			out.push({keys, hint: b.hint});
		}
	}
	return out;
}

const hintsWidth = (list: ReadonlyArray<{keys: string; hint: string}>): number =>
	list.reduce((n, h, i) => n + (i > 0 ? 2 : 0) + h.keys.length + 1 + h.hint.length, 0);

/** The first of `list` that fit in `room` columns (whole hints only). */
function takeHints(list: ReadonlyArray<{keys: string; hint: string}>, room: number): Array<{keys: string; hint: string}> {
	const out: Array<{keys: string; hint: string}> = [];
	for (const h of list) {
		if (hintsWidth([...out, h]) > room) break;
		out.push(h);
	}
	return out;
}

/**
 * The footer hints that fit in `room` columns (the footer and the first frame draw these): all of
 * them when they fit; else the mode's own first ones and, kept whenever they fit, the global ones
 * (`q quit`, `? help`), so that the way out and the help are always on screen.
 */
export function fittedHints(scopes: readonly Scope[], room: number, readOnly = false, state?: State): Array<{keys: string; hint: string}> {
	const all = footerHints(scopes, readOnly, state);
	if (hintsWidth(all) <= room) return all;
	const global = scopes.includes('global') ? takeHints(footerHints(['global'], readOnly, state), room) : [];
	const own = footerHints(
		scopes.filter((s) => s !== 'global'),
		readOnly,
		state,
	);
	return [...takeHints(own, room - hintsWidth(global) - (global.length > 0 ? 2 : 0)), ...global];
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
