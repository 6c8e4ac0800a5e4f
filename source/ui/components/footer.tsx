/** Bottom line: the keys of the current screen (from the keymap), or the filter being typed. */
import {Box, Text} from 'ink';
import TextInput from 'ink-text-input';
import React from 'react';
import type {Scope} from '../../store/commands.js';
import {footerHints} from '../keymap.js';
import {useTheme} from '../theme.js';

interface Props {
	scopes: Scope[];
	width: number;
	/** Shown instead of the hints when set (errors, disconnected). */
	message?: string | undefined;
}

export function Footer({scopes, width, message}: Props) {
	const theme = useTheme();
	const hints = footerHints(scopes);
	return (
		<Box width={width}>
			<Text wrap="truncate">
				{message ? <Text color={theme.tone.error}>{`${message}  `}</Text> : null}
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
