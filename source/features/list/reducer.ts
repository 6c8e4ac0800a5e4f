/**
 * The container list: moving the cursor (which follows a container, not a row number), showing
 * all or running containers, the `/` filter, the sort order, the jump to the latest container.
 */
import type {HandlerTable} from '../../app/handlers.js';
import {listHeight, scrollInto} from '../../app/layout.js';
import {openField} from '../../app/input/text-field.js';
import type {SortKey, State} from '../../app/state.js';
import {openDetails} from '../details/reducer.js';
import {isUp, matchesFilter, selectedIndex, visibleContainers} from './selectors.js';

const SORT_ORDER: SortKey[] = ['name', 'created', 'status'];

/** Keeps the cursor on a visible row (or nearest to where it was) and inside the scroll window. */
export function settleCursor(next: State, previous: State): State {
	const rows = visibleContainers(next);
	if (rows.length === 0) return next.scrollTop === 0 ? next : {...next, scrollTop: 0};
	let index = rows.findIndex((c) => c.id === next.selectedId);
	if (index < 0) {
		// A recreated container (new id, same name) keeps the cursor.
		const name = previous.containers.find((c) => c.id === next.selectedId)?.name;
		if (name !== undefined) index = rows.findIndex((c) => c.name === name);
	}
	if (index < 0) {
		const before = visibleContainers(previous);
		const old = before.findIndex((c) => c.id === previous.selectedId);
		index = Math.min(Math.max(old, 0), rows.length - 1);
	}
	const scrollTop = scrollInto(index, next.scrollTop, rows.length, listHeight(next));
	const selectedId = rows[index]?.id ?? null;
	return selectedId === next.selectedId && scrollTop === next.scrollTop ? next : {...next, selectedId, scrollTop};
}

function moveTo(state: State, index: (current: number, count: number, page: number) => number): State {
	const rows = visibleContainers(state);
	if (rows.length === 0) return state;
	const current = selectedIndex(rows, state.selectedId);
	const target = Math.min(rows.length - 1, Math.max(0, index(current, rows.length, listHeight(state))));
	return settleCursor({...state, selectedId: rows[target]?.id ?? null}, state);
}

/** Sets the `/` filter, keeping the cursor on a visible row. */
export function setFilter(state: State, filter: string): State {
	return settleCursor({...state, filter}, state);
}

/** `a`, `:all`: all containers or running only. */
export const toggleAll = (state: State): State => settleCursor({...state, showAll: !state.showAll}, state);

/** `t`, `:latest`: like `docker ps -l`, the newest container in any state that the filter lets through. */
export function jumpToLatest(state: State): State {
	const candidates = state.containers.filter((c) => matchesFilter(c, state.filter));
	const latest = candidates.reduce<(typeof candidates)[number] | undefined>((best, c) => (!best || c.created > best.created ? c : best), undefined);
	if (!latest) return state;
	return settleCursor({...state, showAll: state.showAll || !isUp(latest), selectedId: latest.id}, state);
}

/** `/`: opens the filter field on the current filter. */
export const openFilter = (state: State): State => ({...state, field: openField({kind: 'filter'}, state.filter)});

function cycleSort(state: State): State {
	const sort = SORT_ORDER[(SORT_ORDER.indexOf(state.sort) + 1) % SORT_ORDER.length] ?? 'name';
	const word = sort === 'created' ? 'created (newest first)' : sort === 'status' ? 'status (running first)' : 'name';
	return settleCursor({...state, sort, notice: {tone: 'info', text: `sorted by ${word}`}}, state);
}

function open(state: State): State {
	const rows = visibleContainers(state);
	const c = rows[selectedIndex(rows, state.selectedId)];
	return c ? openDetails(state, c) : state;
}

export const handlers: HandlerTable = {
	list: {
		up: (s) => moveTo(s, (i) => i - 1),
		down: (s) => moveTo(s, (i) => i + 1),
		top: (s) => moveTo(s, () => 0),
		bottom: (s) => moveTo(s, (_i, n) => n - 1),
		pageUp: (s) => moveTo(s, (i, _n, p) => i - p),
		pageDown: (s) => moveTo(s, (i, _n, p) => i + p),
		open,
		toggleAll,
		filter: openFilter,
		clearFilter: (s) => (s.filter === '' ? s : setFilter(s, '')),
		cycleSort,
		latest: jumpToLatest,
	},
	filter: {
		filterAccept: (s) => ({...s, field: null}),
		filterCancel: (s) => setFilter({...s, field: null}, ''),
	},
};
