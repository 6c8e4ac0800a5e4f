/** Keys of the new-container form and its image list. */
import type {Binding} from '../../app/input/commands.js';
import {navigation} from '../../app/input/navigation.js';

export const FORM_OPEN_KEYS: readonly Binding[] = [
	{id: 'newContainer', scope: 'list', keys: ['n'], description: 'New container: image, name, ports, links (docker run -d)', hint: 'new', mutates: true},
];

export const FORM_KEYS: readonly Binding[] = [
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

	{id: 'pick', scope: 'picker', keys: ['enter'], description: 'Use the highlighted image', hint: 'pick'},
	...navigation('picker', {move: 'image'}),
	{id: 'fieldCancel', scope: 'picker', keys: ['esc'], description: 'Close the image list', hint: 'close'},
	{id: 'quit', scope: 'picker', keys: ['ctrl+c'], description: 'Quit dnet'},
];
