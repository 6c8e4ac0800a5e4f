/** The navigation keys every scrolling view shares, generated once for each scope, and where they move a cursor. */
import type {Handler} from '../handlers.js';
import type {Binding, CommandId, Scope} from './commands.js';

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

/**
 * Where a navigation command moves a cursor at `current` in `count` rows with `page` rows per
 * page, kept in bounds; null when `id` is not a navigation command.
 */
export function cursorTarget(id: CommandId, current: number, count: number, page: number): number | null {
	let to: number;
	switch (id) {
		case 'up':
			to = current - 1;
			break;
		case 'down':
			to = current + 1;
			break;
		case 'top':
			to = 0;
			break;
		case 'bottom':
			to = count - 1;
			break;
		case 'pageUp':
			to = current - page;
			break;
		case 'pageDown':
			to = current + page;
			break;
		default:
			return null;
	}
	return Math.min(Math.max(0, count - 1), Math.max(0, to));
}

/** The six navigation commands. */
export const NAVIGATION = ['up', 'down', 'top', 'bottom', 'pageUp', 'pageDown'] as const;

/** A view's handlers of the six navigation commands, from its one `move` function. */
export function navigate(move: (id: CommandId) => Handler): Record<(typeof NAVIGATION)[number], Handler> {
	return {up: move('up'), down: move('down'), top: move('top'), bottom: move('bottom'), pageUp: move('pageUp'), pageDown: move('pageDown')};
}
