/** `L`, `:links`: every link as `recipient --alias--> source`, broken ones flagged; x removes, m moves to a network. */
import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {formatEdge} from '../../model/links.js';
import {sanitize} from '../../model/sanitize.js';
import {listHeight} from '../../app/layout.js';
import type {State} from '../../app/state.js';
import {fit, useTheme} from '../../app/view/theme.js';
import {NetPanel, netPanelRows} from '../net-ops/panel.js';
import {graphEdges} from './reducer.js';

export function LinksScreen({state}: {state: State}) {
	const theme = useTheme();
	const e = theme.glyphs.ellipsis;
	const {containers} = state;
	const edges = useMemo(() => graphEdges({containers}), [containers]);
	const height = listHeight(state) + 1;
	const result = state.net.result ?? [];
	const resultRows = result.length > 0 ? Math.min(result.length, 6) + 1 : 0;
	const room = Math.max(1, height - 2 - netPanelRows(state) - resultRows);
	const cursor = Math.min(state.net.graphCursor, Math.max(0, edges.length - 1));
	const top = Math.max(0, Math.min(cursor - room + 1, edges.length - room));
	const broken = edges.filter((x) => x.problems.length > 0).length;
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.tone.accent} wrap="truncate">
				{`Links (${edges.length}${broken > 0 ? `, ${broken} broken` : ''}): recipient --alias--> source`}
			</Text>
			{edges.length === 0 ? <Text dimColor={theme.tone.dim}>  No container holds a link (l on a container adds one).</Text> : null}
			{edges.slice(top, top + room).map((edge, k) => {
				const i = top + k;
				const selected = i === cursor;
				return (
					<Text key={`${edge.recipient}/${edge.alias}`} inverse={selected} wrap="truncate" color={edge.problems.length > 0 ? theme.tone.error : undefined}>
						{`${selected ? theme.glyphs.cursor : ' '} ${fit(sanitize(formatEdge(edge)), Math.max(10, state.size.columns - 3), e).trimEnd()}`}
					</Text>
				);
			})}
			{resultRows > 0 ? <Text bold>{'Last change:'}</Text> : null}
			{result.slice(0, 6).map((l, i) => (
				<Text key={`r${i}`} wrap="truncate" color={theme.tone.ok}>{`  ${sanitize(l)}`}</Text>
			))}
			<Box flexGrow={1} />
			<NetPanel state={state} />
		</Box>
	);
}
