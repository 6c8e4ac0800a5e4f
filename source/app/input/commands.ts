/**
 * The commands a key can trigger, the modes (key scopes) they are bound in, and the shape of a
 * binding. Features declare their bindings with these; `app/keymap.ts` composes them and
 * `app/reducer.ts` routes each command to the handler of the mode that has the keyboard
 * (ARCHITECTURE.md, "The mode model").
 */
import type {State} from '../state.js';
import type {KeyName} from './key-names.js';

export const COMMAND_IDS = [
	'quit',
	'exit',
	'help',
	'back',
	'up',
	'down',
	'top',
	'bottom',
	'pageUp',
	'pageDown',
	'toggleAll',
	'filter',
	'clearFilter',
	'open',
	'filterAccept',
	'filterCancel',
	'start',
	'stop',
	'restart',
	'remove',
	'mark',
	'markAll',
	'cycleSort',
	'latest',
	'confirmYes',
	'confirmNo',
	'toggleVolumes',
	'openPorts',
	'probe',
	'palette',
	'paletteRun',
	'paletteCancel',
	'editPorts',
	'newContainer',
	'rowAdd',
	'rowEdit',
	'rowDelete',
	'togglePublishAll',
	'toggleItem',
	'pickImage',
	'pick',
	'editorApply',
	'editorCancel',
	'fieldAccept',
	'fieldCancel',
	'useSuggestion',
	'openLinkPicker',
	'editAlias',
	'openLinks',
	'removeLink',
	'moveLink',
	'rename',
	'openNetworks',
	'connectNetwork',
	'disconnectNetwork',
	'createNetwork',
	'removeNetwork',
	'showMessage',
	'diagnose',
	'openContexts',
	'openServices',
	'suspend',
	'copy',
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];

/**
 * Every mode of the mode model: the screens, and the panels, fields and lists that take the
 * keyboard over a screen. `global` is not a mode: its keys apply on every screen mode.
 */
export const MODE_IDS = [
	'list',
	'details',
	'help',
	'ports',
	'editor',
	'new',
	'linkPicker',
	'links',
	'rename',
	'networks',
	'filter',
	'palette',
	'field',
	'confirm',
	'backup',
	'netConfirm',
	'review',
	'discard',
	'picker',
	'choose',
	'busy',
	'message',
	'doctor',
	'contexts',
	'services',
	'service',
	'serviceEditor',
] as const;

export type ModeId = (typeof MODE_IDS)[number];

/** Where a binding applies: one mode, or `global` (every screen mode). */
export type Scope = ModeId | 'global';

export type {KeyName} from './key-names.js';

/** One row of the keymap table: it drives the keys, the `?` help, the footer and the README. */
export interface Binding {
	/** The footer offers the key only when this holds (the key itself does nothing otherwise). */
	when?: (state: State) => boolean;
	id: CommandId;
	scope: Scope;
	keys: KeyName[];
	description: string;
	/** Short label for the footer; bindings without one are only in the help screen. */
	hint?: string;
	/** Changes containers: hidden and refused under `--read-only`. */
	mutates?: boolean;
}

/** Commands that change containers: hidden and refused under `--read-only`. */
export const MUTATING: ReadonlySet<CommandId> = new Set<CommandId>([
	'start',
	'stop',
	'restart',
	'remove',
	'editPorts',
	'newContainer',
	'openLinkPicker',
	'removeLink',
	'moveLink',
	'rename',
	'connectNetwork',
	'disconnectNetwork',
	'createNetwork',
	'removeNetwork',
]);
