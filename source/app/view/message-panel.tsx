/** A notice shown whole (`!`): the footer had to cut it; this panel wraps it, never cuts. */
import {Box, Text} from 'ink';
import {footerHints} from '../input/keymap.js';
import {messageLines} from '../message-text.js';
import type {Notice} from '../state.js';
import {useTheme} from './theme.js';

export function MessagePanel({message, width}: {message: Notice; width: number}) {
	const theme = useTheme();
	const inner = Math.max(10, width - 4);
	const hints = footerHints(['message'])
		.map((h) => `${h.keys} ${h.hint}`)
		.join('  ');
	return (
		<Box borderStyle={theme.ascii ? 'classic' : 'round'} borderColor={message.tone === 'error' ? theme.tone.error : theme.tone.accent} flexDirection="column" width={width} paddingX={1}>
			{messageLines(message, inner).map((line, i) => (
				<Text key={i} color={message.tone === 'error' ? theme.tone.error : undefined}>
					{line}
				</Text>
			))}
			<Text color={theme.tone.key}>{hints}</Text>
		</Box>
	);
}
