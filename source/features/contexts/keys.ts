/** Keys of the context switcher: `c` on the list opens it; its own keys move, switch, go back. */
import type {Binding} from '../../app/input/commands.js';

export const CONTEXTS_OPEN_KEYS: readonly Binding[] = [
	{id: 'openContexts', scope: 'list', keys: ['c'], description: 'Docker contexts: switch the session to another engine', hint: 'contexts'},
];

export const CONTEXTS_KEYS: readonly Binding[] = [
	{id: 'back', scope: 'contexts', keys: ['esc'], description: 'Back to the list', hint: 'back'},
	{id: 'up', scope: 'contexts', keys: ['up', 'k'], description: 'Previous context'},
	{id: 'down', scope: 'contexts', keys: ['down', 'j'], description: 'Next context'},
	{
		id: 'open',
		scope: 'contexts',
		keys: ['enter'],
		description: 'Switch the whole session to this context (not written to the docker config)',
		hint: 'switch',
		when: (s) => s.contexts?.view !== 'ports',
	},
];
