/** How much of the terminal the screens get: pure, so the reducer bounds scrolling as the views draw. */
import {backupPanelRows} from '../features/backup/text.js';
import {confirmPanelRows} from '../features/lifecycle/confirm-text.js';
import {messageLines} from './message-text.js';
import type {State} from './state.js';

/** Rows of chrome around the list: status bar, table header, footer, and one spare line. */
export const LIST_CHROME_ROWS = 4;
/** Below this size the UI shows a "make the terminal larger" message instead. */
export const MIN_COLUMNS = 60;
export const MIN_ROWS = 10;
/** Rows a question panel (stop/remove, restore offer) takes from the screen: it wraps, never cuts. */
export function panelRows(state: Pick<State, 'size'> & Partial<Pick<State, 'confirm' | 'backupOffer' | 'containers' | 'message'>>): number {
	if (state.confirm) return confirmPanelRows(state.confirm, state.containers ?? [], state.size.columns);
	if (state.backupOffer) return backupPanelRows(state.backupOffer, state.size.columns);
	if (state.message) return messageLines(state.message, Math.max(10, state.size.columns - 4)).length + 3;
	return 0;
}

export function listHeight(state: Pick<State, 'size'> & Partial<Pick<State, 'confirm' | 'backupOffer' | 'containers' | 'message'>>): number {
	return Math.max(1, state.size.rows - LIST_CHROME_ROWS - panelRows(state));
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

/** `12-40 of 500` when the list has more rows than it shows, else null (the status bar's position). */
export function listPosition(state: Pick<State, 'screen' | 'scrollTop' | 'size' | 'confirm' | 'backupOffer'>, shown: number): string | null {
	const height = listHeight(state);
	if (state.screen !== 'list' || shown <= height) return null;
	const first = Math.min(state.scrollTop, shown - 1);
	return `${first + 1}-${Math.min(first + height, shown)} of ${shown}`;
}
