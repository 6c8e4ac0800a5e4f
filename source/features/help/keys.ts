/** Keys of the help screen. */
import type {Binding} from '../../app/input/commands.js';
import {navigation} from '../../app/input/navigation.js';

export const HELP_KEYS: readonly Binding[] = [
	{id: 'back', scope: 'help', keys: ['esc'], description: 'Close the help', hint: 'close'},
	...navigation('help', {scroll: true}),
];
