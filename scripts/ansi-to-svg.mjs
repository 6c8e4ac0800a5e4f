#!/usr/bin/env node
// Renders a terminal screen captured with colours (`tmux capture-pane -e -p`) as an SVG image of a
// dark terminal window, one monospace cell per character. Used by scripts/screenshots.sh, which
// turns the SVG into a PNG with rsvg-convert.
//
//   node scripts/ansi-to-svg.mjs --cols 120 --rows 36 [--title TEXT] < screen.ansi > screen.svg
//
// Understands SGR (colours: 16, 256 and true colour; bold, dim, italic, underline, inverse,
// strikethrough); every other escape sequence is dropped.
import {readFileSync} from 'node:fs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const cols = Number(option('cols', '120'));
const rows = Number(option('rows', '36'));
const title = option('title', 'dnet');

// A calm dark palette (close to One Dark), for the 16 ANSI colours.
const palette16 = [
	'#282c34', '#e06c75', '#98c379', '#e5c07b', '#61afef', '#c678dd', '#56b6c2', '#abb2bf',
	'#5c6370', '#ff7b86', '#b5e890', '#ffd68a', '#7cc4ff', '#de94f0', '#6fd6e3', '#ffffff',
];
const defaultFg = '#d7dae0';
const defaultBg = '#1e2127';

function color256(n) {
	if (n < 16) return palette16[n];
	if (n < 232) {
		const i = n - 16;
		const level = v => (v === 0 ? 0 : 55 + v * 40);
		return rgb(level(Math.floor(i / 36)), level(Math.floor(i / 6) % 6), level(i % 6));
	}
	const g = 8 + (n - 232) * 10;
	return rgb(g, g, g);
}
function rgb(r, g, b) {
	return `#${[r, g, b].map(v => Math.max(0, Math.min(255, v)).toString(16).padStart(2, '0')).join('')}`;
}

const plain = () => ({fg: undefined, bg: undefined, bold: false, dim: false, italic: false, underline: false, inverse: false, strike: false});

function applySgr(style, params) {
	const p = params.length === 0 ? [0] : params;
	for (let i = 0; i < p.length; i++) {
		const c = p[i];
		if (c === 0) Object.assign(style, plain());
		else if (c === 1) style.bold = true;
		else if (c === 2) style.dim = true;
		else if (c === 3) style.italic = true;
		else if (c === 4) style.underline = true;
		else if (c === 7) style.inverse = true;
		else if (c === 9) style.strike = true;
		else if (c === 22) style.bold = style.dim = false;
		else if (c === 23) style.italic = false;
		else if (c === 24) style.underline = false;
		else if (c === 27) style.inverse = false;
		else if (c === 29) style.strike = false;
		else if (c >= 30 && c <= 37) style.fg = palette16[c - 30];
		else if (c >= 90 && c <= 97) style.fg = palette16[c - 90 + 8];
		else if (c === 39) style.fg = undefined;
		else if (c >= 40 && c <= 47) style.bg = palette16[c - 40];
		else if (c >= 100 && c <= 107) style.bg = palette16[c - 100 + 8];
		else if (c === 49) style.bg = undefined;
		else if (c === 38 || c === 48) {
			let value;
			if (p[i + 1] === 5) {
				value = color256(p[i + 2] ?? 0);
				i += 2;
			} else if (p[i + 1] === 2) {
				value = rgb(p[i + 2] ?? 0, p[i + 3] ?? 0, p[i + 4] ?? 0);
				i += 4;
			}
			if (c === 38) style.fg = value;
			else style.bg = value;
		}
	}
}

