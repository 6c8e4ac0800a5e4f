/** The question before a stop or a remove: names the containers and says exactly what goes with them. */
import {Box, Text} from 'ink';
import type {ContainerSummary} from '../../model/container.js';
import {confirmLines} from './confirm-text.js';
import {footerHints} from '../../app/input/keymap.js';
import {fit, useTheme} from '../../app/view/theme.js';
import type {Confirm} from './state.js';

export function ConfirmPanel({confirm, containers, width}: {confirm: Confirm; containers: ContainerSummary[]; width: number}) {
	const theme = useTheme();
	const inner = Math.max(10, width - 4);
	const hints = footerHints(['confirm'])
		.map((h) => `${h.keys} ${h.hint}`)
		.join('  ');
	return (
		<Box borderStyle={theme.ascii ? 'classic' : 'round'} borderColor={theme.tone.warn} flexDirection="column" width={width} paddingX={1}>
			{confirmLines(confirm, containers, inner).map((line, i) => (
				<Text key={i} bold={i === 0}>
					{line}
				</Text>
			))}
			<Text color={theme.tone.key}>{fit(`${hints}${confirm.kind === 'remove' ? '  v volumes' : ''}`, inner, theme.glyphs.ellipsis).trimEnd()}</Text>
		</Box>
	);
}
