/** The help screen scrolls when the keys do not fit: the view reports how far it can scroll. */
import type {CommandId} from './commands.js';
import {cursorTarget} from './cursor.js';
import {listHeight} from './selectors.js';
import type {State} from './state.js';

/** Scrolling keys on the help screen; null for anything else. */
export function helpCommand(state: State, id: CommandId): State | null {
	if (state.screen !== 'help') return null;
	// Scrolling is a cursor over the possible first lines (0..maxScroll).
	const scroll = cursorTarget(id, state.help.scroll, state.help.maxScroll + 1, listHeight(state));
	if (scroll === null) return null;
	return scroll === state.help.scroll ? state : {...state, help: {...state.help, scroll}};
}

/** The view's report of how many lines do not fit. */
export function helpLayout(state: State, maxScroll: number): State {
	if (maxScroll === state.help.maxScroll) return state;
	return {...state, help: {scroll: Math.min(state.help.scroll, maxScroll), maxScroll}};
}
