/** The live container list. */
import {useMemo, useState} from 'react';
import {listHeight} from '../../app/layout.js';
import type {State} from '../../app/state.js';
import {useClock, useWakeAt} from '../../app/view/clock.js';
import {useTheme} from '../../app/view/theme.js';
import {statusChangesAt} from '../../model/status-age.js';
import {statusNow} from './ages.js';
import {columnWidths, toRow} from './columns.js';
import {emptyListText, isUp, pendingJob, visibleContainers} from './selectors.js';
import {ContainerTable} from './table.js';

/**
 * Rows change their text at their own moments (each started at another fraction of a second): the
 * wake-up is put on a grid as fine as the text needs, so that rows changing close together are
 * redrawn together — at most once a second while a status counts seconds, every 5 s while it
 * counts minutes, every minute for hours, every 10 min for days — never once per row. A text is
 * late by less than a step.
 */
export function onGrid(changeAt: number, age: number): number {
	const step = age < 60_000 ? 1000 : age < 3_600_000 ? 5000 : age < 86_400_000 ? 60_000 : 600_000;
	return Math.ceil(changeAt / step) * step;
}

export function ListScreen({state}: {state: State}) {
	const theme = useTheme();
	const clock = useClock();
	const arrow = theme.ascii ? '->' : '→';
	const {containers, showAll, filter, sort, marked, jobs, recreates, ages, scrollTop} = state;
	const height = listHeight(state);
	const visible = useMemo(() => visibleContainers({containers, showAll, filter, sort}), [containers, showAll, filter, sort]);
	// Disconnected, the rows are the last list read: their ages stay as they were then.
	const frozen = state.connection.status === 'disconnected' ? state.lastSync : null;
	const window = useMemo(() => visible.slice(scrollTop, scrollTop + height), [visible, scrollTop, height]);
	const [wokeAt, setWokeAt] = useState(0);
	// The time is read when what is drawn changes (a new list, other rows on screen, a wake-up), with
	// the next moment a status on screen would read otherwise: one timer wakes the list then (rows
	// hours old wake it every half hour or so; rows without a time, never).
	const {now, nextWake} = useMemo(() => {
		if (frozen !== null) return {now: frozen, nextWake: null};
		const at = Math.max(wokeAt, clock.now());
		let next = Number.POSITIVE_INFINITY;
		for (const c of window) {
			const age = ages[c.id];
			if (age && age.status === c.status) next = Math.min(next, onGrid(statusChangesAt(age, at), at - age.to));
		}
		return {now: at, nextWake: Number.isFinite(next) ? next : null};
	}, [frozen, clock, wokeAt, window, ages]);
	useWakeAt(nextWake, setWokeAt);
	const rows = useMemo(() => {
		const markedIds = new Set(marked);
		const ellipsis = theme.ascii ? '...' : '…';
		const recreating = new Set(recreates.flatMap((r) => [r.containerId, r.name]));
		// Links are flagged when their source is gone, stopped or off the default bridge.
		const byName = new Map(containers.map((c) => [c.name, c]));
		return visible.map((c) =>
			toRow(c, arrow, isUp(c), {
				status: statusNow(c, ages[c.id], now),
				pending: pendingJob({jobs}, c.id) ?? (recreating.has(c.id) || recreating.has(c.name) ? 'recreating' : undefined),
				marked: markedIds.has(c.id),
				ellipsis,
				byName,
			}),
		);
	}, [visible, containers, arrow, marked, jobs, recreates, theme.ascii, ages, now]);
	const widths = useMemo(() => columnWidths(rows, state.size.columns), [rows, state.size.columns]);
	const emptyText = emptyListText(state);
	return (
		<ContainerTable
			rows={rows}
			widths={widths}
			top={scrollTop}
			height={height}
			selectedId={state.selectedId}
			emptyText={emptyText}
			stale={frozen !== null}
		/>
	);
}
