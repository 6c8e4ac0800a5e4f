/** Keys of the lists these features open (link source, container to connect) and of their confirmation. */
import type {Binding} from '../../app/input/commands.js';
import {navigation} from '../../app/input/navigation.js';

export const NET_OPS_KEYS: readonly Binding[] = [
	{id: 'pick', scope: 'choose', keys: ['enter'], description: 'Pick the highlighted item', hint: 'pick'},
	...navigation('choose', {move: 'item'}),
	{id: 'fieldCancel', scope: 'choose', keys: ['esc'], description: 'Close the list', hint: 'close'},
	{id: 'quit', scope: 'choose', keys: ['ctrl+c'], description: 'Quit dnet'},

	{id: 'confirmYes', scope: 'netConfirm', keys: ['y', 'enter'], description: 'Yes, do it', hint: 'yes'},
	{id: 'confirmNo', scope: 'netConfirm', keys: ['n', 'esc'], description: 'No, cancel', hint: 'no'},
	{id: 'quit', scope: 'netConfirm', keys: ['ctrl+c'], description: 'Quit dnet'},
];
