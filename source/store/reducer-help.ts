/** The help screen scrolls when the keys do not fit: the view reports how far it can scroll. */
import type {CommandId} from './commands.js';
import {listHeight} from './selectors.js';
import type {State} from './state.js';

function scrollTo(state: State, to: (scroll: number, page: number, max: number) => number): State {
	const max = state.help.maxScroll;
	const scroll = Math.min(max, Math.max(0, to(state.help.scroll, listHeight(state), max)));
	return scroll === state.help.scroll ? state : {...state, help: {...state.help, scroll}};
}

/** Scrolling keys on the help screen; null for anything else. */
export function helpCommand(state: State, id: CommandId): State | null {
	if (state.screen !== 'help') return null;
	switch (id) {
		case 'up':
			return scrollTo(state, (s) => s - 1);
		case 'down':
			return scrollTo(state, (s) => s + 1);
		case 'top':
			return scrollTo(state, () => 0);
		case 'bottom':
			return scrollTo(state, (_s, _p, max) => max);
		case 'pageUp':
			return scrollTo(state, (s, p) => s - p);
		case 'pageDown':
			return scrollTo(state, (s, p) => s + p);
		default:
			return null;
	}
}

/** The view's report of how many lines do not fit. */
export function helpLayout(state: State, maxScroll: number): State {
	if (maxScroll === state.help.maxScroll) return state;
	return {...state, help: {scroll: Math.min(state.help.scroll, maxScroll), maxScroll}};
}
