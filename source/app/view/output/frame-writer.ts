/**
 * The line diff against the previous frame (ARCHITECTURE.md, "The terminal"): given Ink's whole
 * frame, the bytes that bring the screen from what is on it to the frame, writing only the
 * stretches of cells that changed, each placed by an absolute cursor move. Absolute moves make it
 * right whatever the frame's height against the terminal's (shorter, taller: cut to the screen,
 * exactly as tall), and a frame shorter than the last erases the rows it no longer covers. After a
 * resize, or when the screen is unknown, the next frame is drawn whole on a cleared screen.
 */
import {isBlank, sameCell, toCells, transition, type Cell, type ColorLevel} from './cells.js';

/** Unchanged cells between two changed stretches of a line, up to which one write covers both. */
const JOIN_GAP = 8;
const DEFAULT = {sgr: '', link: ''};

const moveTo = (row: number, col: number): string => (col === 0 ? `\u001b[${row + 1}H` : `\u001b[${row + 1};${col + 1}H`);

/** The stretches [from, to) of a line where `next` differs from `prev`, close ones joined. */
function changedRuns(prev: Cell[], next: Cell[]): Array<[number, number]> {
	const runs: Array<[number, number]> = [];
	const width = Math.max(prev.length, next.length);
	for (let i = 0; i < width; i++) {
		if (sameCell(prev[i], next[i])) continue;
		// A wide character is written whole: start on its first column, end after its second.
		let from = i;
		while (from > 0 && (next[from]?.ch === '' || prev[from]?.ch === '')) from--;
		let to = i + 1;
		while (to < width && (next[to]?.ch === '' || prev[to]?.ch === '' || !sameCell(prev[to], next[to]))) to++;
		const last = runs[runs.length - 1];
		if (last && from - last[1] < JOIN_GAP) last[1] = to;
		else runs.push([from, to]);
		i = to - 1;
	}
	return runs;
}

/** The bytes that draw cells [from, to) of `next` on screen row `row` (the cursor anywhere). */
function drawRun(row: number, next: Cell[], from: number, to: number): string {
	// Past the line's last visible cell, one erase does what writing spaces would.
	let end = next.length;
	while (end > 0 && isBlank(next[end - 1])) end--;
	const erase = to > end;
	let out = moveTo(row, from);
	let style = DEFAULT;
	for (let i = from; i < Math.min(to, erase ? end : to); i++) {
		const cell = next[i] ?? {ch: ' ', ...DEFAULT};
		if (cell.ch === '') continue;
		out += transition(style, cell) + cell.ch;
		style = cell;
	}
	out += transition(style, DEFAULT);
	if (erase) out += '\u001b[K';
	return out;
}

export class FrameWriter {
	private screen: Cell[][] | null = null;
	/** The text of each line of `screen`, as the frame gave it: an unchanged line is neither parsed nor compared again. */
	private texts: string[] = [];
	private columns: number;
	private rows: number;
	private readonly level: ColorLevel;

	constructor(options: {columns: number; rows: number; level: ColorLevel}) {
		this.columns = options.columns;
		this.rows = options.rows;
		this.level = options.level;
	}

	/** The screen's content is unknown (a resize, a return from suspend): the next frame is drawn whole. */
	invalidate(): void {
		this.screen = null;
	}

	resize(columns: number, rows: number): void {
		this.columns = columns;
		this.rows = rows;
		this.invalidate();
	}

	/** Says what is on the screen now (drawn by someone else, from its top left): the next frame is diffed against it. */
	seed(text: string): void {
		this.screen = this.lines(text);
	}

	/** The bytes that turn the screen into `frame`; '' when nothing changed. */
	next(frame: string): string {
		const whole = this.screen === null;
		const prev = this.screen ?? [];
		// Most frames change a line or two (a status, the cursor): the others keep their cells.
		const lines = this.lines(frame, whole ? null : prev);
		let out = whole ? '\u001b[H\u001b[2J' : '';
		for (let row = 0; row < lines.length; row++) {
			const next = lines[row] ?? [];
			if (next === prev[row]) continue;
			for (const [from, to] of changedRuns(prev[row] ?? [], next)) out += drawRun(row, next, from, to);
		}
		// The rows the last frame covered and this one does not.
		if (prev.length > lines.length && prev.slice(lines.length).some((line) => line.some((c) => !isBlank(c)))) {
			out += `${moveTo(lines.length, 0)}\u001b[J`;
		}
		this.screen = lines;
		return out;
	}

	/** A frame's lines as cells, cut to the terminal; a line of the same text as in `prev` is `prev`'s (the same array). */
	private lines(text: string, prev: Cell[][] | null = null): Cell[][] {
		const texts = text.split('\n').slice(0, this.rows);
		const lines = texts.map((line, row) => {
			const same = prev?.[row];
			if (same !== undefined && this.texts[row] === line) return same;
			const cells = toCells(line, this.level);
			if (cells.length <= this.columns) return cells;
			const cut = cells.slice(0, this.columns);
			// Half a wide character at the edge is not drawn.
			if (cells[this.columns]?.ch === '') cut[this.columns - 1] = {ch: ' ', sgr: '', link: ''};
			return cut;
		});
		this.texts = texts;
		return lines;
	}
}
