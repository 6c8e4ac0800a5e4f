/** Plain-text tables like the docker CLI's (tabwriter: columns padded, three spaces apart). */

export function formatTable(header: string[], rows: string[][]): string {
	const widths = header.map((h, i) => rows.reduce((m, r) => Math.max(m, (r[i] ?? '').length), h.length));
	const line = (cells: string[]): string =>
		cells
			.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd((widths[i] ?? 0) + 3)))
			.join('')
			.trimEnd();
	return [line(header), ...rows.map(line)].join('\n') + '\n';
}
