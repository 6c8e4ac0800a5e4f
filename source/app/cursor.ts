/** The navigation keys every list shares (up, down, top, bottom, page up, page down). */
import type {CommandId} from './commands.js';

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
