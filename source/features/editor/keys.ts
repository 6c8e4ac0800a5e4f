/** Keys of the port editor, its review and the discard question (shared with the form). */
import type {Binding} from '../../app/input/commands.js';

export const EDITOR_OPEN_KEYS: readonly Binding[] = [
	{id: 'editPorts', scope: 'list', keys: ['p'], description: 'Edit the port mappings of the container (recreates it safely)', hint: 'edit ports', mutates: true},
	{id: 'editPorts', scope: 'details', keys: ['p'], description: 'Edit the port mappings of this container', hint: 'ports', mutates: true},
];

export const EDITOR_KEYS: readonly Binding[] = [
	{id: 'up', scope: 'editor', keys: ['k', 'up'], description: 'Previous row'},
	{id: 'down', scope: 'editor', keys: ['j', 'down'], description: 'Next row', hint: 'move'},
	{id: 'rowEdit', scope: 'editor', keys: ['enter'], description: 'Edit the row in docker syntax (on Apply: review the change)', hint: 'edit'},
	{id: 'rowAdd', scope: 'editor', keys: ['a'], description: 'Add a port mapping', hint: 'add'},
	{id: 'rowDelete', scope: 'editor', keys: ['x', 'delete'], description: 'Delete the port mapping', hint: 'delete'},
	{id: 'togglePublishAll', scope: 'editor', keys: ['P'], description: 'Publish every exposed port on a random host port (-P) or not', hint: '-P'},
	{id: 'editorApply', scope: 'editor', keys: ['w'], description: 'Review the change and apply it', hint: 'apply'},
	{id: 'editorCancel', scope: 'editor', keys: ['esc'], description: 'Cancel (asks first when there are unsaved changes)', hint: 'cancel'},

	{id: 'confirmYes', scope: 'review', keys: ['y'], description: 'Apply: recreate the container with the new ports', hint: 'apply'},
	{id: 'confirmNo', scope: 'review', keys: ['n', 'esc'], description: 'Back to editing', hint: 'edit'},
	{
		id: 'useSuggestion',
		scope: 'review',
		keys: ['u'],
		description: 'Use the suggested free host ports',
		hint: 'use free port',
		when: (s) => s.editor?.conflicts?.some((c) => c.suggestion !== null && c.row !== null) ?? false,
	},
	{id: 'quit', scope: 'review', keys: ['ctrl+c'], description: 'Quit dnet'},

	{id: 'confirmYes', scope: 'discard', keys: ['y'], description: 'Discard the changes', hint: 'discard'},
	{id: 'confirmNo', scope: 'discard', keys: ['n', 'esc'], description: 'Keep editing', hint: 'keep editing'},
	{id: 'quit', scope: 'discard', keys: ['ctrl+c'], description: 'Quit dnet'},
];
