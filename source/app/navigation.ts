/** The navigation keys every scrolling view shares, generated once for each scope. */
import type {Binding, Scope} from './commands.js';

/**
 * The six navigation bindings of a view (k/j, g/G, PgUp/PgDn), worded for what it moves over:
 * `{move: 'container'}` ("Go to the first container") or `{scroll: true}` ("Scroll to the top").
 */
export function navigation(scope: Scope, how: {move: string} | {scroll: true}): Binding[] {
	const what = 'move' in how ? how.move : null;
	return [
		{id: 'up', scope, keys: ['k', 'up'], description: what ? 'Move up' : 'Scroll up'},
		{id: 'down', scope, keys: ['j', 'down'], description: what ? 'Move down' : 'Scroll down', hint: what ? 'move' : 'scroll'},
		{id: 'top', scope, keys: ['g', 'home'], description: what ? `Go to the first ${what}` : 'Scroll to the top'},
		{id: 'bottom', scope, keys: ['G', 'end'], description: what ? `Go to the last ${what}` : 'Scroll to the bottom'},
		{id: 'pageUp', scope, keys: ['pageup', 'ctrl+b'], description: 'Page up'},
		{id: 'pageDown', scope, keys: ['pagedown', 'ctrl+f'], description: 'Page down'},
	];
}
