/** How much of the terminal the screens get: pure, so the reducer bounds scrolling as the views draw. */
import type {State} from './state.js';

/** Rows of chrome around the list: status bar, table header, footer, and one spare line. */
export const LIST_CHROME_ROWS = 4;
/** Below this size the UI shows a "make the terminal larger" message instead. */
export const MIN_COLUMNS = 60;
export const MIN_ROWS = 10;
/** Rows the confirmation panel takes from the list while it is open (a bordered box of two lines). */
export const CONFIRM_ROWS = 4;

export function listHeight(state: Pick<State, 'size'> & Partial<Pick<State, 'confirm' | 'backupOffer'>>): number {
	return Math.max(1, state.size.rows - LIST_CHROME_ROWS - (state.confirm || state.backupOffer ? CONFIRM_ROWS : 0));
}

export function tooSmall(state: Pick<State, 'size'>): boolean {
	return state.size.columns < MIN_COLUMNS || state.size.rows < MIN_ROWS;
}

/** The first visible row that keeps row `index` of `count` rows in a window of `height`, moving as little as possible from `top`. */
export function scrollInto(index: number, top: number, count: number, height: number): number {
	let first = Math.min(top, Math.max(0, count - height));
	if (index < first) first = index;
	if (index >= first + height) first = index - height + 1;
	return first;
}
