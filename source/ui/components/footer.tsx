/** Bottom line: the keys of the current screen (from the keymap), or the filter being typed. */
import {Box, Text} from 'ink';
import TextInput from 'ink-text-input';
import React from 'react';
import type {Scope} from '../../store/commands.js';
import {footerHints} from '../keymap.js';
import {sanitize} from '../../model/sanitize.js';
import {fit, useTheme} from '../theme.js';

interface Props {
	scopes: Scope[];
	width: number;
	readOnly: boolean;
	/** Shown before the hints (errors, disconnected, what an action did). */
	message?: {tone: 'error' | 'info'; text: string} | undefined;
}

export function Footer({scopes, width, readOnly, message}: Props) {
	const theme = useTheme();
	const hints = footerHints(scopes, readOnly);
	const text = message ? fit(sanitize(message.text), Math.max(10, width - 2), theme.glyphs.ellipsis).trimEnd() : '';
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
	return (
		<Box width={width}>
			<Text wrap="truncate">
				{message ? <Text color={theme.tone.accent}>{`${text}  `}</Text> : null}
				{hints.map((h, i) => (
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

interface FilterProps {
	value: string;
	onChange(text: string): void;
	width: number;
}

/** The `/` filter field: a real text input (cursor, backspace, paste); Enter keeps, Esc clears. */
export function FilterField({value, onChange, width}: FilterProps) {
	const theme = useTheme();
	const hints = footerHints(['filter']);
	return (
		<Box width={width}>
			<Text bold color={theme.tone.key}>
				/
			</Text>
			<TextInput value={value} onChange={onChange} placeholder="name, image or port" showCursor />
			<Text wrap="truncate">
				{hints.map((h) => `  ${h.keys} ${h.hint}`).join('')}
			</Text>
		</Box>
	);
}
