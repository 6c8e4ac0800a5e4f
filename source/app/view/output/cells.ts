/**
 * One line of a frame as terminal cells (ARCHITECTURE.md, "The terminal"): each column's character,
 * its style (SGR, normalised) and its hyperlink (OSC 8), so two frames compare cell by cell and a
 * changed stretch is written with exactly the style it needs. Colours are limited here to what the
 * terminal has: 256-colour and true-colour codes become the nearest of 16 on a 16-colour terminal,
 * and no colour at all at level 0.
 */
import stringWidth from 'string-width';
import {graphemes, isPlain} from '../../../model/width.js';

/** supports-color's levels: 0 none, 1 sixteen colours, 2 256, 3 true colour. */
export type ColorLevel = 0 | 1 | 2 | 3;

export interface Cell {
	/** The character; '' for the second column of a wide character. */
	ch: string;
	/** Normalised SGR parameters ('' is the default style). */
	sgr: string;
	/** The OSC 8 target ('' for none). */
	link: string;
}

interface Attrs {
	flags: Set<number>;
	fg: string;
	bg: string;
}

const FLAG_OFF: Record<number, number[]> = {22: [1, 2], 23: [3], 24: [4], 25: [5], 27: [7], 28: [8], 29: [9]};

/** The 16-colour index (0–15) nearest to an xterm 256-colour index. */
function nearest16(n: number): number {
	if (n < 16) return n;
	let r: number, g: number, b: number;
	if (n >= 232) {
		const v = (n - 232) * 10 + 8;
		[r, g, b] = [v, v, v];
	} else {
		const i = n - 16;
		const step = (x: number): number => (x === 0 ? 0 : 55 + x * 40);
		[r, g, b] = [step(Math.floor(i / 36)), step(Math.floor(i / 6) % 6), step(i % 6)];
	}
	return rgb16(r, g, b);
}

function rgb16(r: number, g: number, b: number): number {
	const max = Math.max(r, g, b);
	if (max < 64) return 0;
	const bit = (x: number): number => (x >= max / 2 ? 1 : 0);
	const base = bit(r) | (bit(g) << 1) | (bit(b) << 2);
	return max > 191 || (base === 7 && max > 160) ? base + 8 : base;
}

const code16 = (n: number, background: boolean): string => String((n < 8 ? 30 + n : 82 + n) + (background ? 10 : 0));

/** Reads one SGR sequence's parameters into `a`, limited to `level`. */
function applySgr(a: Attrs, params: number[], level: ColorLevel): void {
	if (params.length === 0) params = [0];
	for (let i = 0; i < params.length; i++) {
		const p = params[i] ?? 0;
		if (p === 0) {
			a.flags.clear();
			a.fg = '';
			a.bg = '';
		} else if (p >= 1 && p <= 9) a.flags.add(p);
		else if (FLAG_OFF[p]) for (const f of FLAG_OFF[p]) a.flags.delete(f);
		else if (p === 39) a.fg = '';
		else if (p === 49) a.bg = '';
		else if ((p >= 30 && p <= 37) || (p >= 90 && p <= 97)) a.fg = level > 0 ? String(p) : '';
		else if ((p >= 40 && p <= 47) || (p >= 100 && p <= 107)) a.bg = level > 0 ? String(p) : '';
		else if (p === 38 || p === 48) {
			const background = p === 48;
			let value = '';
			if (params[i + 1] === 5) {
				const n = params[i + 2] ?? 0;
				value = level >= 2 ? `${p};5;${n}` : level === 1 ? code16(nearest16(n), background) : '';
				i += 2;
			} else if (params[i + 1] === 2) {
				const [r = 0, g = 0, b = 0] = params.slice(i + 2, i + 5);
				value = level >= 3 ? `${p};2;${r};${g};${b}` : level >= 1 ? code16(rgb16(r, g, b), background) : '';
				i += 4;
			}
			if (background) a.bg = value;
			else a.fg = value;
		}
	}
}

const key = (a: Attrs): string => [...[...a.flags].sort((x, y) => x - y).map(String), a.fg, a.bg].filter((s) => s !== '').join(';');

 
const ESCAPE = /\u001b(?:\[([0-9;:]*)([@-~])|\]8;[^;\u0007\u001b]*;([^\u0007\u001b]*)(?:\u0007|\u001b\\)|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])/gu;

/** The cells of one frame line; other escape sequences than SGR and OSC 8 are dropped. */
export function toCells(line: string, level: ColorLevel): Cell[] {
	const cells: Cell[] = [];
	const attrs: Attrs = {flags: new Set(), fg: '', bg: ''};
	let sgr = '';
	let link = '';
	const text = (chunk: string): void => {
		// Printable ASCII (most of a frame): one cell a character, nothing to measure.
		if (isPlain(chunk)) {
			for (const ch of chunk) cells.push({ch, sgr, link});
			return;
		}
		for (const segment of graphemes(chunk)) {
			if (segment < ' ' || segment === '\u007f') continue;
			const width = stringWidth(segment);
			if (width === 0) continue;
			cells.push({ch: segment, sgr, link});
			if (width > 1) cells.push({ch: '', sgr, link});
		}
	};
	let last = 0;
	for (const m of line.matchAll(ESCAPE)) {
		text(line.slice(last, m.index));
		last = m.index + m[0].length;
		if (m[2] === 'm') {
			applySgr(attrs, (m[1] ?? '').split(/[;:]/).filter((s) => s !== '').map(Number), level);
			sgr = key(attrs);
		} else if (m[3] !== undefined) link = m[3];
	}
	text(line.slice(last));
	return cells;
}

export const sameCell = (a: Cell | undefined, b: Cell | undefined): boolean =>
	a === undefined || b === undefined ? isBlank(a) && isBlank(b) : a.ch === b.ch && a.sgr === b.sgr && a.link === b.link;

/** A column the terminal shows as nothing: past the end of the line, or a default-styled space. */
export const isBlank = (c: Cell | undefined): boolean => c === undefined || (c.ch === ' ' && c.sgr === '' && c.link === '');

/** The escape sequences that switch from one cell's style and link to another's. */
export function transition(from: {sgr: string; link: string}, to: {sgr: string; link: string}): string {
	let out = '';
	if (from.link !== to.link) out += `\u001b]8;;${to.link}\u001b\\`;
	if (from.sgr !== to.sgr) out += to.sgr === '' ? '\u001b[m' : `\u001b[0;${to.sgr}m`;
	return out;
}
