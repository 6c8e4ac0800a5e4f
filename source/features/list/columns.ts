/** Column layout of the container list: pure, so widths are tested and never jump while scrolling. */
import type {ContainerSummary} from '../../model/container.js';
import {formatPortsColumn} from '../../model/ports/index.js';
import {sanitize} from '../../model/sanitize.js';
import {textWidth} from '../../model/width.js';
import {fit} from '../../model/wrap.js';

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
export function linksText(c: ContainerSummary, arrow: string, byName?: ReadonlyMap<string, ContainerSummary>): string {
	return c.links.map((l) => `${l.alias} ${arrow} ${l.source}${byName ? linkFlag(byName.get(l.source)) : ''}`).join(', ');
}

/** Why a link does not work now, as the LINKS cell flags it (the link graph, `L`, says more). */
function linkFlag(source: ContainerSummary | undefined): string {
	if (!source) return ' (gone)';
	if (source.state !== 'running') return ' (stopped)';
	if (!source.networks.some((n) => n.name === 'bridge')) return ' (off bridge)';
	return '';
}

const PENDING: Record<string, string> = {start: 'starting', stop: 'stopping', restart: 'restarting', remove: 'removing'};

/**
 * The cells of a row that only its own container decides, by container: a patch replaces only the
 * rows it read again, so a list of 10,000 redrawn for a new time or a scroll formats none of them again.
 */
const fixedCells = new WeakMap<ContainerSummary, {name: string; image: string; ports: string}>();

function fixed(c: ContainerSummary): {name: string; image: string; ports: string} {
	let cells = fixedCells.get(c);
	if (cells === undefined) {
		cells = {name: sanitize(c.name), image: sanitize(c.image), ports: sanitize(formatPortsColumn(c.ports))};
		fixedCells.set(c, cells);
	}
	return cells;
}

/** `extra.status`: the status as it reads now (its age moved on since the list was read). */
export function toRow(
	c: ContainerSummary,
	arrow: string,
	up: boolean,
	extra: {status?: string; pending?: string | undefined; marked?: boolean; ellipsis?: string; byName?: ReadonlyMap<string, ContainerSummary>} = {},
): Row {
	// Sanitized here too, whatever Engine produced the data: this text goes straight to the terminal.
	return {
		id: c.id,
		...fixed(c),
		status: sanitize(extra.status ?? c.status),
		links: sanitize(linksText(c, arrow, extra.byName)),
		up,
		...(extra.pending ? {pending: `${PENDING[extra.pending] ?? extra.pending}${extra.ellipsis ?? '…'}`} : {}),
		marked: extra.marked ?? false,
	};
}

/**
 * The PORTS cell in `width` columns. Whole, it is `docker ps`'s text byte for byte; too long, it shows
 * the bindings that fit whole and `+N` for the others: an address is never cut in the middle.
 */
export function portsCell(text: string, width: number): string {
	if (text.length <= width) return text;
	const entries = text.split(', ');
	for (let shown = entries.length - 1; shown >= 0; shown--) {
		const more = `+${entries.length - shown}`;
		const cell = shown === 0 ? more : `${entries.slice(0, shown).join(', ')}, ${more}`;
		if (cell.length <= width) return cell;
	}
	return '';
}

/** The narrowest PORTS cell that still shows one binding whole (`0.0.0.0:32768->5000/tcp, +1`). */
function portsFloor(text: string): number {
	const entries = text.split(', ');
	return entries.length <= 1 ? text.length : (entries[0] ?? '').length + `, +${entries.length - 1}`.length;
}

type Column = keyof Widths;

/**
 * Who gives way first when the row is too wide, and down to what. First what is extra: a long image
 * reference, long links, the PORTS bindings after the first (shown as `+N`); then IMAGE, a name over
 * 24 columns, the tail of a long STATUS, LINKS, NAME to 16; then IMAGE and LINKS go (a cut `db ->~`
 * says little), then STATUS to `Exited (0)`, NAME to 12, and only last the rest of STATUS, NAME and
 * PORTS: what dnet is for. A width of 0 hides a column; room a hidden column frees goes back.
 */
const GIVE_WAY: ReadonlyArray<[Column, (natural: number, rows: Row[]) => number]> = [
	['image', () => 12],
	['links', () => 24],
	['ports', (n, rows) => Math.min(n, rows.reduce((m, r) => Math.max(m, portsFloor(r.ports)), 5))],
	['image', () => 5],
	['name', () => 24],
	['status', () => 17],
	['links', () => 5],
	['name', () => 16],
	['image', () => 0],
	['links', () => 0],
	['status', () => 11],
	['name', () => 12],
	['status', () => 6],
	['name', () => 4],
	['ports', () => 5],
];

/** Widths for `rows` in `total` columns: each column its longest text, then giving way in the order above. */
export function columnWidths(rows: Row[], total: number): Widths {
	const longest = (pick: (r: Row) => string, header: string): number =>
		rows.reduce((m, r) => Math.max(m, textWidth(pick(r))), header.length);
	const natural: Widths = {
		name: Math.min(longest((r) => r.name, 'NAME'), 40),
		image: Math.min(longest((r) => r.image, 'IMAGE'), 30),
		status: longest((r) => r.pending ?? r.status, 'STATUS'),
		ports: longest((r) => r.ports, 'PORTS'),
		links: Math.min(longest((r) => r.links, 'LINKS'), 40),
	};
	const w = {...natural};
	const used = (): number => GUTTER + (Object.keys(w) as Column[]).reduce((sum, k) => sum + (w[k] > 0 ? w[k] + GAP : 0), -GAP);
	for (const [key, floor] of GIVE_WAY) {
		const over = used() - total;
		if (over <= 0) break;
		const to = Math.min(w[key], floor(natural[key], rows));
		// Hiding a column gives its gap back too.
		w[key] = to === 0 ? 0 : Math.max(to, w[key] - over);
	}
	// A hidden column may free more than was needed: what is left goes back to the cut ones.
	for (const key of ['status', 'name', 'ports', 'links', 'image'] as const) {
		const spare = total - used();
		if (w[key] > 0 && spare > 0) w[key] = Math.min(natural[key], w[key] + spare);
	}
	return w;
}

const space = ' '.repeat(GAP);

/** The cells of a row left and right of STATUS (which has its own colour); hidden columns (width 0) left out. */
export function rowCells(texts: Record<keyof Widths, string>, widths: Widths, e: string): {head: string; status: string; tail: string} {
	const cell = (key: keyof Widths): string => (key === 'ports' ? portsCell(texts.ports, widths.ports).padEnd(widths.ports) : fit(texts[key], widths[key], e));
	const shown = (key: keyof Widths, text: string, after: boolean): string => (widths[key] > 0 ? (after ? space + text : text + space) : '');
	return {
		head: fit(texts.name, widths.name, e) + space + shown('image', cell('image'), false),
		status: cell('status'),
		tail: space + cell('ports') + shown('links', cell('links'), true),
	};
}

/** The header row's cells. */
export const HEADER_TEXTS: Record<keyof Widths, string> = {name: 'NAME', image: 'IMAGE', status: 'STATUS', ports: 'PORTS', links: 'LINKS'};
