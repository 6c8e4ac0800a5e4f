/** The container list: header plus only the visible window of rows (virtualized), rows memoized. */
import {Box, Text} from 'ink';
import {memo} from 'react';
import {fit, useTheme} from '../../app/view/theme.js';
import {GAP, portsCell, type Row, type Widths} from './columns.js';

const space = ' '.repeat(GAP);

/** The cells of a row left and right of STATUS (which has its own colour); hidden columns (width 0) left out. */
function cells(texts: Record<keyof Widths, string>, widths: Widths, e: string): {head: string; status: string; tail: string} {
	const cell = (key: keyof Widths): string => (key === 'ports' ? portsCell(texts.ports, widths.ports).padEnd(widths.ports) : fit(texts[key], widths[key], e));
	const shown = (key: keyof Widths, text: string, after: boolean): string => (widths[key] > 0 ? (after ? space + text : text + space) : '');
	return {
		head: fit(texts.name, widths.name, e) + space + shown('image', cell('image'), false),
		status: cell('status'),
		tail: space + cell('ports') + shown('links', cell('links'), true),
	};
}

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
	const {head, status, tail} = cells({name: 'NAME', image: 'IMAGE', status: 'STATUS', ports: 'PORTS', links: 'LINKS'}, widths, '');
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
