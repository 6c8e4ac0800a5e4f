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

/** The name a recreate's backup was made from (`web-dnet-backup-1764284400000` is `web`). */
const BACKUP = /^(.*)-dnet-backup-\d+$/;

/** True while a recreate or a link change is running on the container named `name`. */
function busyWith(state: State, name: string): boolean {
	return state.recreates.some((r) => r.name === name) || state.net.ops.some(({op}) => 'recipient' in op && op.recipient === name);
}

/**
 * Keeps the cursor on a visible row and inside the scroll window. It follows, in order: the name
 * it was told to follow (a container recreated or created), the selected container, a container
 * recreated under the selected one's name (new id, same name; or the original of a backup), and
 * last the row nearest to where it was.
 */
export function settleCursor(next: State, previous: State): State {
	const rows = visibleContainers(next);
	if (rows.length === 0) return next.scrollTop === 0 ? next : {...next, scrollTop: 0};
	let follow = next.follow;
	let index = follow === null ? -1 : rows.findIndex((c) => c.name === follow);
	// Followed and arrived: forget it once nothing runs on it any more.
	if (index >= 0 && follow !== null && !busyWith(next, follow)) follow = null;
	if (index < 0) index = rows.findIndex((c) => c.id === next.selectedId);
	if (index < 0) {
		const name = previous.containers.find((c) => c.id === next.selectedId)?.name;
		const original = name === undefined ? undefined : (BACKUP.exec(name)?.[1] ?? name);
		if (original !== undefined) index = rows.findIndex((c) => c.name === original);
	}
	if (index < 0) {
		const before = visibleContainers(previous);
		const old = before.findIndex((c) => c.id === previous.selectedId);
		index = Math.min(Math.max(old, 0), rows.length - 1);
	}
	const scrollTop = scrollInto(index, next.scrollTop, rows.length, listHeight(next));
	const selectedId = rows[index]?.id ?? null;
	return selectedId === next.selectedId && scrollTop === next.scrollTop && follow === next.follow ? next : {...next, selectedId, scrollTop, follow};
}

function moveTo(state: State, index: (current: number, count: number, page: number) => number): State {
	const rows = visibleContainers(state);
	if (rows.length === 0) return state;
	const current = selectedIndex(rows, state.selectedId);
	const target = Math.min(rows.length - 1, Math.max(0, index(current, rows.length, listHeight(state))));
	return settleCursor({...state, selectedId: rows[target]?.id ?? null, follow: null}, state);
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
	return settleCursor({...state, showAll: state.showAll || !isUp(latest), selectedId: latest.id, follow: null}, state);
}

/** `/`: opens the filter field on the current filter. */
export const openFilter = (state: State): State => ({...state, field: openField({kind: 'filter', of: 'list'}, state.filter)});

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
		// Esc clears the filter the field was typing: the list's, or the ports view's (app/reducer.ts applies it).
		filterCancel: (s) => (s.field?.target.kind === 'filter' && s.field.target.of === 'ports' ? {...s, field: null, ports: {...s.ports, filter: ''}} : setFilter({...s, field: null}, '')),
	},
};
