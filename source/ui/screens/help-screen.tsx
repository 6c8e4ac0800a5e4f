/** `?`: every key of every screen, generated from the keymap table. */
import {Box, Text} from 'ink';
import React from 'react';
import type {Scope} from '../../store/commands.js';
import {KEYMAP, SCOPE_TITLES, displayKey} from '../keymap.js';
import {fit, useTheme} from '../theme.js';

const ORDER: Scope[] = ['global', 'list', 'details', 'filter', 'help'];

export function HelpScreen({height}: {height: number}) {
	const theme = useTheme();
	const lines: React.ReactNode[] = [];
	for (const scope of ORDER) {
		const bindings = KEYMAP.filter((b) => b.scope === scope);
		if (bindings.length === 0) continue;
		lines.push(
			<Text key={`h-${scope}`} bold color={theme.tone.heading}>
				{SCOPE_TITLES[scope]}
			</Text>,
		);
		for (const b of bindings) {
			const keys = b.keys.map((k) => displayKey(k, theme.ascii)).join(', ');
			lines.push(
				<Text key={`${scope}-${b.id}`} wrap="truncate">
					<Text color={theme.tone.key}>{`  ${fit(keys, 22, theme.glyphs.ellipsis)}`}</Text>
					{` ${b.description}`}
				</Text>,
			);
		}
	}
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.tone.accent}>
				Keys
			</Text>
			{lines.slice(0, height - 1)}
		</Box>
	);
}
