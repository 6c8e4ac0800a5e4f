/** The context switcher's screen: every docker context with its endpoint, the one in use marked. */
import {Box, Text} from 'ink';
import {listHeight} from '../../app/layout.js';
import type {State} from '../../app/state.js';
import {useTheme} from '../../app/view/theme.js';
import {sanitize} from '../../model/sanitize.js';
import {AllPortsView} from './all-ports-view.js';

export function ContextsScreen({state}: {state: State}) {
	const theme = useTheme();
	const height = listHeight(state) + 1;
	const c = state.contexts;
	if (!c) return null;
	if (c.view === 'ports') return <AllPortsView state={state} contexts={c} />;
	const width = Math.max(...c.rows.map((r) => r.name.length + 2), 8);
	const endpointWidth = Math.max(...c.rows.map((r) => r.endpoint.length), 15);
	const first = Math.max(0, Math.min(c.cursor - (height - 3), c.rows.length - (height - 2)));
	const status = c.switching ? `connecting to ${c.switching}…` : c.loading ? 'reading the contexts…' : c.error ? c.error : 'Enter switches this session; :ctx use NAME also makes it docker\'s current context';
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.tone.accent} wrap="truncate">
				{'Docker contexts'}
			</Text>
			<Text bold wrap="truncate">{`  ${'NAME'.padEnd(width)} ${'DOCKER ENDPOINT'.padEnd(endpointWidth)}  DESCRIPTION`}</Text>
			{c.rows.slice(first, first + height - 3).map((r, i) => {
				const selected = first + i === c.cursor;
				const line = `${selected ? '>' : ' '} ${`${r.name}${r.current ? ' *' : ''}`.padEnd(width)} ${r.endpoint.padEnd(endpointWidth)}  ${r.error ? `error: ${r.error}` : r.description}`;
				return (
					<Text key={r.name} inverse={selected} color={r.error ? theme.tone.error : r.current ? theme.tone.ok : undefined} wrap="truncate">
						{sanitize(line)}
					</Text>
				);
			})}
			<Text color={c.error ? theme.tone.error : undefined} dimColor={!c.error && theme.tone.dim} wrap="truncate">
				{sanitize(status)}
			</Text>
		</Box>
	);
}
