/** Top line: engine endpoint and version, connection state, container counts, active filter. */
import {Box, Text} from 'ink';
import React from 'react';
import type {Counts} from '../../store/selectors.js';
import type {ConnectionState} from '../../store/state.js';
import {useTheme} from '../theme.js';

interface Props {
	endpoint: string;
	version: string | null;
	connection: ConnectionState;
	counts: Counts;
	showAll: boolean;
	filter: string;
	width: number;
}

export function StatusBar({endpoint, version, connection, counts, showAll, filter, width}: Props) {
	const theme = useTheme();
	const {sep, dot} = theme.glyphs;
	let state: React.ReactNode;
	switch (connection.status) {
		case 'connected':
			state = <Text color={theme.tone.ok}>{`${dot} connected`}</Text>;
			break;
		case 'connecting':
			state = <Text color={theme.tone.warn}>{`${dot} connecting${connection.attempt > 0 ? ` (attempt ${connection.attempt + 1})` : ''}`}</Text>;
			break;
		case 'disconnected':
			state = (
				<Text color={theme.tone.error}>{`${dot} disconnected, retrying in ${Math.ceil(connection.retryInMs / 1000)}s`}</Text>
			);
			break;
	}
	const what = `${counts.running} running ${sep} ${counts.total} total ${sep} showing ${showAll ? 'all' : 'running'}${filter ? ` matching "${filter}"` : ''} (${counts.shown})`;
	return (
		<Box width={width}>
			<Text wrap="truncate">
				<Text bold color={theme.tone.accent}>
					dnet
				</Text>
				{` ${sep} ${endpoint}${version ? ` (Docker ${version})` : ''} ${sep} `}
				{state}
				{` ${sep} ${what}`}
			</Text>
		</Box>
	);
}
