/** The live container list. */
import React, {useMemo} from 'react';
import {isUp, listHeight, visibleContainers} from '../../store/selectors.js';
import type {State} from '../../store/state.js';
import {columnWidths, toRow} from '../components/columns.js';
import {ContainerTable} from '../components/container-table.js';
import {useTheme} from '../theme.js';

export function ListScreen({state}: {state: State}) {
	const theme = useTheme();
	const arrow = theme.ascii ? '->' : '→';
	const visible = useMemo(() => visibleContainers(state), [state.containers, state.showAll, state.filter]);
	const rows = useMemo(() => visible.map((c) => toRow(c, arrow, isUp(c))), [visible, arrow]);
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
