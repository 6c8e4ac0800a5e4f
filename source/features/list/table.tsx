/** The container list: header plus only the visible window of rows (virtualized), rows memoized. */
import {Box, Text} from 'ink';
import {memo} from 'react';
import {useTheme} from '../../app/view/theme.js';
import {HEADER_TEXTS, rowCells as cells, type Row, type Widths} from './columns.js';

interface RowProps {
	row: Row;
	widths: Widths;
	selected: boolean;
	/** The row is the last one read from an engine now unreachable. */
	stale: boolean;
}

/** One container row. Memoized: a change to one container redraws one line. */
export const ContainerRow = memo(function ContainerRow({row, widths, selected, stale}: RowProps) {
	const theme = useTheme();
	const {head, status, tail} = cells({...row, status: row.pending ?? row.status}, widths, theme.glyphs.ellipsis);
	const gutter = `${selected ? theme.glyphs.cursor : ' '}${row.marked ? theme.glyphs.mark : ' '}`;
	const statusColor = row.pending ? theme.tone.warn : undefined;
	return (
		<Text inverse={selected} bold={selected && !theme.color} dimColor={theme.tone.dim && (stale || (!selected && !row.up && !row.pending))} wrap="truncate">
			<Text color={row.marked ? theme.tone.accent : undefined}>{gutter + head}</Text>
			<Text color={statusColor}>{status}</Text>
			{tail}
		</Text>
	);
});

interface TableProps {
	rows: Row[];
	widths: Widths;
	/** Index of the first visible row. */
	top: number;
	height: number;
	selectedId: string | null;
	emptyText: string;
	/** The engine is unreachable: the rows are as last read (dimmed). */
	stale: boolean;
}

export function ContainerTable({rows, widths, top, height, selectedId, emptyText, stale}: TableProps) {
	const theme = useTheme();
	const {head, status, tail} = cells(HEADER_TEXTS, widths, '');
	const window = rows.slice(top, top + height);
	return (
		<Box flexDirection="column" height={height + 1}>
			<Text bold color={theme.tone.heading} wrap="truncate">
				{`  ${head}${status}${tail}`}
			</Text>
			{window.length === 0 ? (
				<Text dimColor={theme.tone.dim}>{`  ${emptyText}`}</Text>
			) : (
				window.map((row) => <ContainerRow key={row.id} row={row} widths={widths} selected={row.id === selectedId} stale={stale} />)
			)}
		</Box>
	);
}
