/**
 * The commands a key can trigger. `ui/keymap.ts` binds keys to these ids; the reducer gives them
 * meaning. Adding one here forces both (exhaustive switches).
 */
export const COMMAND_IDS = [
	'quit',
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
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];

/** Where a command applies: global ones work on every screen (unless a text field has focus). */
export type Scope =
	| 'global'
	| 'list'
	| 'details'
	| 'help'
	| 'filter'
	| 'confirm'
	| 'ports'
	| 'palette'
	| 'editor'
	| 'new'
	| 'field'
	| 'picker'
	| 'review'
	| 'discard'
	| 'backup'
	| 'linkPicker'
	| 'links'
	| 'rename'
	| 'networks'
	| 'choose'
	| 'netConfirm';

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
