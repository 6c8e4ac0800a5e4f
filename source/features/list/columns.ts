/** Column layout of the container list: pure, so widths are tested and never jump while scrolling. */
import type {ContainerSummary} from '../../model/container.js';
import {formatPortsColumn} from '../../model/ports/index.js';
import {sanitize} from '../../model/sanitize.js';

export interface Row {
	id: string;
	name: string;
	image: string;
	status: string;
	ports: string;
	links: string;
	up: boolean;
	/** A lifecycle job running on it (`stopping…`), shown instead of the status. */
	pending?: string;
	marked: boolean;
}

export interface Widths {
	name: number;
	image: number;
	status: number;
	ports: number;
	links: number;
}

export const GAP = 2;
/** Width of the cursor/mark gutter left of NAME. */
export const GUTTER = 2;

/** The LINKS cell: `alias -> source`, comma separated. */
export function linksText(c: ContainerSummary, arrow: string): string {
	return c.links.map((l) => `${l.alias} ${arrow} ${l.source}`).join(', ');
}

const PENDING: Record<string, string> = {start: 'starting', stop: 'stopping', restart: 'restarting', remove: 'removing'};

export function toRow(
	c: ContainerSummary,
	arrow: string,
	up: boolean,
	extra: {pending?: string | undefined; marked?: boolean; ellipsis?: string} = {},
): Row {
	// Sanitized here too, whatever Engine produced the data: this text goes straight to the terminal.
	return {
		id: c.id,
		name: sanitize(c.name),
		image: sanitize(c.image),
		status: sanitize(c.status),
		ports: sanitize(formatPortsColumn(c.ports)),
		links: sanitize(linksText(c, arrow)),
		up,
		...(extra.pending ? {pending: `${PENDING[extra.pending] ?? extra.pending}${extra.ellipsis ?? '…'}`} : {}),
		marked: extra.marked ?? false,
	};
}

const clamp = (n: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, n));

/** Widths for `rows` in `total` columns; PORTS takes what is left, the others their content up to a cap. */
export function columnWidths(rows: Row[], total: number): Widths {
	const longest = (pick: (r: Row) => string, header: string): number =>
		rows.reduce((m, r) => Math.max(m, pick(r).length), header.length);
	const name = clamp(longest((r) => r.name, 'NAME'), 4, 24);
	const image = clamp(longest((r) => r.image, 'IMAGE'), 5, 22);
	const status = clamp(longest((r) => r.status, 'STATUS'), 6, 28);
	const links = clamp(longest((r) => r.links, 'LINKS'), 5, 24);
	const fixed = GUTTER + name + image + status + links + GAP * 4;
	let ports = total - fixed;
	// PORTS gets what its longest text needs (never more, so LINKS stays near), up to what is left.
	if (ports >= 10) return {name, image, status, ports: Math.min(ports, longest((r) => r.ports, 'PORTS')), links};
	// Narrow terminal: shrink the others in turn, keeping PORTS readable.
	const w = {name, image, status, links};
	const order: Array<keyof typeof w> = ['links', 'image', 'status', 'name'];
	const floor = {links: 5, image: 5, status: 6, name: 4};
	for (const key of order) {
		const need = 10 - ports;
		if (need <= 0) break;
		const give = Math.min(need, w[key] - floor[key]);
		w[key] -= give;
		ports += give;
	}
	return {...w, ports: Math.max(5, ports)};
}
