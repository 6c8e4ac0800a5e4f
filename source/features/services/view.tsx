/** The services view (`w`): each service as `docker service ls` shows it; and a service's page (Enter). */
import {Box, Text} from 'ink';
import {listHeight} from '../../app/layout.js';
import type {State} from '../../app/state.js';
import {fit, useTheme, type Theme} from '../../app/view/theme.js';
import {sanitize} from '../../model/sanitize.js';
import {formatReplicas, formatServicePorts, notManagerLine} from '../../model/swarm/format.js';
import type {Line} from './lines.js';
import {serviceLines} from './lines.js';
import {visibleServices} from './reducer.js';

const W = {name: 20, mode: 14, replicas: 10, image: 24};

function toneProps(theme: Theme, tone: Line['tone']): {color?: string; dimColor?: boolean; bold?: boolean} {
	if (tone === 'heading') return {bold: true, ...(theme.tone.heading ? {color: theme.tone.heading} : {})};
	if (tone === 'dim') return {dimColor: theme.tone.dim};
	const color = tone ? theme.tone[tone] : undefined;
	return color ? {color} : {};
}

export function ServicesScreen({state}: {state: State}) {
	const theme = useTheme();
	const e = theme.glyphs.ellipsis;
	const height = listHeight(state);
	const sv = state.services;
	const rows = visibleServices(state);
	const header = `  ${fit('NAME', W.name, '')}  ${fit('MODE', W.mode, '')}  ${fit('REPLICAS', W.replicas, '')}  ${fit('IMAGE', W.image, '')}  PORTS`;
	let empty = '';
	if (sv.error) empty = sv.error;
	else if (!sv.load) empty = 'Loading services…';
	else if (!sv.load.manager) empty = notManagerLine(sv.load.swarm);
	else if (rows.length === 0) empty = 'No service in this swarm (docker service create makes one).';
	return (
		<Box flexDirection="column" height={height + 1}>
			<Text bold color={theme.tone.heading} wrap="truncate">
				{header}
			</Text>
			{empty ? <Text dimColor={theme.tone.dim}>{`  ${sanitize(empty)}`}</Text> : null}
			{rows.slice(sv.scrollTop, sv.scrollTop + height).map((s) => {
				const selected = s.id === sv.selectedId;
				const updating = s.update && s.update.state !== 'completed' ? `  [${s.update.state}]` : '';
				const text =
					`${selected ? theme.glyphs.cursor : ' '} ${fit(sanitize(s.name), W.name, e)}  ${fit(s.mode, W.mode, e)}  ${fit(formatReplicas(s), W.replicas, e)}  ` +
					`${fit(sanitize(s.image), W.image, e)}  ${formatServicePorts(s.ports)}${updating}`;
				return (
					<Text key={s.id} inverse={selected} wrap="truncate">
						{text}
					</Text>
				);
			})}
		</Box>
	);
}

export function ServiceScreen({state}: {state: State}) {
	const theme = useTheme();
	const height = listHeight(state);
	const lines = serviceLines(state);
	return (
		<Box flexDirection="column" height={height + 1}>
			{lines.slice(state.services.scroll, state.services.scroll + height + 1).map((l, i) => (
				<Text key={i} wrap="truncate" {...toneProps(theme, l.tone)}>
					{sanitize(l.text) || ' '}
				</Text>
			))}
		</Box>
	);
}
