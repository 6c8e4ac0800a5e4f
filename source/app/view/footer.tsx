/** Bottom line: the keys of the current mode (from the keymap) after a notice, if any. */
import {Box, Text} from 'ink';
import type {Scope} from '../input/commands.js';
import type {State} from '../state.js';
import {fittedHints} from '../input/keymap.js';
import {sanitize} from '../../model/sanitize.js';
import {fit, useTheme} from './theme.js';

interface Props {
	scopes: Scope[];
	/** The state, for the keys offered only when they do something. */
	state?: State;
	width: number;
	readOnly: boolean;
	/** Shown before the hints (errors, disconnected, what an action did). */
	message?: {tone: 'error' | 'info'; text: string; detail?: string} | undefined;
}

export function Footer({scopes, state, width, readOnly, message}: Props) {
	const theme = useTheme();
	// A message too long for the line is cut, and `!` shows it whole (the cause comes first).
	const whole = message ? sanitize(message.text) : '';
	const cut = whole.length > width - 2 || message?.detail !== undefined;
	const text = cut ? `${fit(whole, Math.max(10, width - 12), theme.glyphs.ellipsis).trimEnd()}  ! more` : whole;
	if (message && message.tone === 'error') {
		// An error gets the whole line: the keys are in the help.
		return (
			<Box width={width}>
				<Text color={theme.tone.error} bold={!theme.color}>
					{text}
				</Text>
			</Box>
		);
	}
	// Cut by hand, whole hints first, so that the ASCII theme never gets Ink's Unicode ellipsis.
	const prefix = message ? `${text}  ` : '';
	const shown = fittedHints(scopes, width - 1 - prefix.length, readOnly, state);
	return (
		<Box width={width}>
			<Text>
				{message ? <Text color={theme.tone.accent}>{prefix}</Text> : null}
				{shown.map((h, i) => (
					<Text key={`${h.keys}-${h.hint}`}>
						{i > 0 ? '  ' : ''}
						<Text bold color={theme.tone.key}>
							{h.keys}
						</Text>
						{` ${h.hint}`}
					</Text>
				))}
			</Text>
		</Box>
	);
}