// Parse into a grid of cells {ch, style}.
const input = readFileSync(0, 'utf8');
const grid = [];
const style = plain();
for (const line of input.replace(/\r/g, '').split('\n').slice(0, rows)) {
	const cells = [];
	for (let i = 0; i < line.length; ) {
		if (line[i] === '\u001b') {
			const sgr = /^\u001b\[([0-9;:]*)m/.exec(line.slice(i));
			if (sgr) {
				applySgr(style, sgr[1] === '' ? [] : sgr[1].split(/[;:]/).map(Number));
				i += sgr[0].length;
				continue;
			}
			const other = /^\u001b(\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(\u0007|\u001b\\)|.)/.exec(line.slice(i));
			i += other ? other[0].length : 1;
			continue;
		}
		const ch = String.fromCodePoint(line.codePointAt(i));
		i += ch.length;
		if (ch < ' ') continue;
		cells.push({ch, style: {...style}});
	}
	grid.push(cells);
}

const fontSize = 15;
const cw = fontSize * 0.6021; // DejaVu Sans Mono advance width
const lh = Math.round(fontSize * 1.35);
const pad = 18;
const bar = 34;
const width = Math.ceil(cols * cw + pad * 2);
const height = Math.ceil(rows * lh + pad * 2 + bar);

const esc = s => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const resolve = s => {
	let fg = s.fg ?? defaultFg;
	let bg = s.bg;
	if (s.inverse) [fg, bg] = [bg ?? defaultBg, fg];
	return {fg, bg};
};
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

const out = [];
out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`);
out.push(`<rect width="${width}" height="${height}" rx="10" fill="${defaultBg}"/>`);
out.push(`<rect width="${width}" height="${bar}" rx="10" fill="#2c313a"/><rect y="${bar - 10}" width="${width}" height="10" fill="#2c313a"/>`);
['#ff5f57', '#febc2e', '#28c840'].forEach((c, i) => out.push(`<circle cx="${20 + i * 22}" cy="${bar / 2}" r="6.5" fill="${c}"/>`));
out.push(`<text x="${width / 2}" y="${bar / 2 + 5}" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="13" fill="#9da5b4">${esc(title)}</text>`);
out.push(`<g font-family="DejaVu Sans Mono, monospace" font-size="${fontSize}" xml:space="preserve">`);

grid.forEach((cells, row) => {
	const top = bar + pad + row * lh;
	const baseline = top + Math.round(lh * 0.75);
	// Backgrounds, merged into runs.
	for (let c = 0; c < cells.length; ) {
		const {bg} = resolve(cells[c].style);
		let end = c + 1;
		while (end < cells.length && resolve(cells[end].style).bg === bg) end++;
		if (bg) out.push(`<rect x="${(pad + c * cw).toFixed(2)}" y="${top}" width="${((end - c) * cw + 0.5).toFixed(2)}" height="${lh}" fill="${bg}"/>`);
		c = end;
	}
	// Text, in runs of one style; each run is placed on its own cell so the grid never drifts.
	for (let c = 0; c < cells.length; ) {
		let end = c + 1;
		while (end < cells.length && same(cells[end].style, cells[c].style)) end++;
		const text = cells.slice(c, end).map(x => x.ch).join('');
		if (text.trim() !== '' || cells[c].style.underline || cells[c].style.strike) {
			const s = cells[c].style;
			const {fg} = resolve(s);
			const attrs = [`x="${(pad + c * cw).toFixed(2)}"`, `y="${baseline}"`, `fill="${fg}"`];
			if (s.bold) attrs.push('font-weight="bold"');
			if (s.italic) attrs.push('font-style="italic"');
			if (s.dim) attrs.push('fill-opacity="0.55"');
			const deco = [s.underline && 'underline', s.strike && 'line-through'].filter(Boolean).join(' ');
			if (deco) attrs.push(`text-decoration="${deco}"`);
			// One <tspan> per character with its own x: glyphs from a fallback font cannot shift the row.
			const spans = [...text].map((ch, k) => `<tspan x="${(pad + (c + k) * cw).toFixed(2)}">${esc(ch)}</tspan>`).join('');
			out.push(`<text ${attrs.join(' ')}>${spans}</text>`);
		}
		c = end;
	}
});
out.push('</g></svg>');
process.stdout.write(out.join('\n') + '\n');
