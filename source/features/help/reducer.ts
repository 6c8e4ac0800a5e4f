/** The help screen (`?`): opened over any screen, scrolled when the keys do not fit. */
import {cursorTarget, navigate} from '../../app/input/navigation.js';
import type {CommandId} from '../../app/input/commands.js';
import type {HandlerTable} from '../../app/handlers.js';
import {listHeight} from '../../app/layout.js';
import type {State} from '../../app/state.js';
import {mode} from '../../app/input/mode.js';
import {sectionOf} from './lines.js';

/** `?`: opens the help over the current screen, at the keys of what had the keyboard; or closes it. */
export function toggleHelp(state: State): State {
	if (state.screen === 'help') return {...state, screen: state.returnTo};
	return {...state, screen: 'help', returnTo: state.screen, field: null, help: {...state.help, scroll: sectionOf(mode(state), state.readOnly)}};
}

/** Scrolling is a cursor over the possible first lines (0..maxScroll). */
function scroll(id: CommandId) {
	return (state: State): State => {
		const to = cursorTarget(id, state.help.scroll, state.help.maxScroll + 1, listHeight(state)) ?? state.help.scroll;
		return to === state.help.scroll ? state : {...state, help: {...state.help, scroll: to}};
	};
}

/** The view's report of how many lines do not fit. */
export function helpLayout(state: State, maxScroll: number): State {
	if (maxScroll === state.help.maxScroll) return state;
	return {...state, help: {scroll: Math.min(state.help.scroll, maxScroll), maxScroll}};
}

export const handlers: HandlerTable = {
	global: {help: toggleHelp},
	help: {
		back: (s) => ({...s, screen: s.returnTo}),
		...navigate(scroll),
	},
};
