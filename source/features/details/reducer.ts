/** The details view: opened from the list, scrolled, re-inspected when the engine reports a change. */
import type {HandlerTable} from '../../app/handlers.js';
import {listHeight} from '../../app/layout.js';
import {request} from '../../app/request.js';
import type {State} from '../../app/state.js';
import type {ContainerDetails, ContainerSummary} from '../../model/container.js';
import {detailsLines} from './lines.js';

/** Opens the details of `c` and asks for its inspection. */
export function openDetails(state: State, c: Pick<ContainerSummary, 'id' | 'name'>): State {
	return request(
		{...state, screen: 'details', details: {id: c.id, name: c.name, data: null, error: null, gone: false, scroll: 0}},
		{kind: 'inspectDetails', containerId: c.id},
	);
}

/** Asks for a fresh inspection when the container shown is the one concerned. */
export function refreshDetails(state: State, containerId?: string): State {
	const d = state.details;
	if (!d || (containerId !== undefined && containerId !== d.id)) return state;
	return request(state, {kind: 'inspectDetails', containerId: d.id});
}

function maxScroll(state: State): number {
	if (!state.details?.data) return 0;
	const lines = detailsLines(state.details.data, state.containers).length;
	return Math.max(0, lines - listHeight(state));
}

function scroll(state: State, delta: (scroll: number, page: number, max: number) => number): State {
	if (!state.details) return state;
	const max = maxScroll(state);
	const next = Math.min(max, Math.max(0, delta(state.details.scroll, listHeight(state), max)));
	return next === state.details.scroll ? state : {...state, details: {...state.details, scroll: next}};
}

/**
 * Keeps the details on their container as the list changes: a rename updates the name shown; a
 * container recreated under the same name (new id: a port or link change, from dnet or elsewhere)
 * is the one shown from then on. A removed one stays, marked gone by its failed inspection.
 */
export function followDetails(state: State): State {
	const d = state.details;
	if (!d) return state;
	const same = state.containers.find((c) => c.id === d.id);
	if (same) return same.name === d.name ? state : {...state, details: {...d, name: same.name}};
	const successor = state.containers.find((c) => c.name === d.name);
	if (!successor) return state;
	return request({...state, details: {...d, id: successor.id, data: null, error: null, gone: false}}, {kind: 'inspectDetails', containerId: successor.id});
}

export function detailsLoaded(state: State, id: string, data: ContainerDetails): State {
	if (state.details?.id !== id) return state;
	return {...state, details: {...state.details, data, error: null, gone: false}};
}

export function detailsFailed(state: State, id: string, message: string, gone: boolean): State {
	if (state.details?.id !== id) return state;
	return {...state, details: {...state.details, error: message, gone}};
}

export const handlers: HandlerTable = {
	details: {
		back: (s) => ({...s, screen: 'list', details: null}),
		up: (s) => scroll(s, (x) => x - 1),
		down: (s) => scroll(s, (x) => x + 1),
		top: (s) => scroll(s, () => 0),
		bottom: (s) => scroll(s, (_x, _p, max) => max),
		pageUp: (s) => scroll(s, (x, p) => x - p),
		pageDown: (s) => scroll(s, (x, p) => x + p),
	},
};
