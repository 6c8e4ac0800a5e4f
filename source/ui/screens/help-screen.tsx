/** `?`: every key of every screen, generated from the keymap table; flows into columns when short. */
import {Box, Text} from 'ink';
import React from 'react';
import type {Scope} from '../../store/commands.js';
import {SCOPE_TITLES, bindings, displayKey} from '../keymap.js';
import {fit, useTheme} from '../theme.js';

const ORDER: Scope[] = ['global', 'list', 'details', 'ports', 'editor', 'review', 'new', 'field', 'picker', 'discard', 'backup', 'filter', 'confirm', 'palette', 'help'];
const KEYS_WIDTH = 20;

interface HelpLine {
	heading: boolean;
	keys: string;
	text: string;
}

export function helpLines(ascii: boolean, readOnly: boolean): HelpLine[] {
	const lines: HelpLine[] = [];
	for (const scope of ORDER) {
		const inScope = bindings(readOnly).filter((b) => b.scope === scope);
		if (inScope.length === 0) continue;
		lines.push({heading: true, keys: '', text: SCOPE_TITLES[scope]});
		for (const b of inScope) {
			lines.push({heading: false, keys: b.keys.map((k) => displayKey(k, ascii)).join(', '), text: b.description});
		}
	}
	return lines;
}

export function HelpScreen({height, width, readOnly}: {height: number; width: number; readOnly: boolean}) {
	const theme = useTheme();
	const lines = helpLines(theme.ascii, readOnly);
	const perColumn = Math.max(1, height - 1);
	const columns: HelpLine[][] = [];
	for (let i = 0; i < lines.length; i += perColumn) columns.push(lines.slice(i, i + perColumn));
	const columnWidth = Math.max(20, Math.floor(width / columns.length) - 1);
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.tone.accent}>
				Keys
			</Text>
			<Box flexDirection="row">
				{columns.map((column, c) => (
					<Box key={c} flexDirection="column" width={columnWidth} marginRight={1}>
						{column.map((line, i) =>
							line.heading ? (
								<Text key={i} bold color={theme.tone.heading}>
									{fit(line.text, columnWidth, theme.glyphs.ellipsis).trimEnd()}
								</Text>
							) : (
								<Text key={i}>
									<Text color={theme.tone.key}>{`  ${fit(line.keys, KEYS_WIDTH, theme.glyphs.ellipsis)}`}</Text>
									{fit(` ${line.text}`, Math.max(0, columnWidth - KEYS_WIDTH - 2), theme.glyphs.ellipsis).trimEnd()}
								</Text>
							),
						)}
					</Box>
				))}
			</Box>
		</Box>
	);
}
