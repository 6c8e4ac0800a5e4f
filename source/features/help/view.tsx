/** `?`: every key of every screen, generated from the keymap table; flows into columns when short. */
import {Box, Text} from 'ink';
import {useEffect} from 'react';
import {useStore} from '../../app/view/store-context.js';
import {fit, useTheme} from '../../app/view/theme.js';
import {helpLines, type HelpLine} from './lines.js';

const KEYS_WIDTH = 20;

/** Columns narrower than this would cut the descriptions: fewer columns, and scrolling, instead. */
const MIN_COLUMN_WIDTH = 64;

export function HelpScreen({height, width, readOnly, scroll}: {height: number; width: number; readOnly: boolean; scroll: number}) {
	const theme = useTheme();
	const store = useStore();
	const lines = helpLines(theme.ascii, readOnly);
	const perColumn = Math.max(1, height - 1);
	const columnCount = Math.max(1, Math.min(Math.floor(width / MIN_COLUMN_WIDTH), Math.ceil(lines.length / perColumn)));
	const maxScroll = Math.max(0, lines.length - perColumn * columnCount);
	useEffect(() => {
		store.dispatch({type: 'help/layout', maxScroll});
	}, [store, maxScroll]);
	const from = Math.min(scroll, maxScroll);
	const shown = lines.slice(from, from + perColumn * columnCount);
	const columns: HelpLine[][] = [];
	for (let i = 0; i < shown.length; i += perColumn) columns.push(shown.slice(i, i + perColumn));
	const columnWidth = Math.max(20, Math.floor(width / columnCount) - 1);
	const keys = [from > 0 ? 'k' : '', from < maxScroll ? 'j' : ''].filter(Boolean).join('/');
	const more = maxScroll > 0 ? `  (lines ${from + 1}-${from + shown.length} of ${lines.length}; ${keys} for more)` : '';
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.tone.accent}>
				Keys
				<Text dimColor={theme.tone.dim} bold={false}>
					{more}
				</Text>
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
