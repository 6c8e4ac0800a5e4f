/** Details of one container: name as `docker inspect` prints it, ports, links both ways, networks. */
import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {listHeight} from '../../app/layout.js';
import type {State} from '../../app/state.js';
import {fit, useTheme, type Theme} from '../../app/view/theme.js';
import {inspectName} from '../../model/container.js';
import {detailsLines, type LineTone} from './lines.js';

const LABEL_WIDTH = 13;

function toneProps(tone: LineTone, theme: Theme): {color?: string; dimColor?: boolean; bold?: boolean} {
	switch (tone) {
		case 'heading':
			return {bold: true, ...(theme.tone.heading ? {color: theme.tone.heading} : {})};
		case 'dim':
			return {dimColor: theme.tone.dim};
		case 'warn':
			return theme.tone.warn ? {color: theme.tone.warn} : {bold: true};
		case 'ok':
			return theme.tone.ok ? {color: theme.tone.ok} : {};
		case 'label':
		case 'normal':
			return {};
	}
}

export function DetailsScreen({state}: {state: State}) {
	const theme = useTheme();
	const {details, containers} = state;
	const height = listHeight(state) + 1;
	const data = details?.data ?? null;
	const lines = useMemo(() => (data ? detailsLines(data, containers) : []), [data, containers]);
	if (!details) return null;
	const title = (
		<Text bold color={theme.tone.accent} wrap="truncate">
			{`Container ${inspectName(details.data?.name ?? details.name)}`}
			{details.gone ? <Text color={theme.tone.error}>{'  (removed)'}</Text> : null}
		</Text>
	);
	if (!details.data) {
		return (
			<Box flexDirection="column" height={height}>
				{title}
				<Text color={details.error ? theme.tone.error : undefined}>{details.error ?? 'Loading…'}</Text>
			</Box>
		);
	}
	const window = lines.slice(details.scroll, details.scroll + height - 1);
	return (
		<Box flexDirection="column" height={height}>
			{title}
			{details.error && !details.gone ? <Text color={theme.tone.error}>{details.error}</Text> : null}
			{window.map((line, i) => (
				<Text key={i} wrap="truncate">
					<Text bold={line.tone !== 'heading'} color={theme.tone.key}>
						{line.tone === 'heading' ? '' : fit(line.label, LABEL_WIDTH, theme.glyphs.ellipsis)}
					</Text>
					<Text {...toneProps(line.tone, theme)}>{line.tone === 'heading' ? `${line.label} ${line.text}`.trim() : ` ${line.text}`}</Text>
				</Text>
			))}
		</Box>
	);
}
