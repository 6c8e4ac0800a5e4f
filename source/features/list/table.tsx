/** The container list: header plus only the visible window of rows (virtualized), rows memoized. */
import {Box, Text} from 'ink';
import {memo} from 'react';
import {fit, useTheme} from '../../app/view/theme.js';
import {GAP, type Row, type Widths} from './columns.js';

const space = ' '.repeat(GAP);

interface RowProps {
	row: Row;
	widths: Widths;
	selected: boolean;
}

/** One container row. Memoized: a change to one container redraws one line. */
export const ContainerRow = memo(function ContainerRow({row, widths, selected}: RowProps) {
	const theme = useTheme();
	const e = theme.glyphs.ellipsis;
	const status = fit(row.pending ?? row.status, widths.status, e);
	const head =
		`${selected ? theme.glyphs.cursor : ' '}${row.marked ? theme.glyphs.mark : ' '}` +
		fit(row.name, widths.name, e) +
		space +
		fit(row.image, widths.image, e) +
		space;
	const tail =
		space +
		fit(row.ports, widths.ports, e) +
		space +
		fit(row.links, widths.links, e);
	const statusColor = row.pending ? theme.tone.warn : undefined;
	return (
		<Text inverse={selected} bold={selected && !theme.color} dimColor={!selected && theme.tone.dim && !row.up && !row.pending} wrap="truncate">
			<Text color={row.marked ? theme.tone.accent : undefined}>{head}</Text>
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
}

export function ContainerTable({rows, widths, top, height, selectedId, emptyText}: TableProps) {
	const theme = useTheme();
	const header =
		'  ' +
		fit('NAME', widths.name, '') +
		space +
		fit('IMAGE', widths.image, '') +
		space +
		fit('STATUS', widths.status, '') +
		space +
		fit('PORTS', widths.ports, '') +
		space +
		fit('LINKS', widths.links, '');
	const window = rows.slice(top, top + height);
	return (
		<Box flexDirection="column" height={height + 1}>
			<Text bold color={theme.tone.heading} wrap="truncate">
				{header}
			</Text>
			{window.length === 0 ? (
				<Text dimColor={theme.tone.dim}>{`  ${emptyText}`}</Text>
			) : (
				window.map((row) => <ContainerRow key={row.id} row={row} widths={widths} selected={row.id === selectedId} />)
			)}
		</Box>
	);
}
