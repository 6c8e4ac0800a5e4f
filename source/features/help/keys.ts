/** Keys of the help screen. */
import type {Binding} from '../../app/commands.js';
import {navigation} from '../../app/navigation.js';

export const HELP_KEYS: readonly Binding[] = [
	{id: 'back', scope: 'help', keys: ['esc'], description: 'Close the help', hint: 'close'},
	...navigation('help', {scroll: true}),
];
