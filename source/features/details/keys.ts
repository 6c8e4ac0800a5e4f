/** Keys of the details view (its lifecycle, ports, link and rename keys are the features'). */
import type {Binding} from '../../app/input/commands.js';
import {navigation} from '../../app/input/navigation.js';

export const DETAILS_KEYS: readonly Binding[] = [
	{id: 'back', scope: 'details', keys: ['esc', 'left', 'backspace'], description: 'Back to the list', hint: 'back'},
	...navigation('details', {scroll: true}),
];
