/** `r`: rename the selected container; shows that links to it follow. */
import {Box, Text} from 'ink';
import React from 'react';
import {sanitize} from '../../model/sanitize.js';
import {linkedFrom, listHeight} from '../../store/selectors.js';
import type {State} from '../../store/state.js';
import {NetPanel} from '../components/net-panel.js';
import {useTheme} from '../theme.js';

export function RenameScreen({state}: {state: State}) {
	const theme = useTheme();
	const height = listHeight(state) + 1;
	const c = state.containers.find((x) => x.id === state.selectedId);
	if (!c) return null;
	const from = linkedFrom(state.containers, c.name);
	const typed = state.field?.target.kind === 'net' ? state.field.text.trim() || '…' : '…';
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.tone.accent} wrap="truncate">{`Rename ${sanitize(c.name)} (docker rename)`}</Text>
			<Text wrap="truncate">{from.length === 0 ? '  No container links to it.' : '  Links to it follow the rename (the engine updates them):'}</Text>
			{from.map((l, i) => (
				<Text key={i} wrap="truncate">{`    ${sanitize(l.source)} --${sanitize(l.alias)}--> ${sanitize(typed)}`}</Text>
			))}
			<Box flexGrow={1} />
			<NetPanel state={state} />
		</Box>
	);
}
