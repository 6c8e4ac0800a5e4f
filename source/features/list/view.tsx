/** The live container list. */
import {useMemo} from 'react';
import {listHeight} from '../../app/layout.js';
import type {State} from '../../app/state.js';
import {useTheme} from '../../app/view/theme.js';
import {columnWidths, toRow} from './columns.js';
import {isUp, pendingJob, visibleContainers} from './selectors.js';
import {ContainerTable} from './table.js';

export function ListScreen({state}: {state: State}) {
	const theme = useTheme();
	const arrow = theme.ascii ? '->' : '→';
	const {containers, showAll, filter, sort, marked, jobs, recreates} = state;
	const visible = useMemo(() => visibleContainers({containers, showAll, filter, sort}), [containers, showAll, filter, sort]);
	const rows = useMemo(() => {
		const markedIds = new Set(marked);
		const ellipsis = theme.ascii ? '...' : '…';
		const recreating = new Set(recreates.flatMap((r) => [r.containerId, r.name]));
		return visible.map((c) =>
			toRow(c, arrow, isUp(c), {
				pending: pendingJob({jobs}, c.id) ?? (recreating.has(c.id) || recreating.has(c.name) ? 'recreating' : undefined),
				marked: markedIds.has(c.id),
				ellipsis,
			}),
		);
	}, [visible, arrow, marked, jobs, recreates, theme.ascii]);
	const widths = useMemo(() => columnWidths(rows, state.size.columns), [rows, state.size.columns]);
	let emptyText = 'No containers.';
	if (!state.loaded) emptyText = state.connection.status === 'disconnected' ? 'Not connected.' : 'Loading…';
	else if (state.filter) emptyText = `No container matches "${state.filter}".`;
	else if (!state.showAll && state.containers.length > 0) emptyText = `No running containers (${state.containers.length} stopped: press a to show all).`;
	return (
		<ContainerTable
			rows={rows}
			widths={widths}
			top={state.scrollTop}
			height={listHeight(state)}
			selectedId={state.selectedId}
			emptyText={emptyText}
		/>
	);
}
