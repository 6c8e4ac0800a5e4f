/** `r`: rename the selected container; shows that links to it follow. */
import {Box, Text} from 'ink';
import {sanitize} from '../../model/sanitize.js';
import {listHeight} from '../../app/layout.js';
import type {State} from '../../app/state.js';
import {useTheme} from '../../app/view/theme.js';
import {linkedFrom} from '../list/selectors.js';
import {NetPanel} from '../net-ops/panel.js';

export function RenameScreen({state}: {state: State}) {
	const theme = useTheme();
	const height = listHeight(state) + 1;
	const c = state.containers.find((x) => x.id === state.selectedId);
	if (!c) return null;
	const from = linkedFrom(state.containers, c.name);
	const typed = state.field?.target.kind === 'rename' ? state.field.text.trim() || '…' : '…';
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
