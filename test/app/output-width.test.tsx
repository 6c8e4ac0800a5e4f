import stringWidth from 'string-width';
import fc from 'fast-check';
import {afterEach, describe, expect, it} from 'vitest';
import {fit} from '../../source/app/view/theme.js';
import {cutToWidth, graphemes, textWidth} from '../../source/model/width.js';
import {FakeEngine, summary} from '../support/fake-engine.js';
import {waitFor} from '../support/wait-for.js';
import {renderApp, type Rendered} from '../ui/render-app.js';

describe('wide characters', () => {
	it('count two columns, and a cut never splits one', () => {
		expect(textWidth('web')).toBe(3);
		expect(textWidth('名前')).toBe(4);
		expect(textWidth('db🚀')).toBe(4);
		expect(cutToWidth('名前です', 5)).toBe('名前');
		expect(fit('名前です', 5, '…')).toBe('名前…');
		expect(fit('名前', 6, '…')).toBe('名前  ');
		expect(fit('名前です', 4, '~')).toBe('名~ ');
		for (const w of [1, 2, 3, 4, 5, 6, 7, 8, 9]) expect(stringWidth(fit('名前です-web', w, '…'))).toBe(w);
	});

	it('are counted as string-width counts them (what Ink lays out with), over every assigned character of the common scripts and emoji', () => {
		const ranges: Array<[number, number]> = [[0x20, 0x7e], [0xa0, 0x24f], [0x300, 0x36f], [0x370, 0x52f], [0x1100, 0x11ff], [0x2000, 0x27bf], [0x2e80, 0x3247], [0x3250, 0x9fff], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe00, 0xfe6f], [0xff01, 0xffef], [0x1f300, 0x1f64f], [0x1f680, 0x1f6ff], [0x1f900, 0x1f9ff], [0x20000, 0x200ff]];
		const wrong: string[] = [];
		for (const [from, to] of ranges) {
			for (let c = from; c <= to; c++) {
				const ch = String.fromCodePoint(c);
				if (/\p{Cn}/u.test(ch)) continue;
				if (textWidth(ch) !== stringWidth(ch)) wrong.push(c.toString(16));
			}
		}
		expect(wrong).toEqual([]);
		for (const s of ['👍🏽', '👨‍👩‍👧', 'e\u0301', '🇫🇷', '名前-db', 'a\u200bb']) expect(textWidth(s)).toBe(stringWidth(s));
	});

	it('take one code point as an emoji exactly when the RGI emoji set does, over every code point', () => {
		// textWidth measures single code points without the RGI_Emoji pattern (its first use is slow).
		const rgi = new RegExp('^\\p{RGI_Emoji}$', 'v');
		const wrong: string[] = [];
		for (let c = 0; c <= 0x10ffff; c++) {
			if (c >= 0xd800 && c <= 0xdfff) continue;
			const ch = String.fromCodePoint(c);
			if (rgi.test(ch) ? textWidth(ch) !== 2 : /\p{Emoji_Presentation}/u.test(ch) && textWidth(ch) !== stringWidth(ch)) wrong.push(c.toString(16));
		}
		expect(wrong).toEqual([]);
	});

	it('measure text of characters that are each a grapheme as the segmenter does, joiners and marks in between', () => {
		// Strings of arrows, dots, box drawing, Latin and Cyrillic, with combining marks, joiners and
		// selectors mixed in: the quick path (no segmenter) must give the same widths and cuts.
		const pieces = ['a', 'Ж', 'é', '→', '·', '…', '─', '●', '⌚', '✅', '\u0301', '\u200d', '\ufe0f', '\u20e3', '名', '🚀', '👍', '\u{1f3fd}', '🇫', '🇷', ' '];
		const segmenter = new Intl.Segmenter();
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 12}), (parts) => {
				const s = parts.join('');
				expect([...graphemes(s)]).toEqual(Array.from(segmenter.segment(s), (g) => g.segment));
			}),
			{seed: 14, numRuns: 3000},
		);
		for (const s of ['a→b·c…', '─●─', 'Жé→✅', '⌚ web']) expect(textWidth(s)).toBe(stringWidth(s));
	});

	let app: Rendered | undefined;
	afterEach(() => app?.unmount());

	it('keep the list\'s columns aligned when a name holds them', async () => {
		const engine = new FakeEngine([
			summary('web', {image: 'nginx'}),
			summary('名前-db', {image: 'postgres'}),
			summary('🚀-api', {image: 'node'}),
		]);
		app = renderApp(engine, {columns: 100, rows: 12});
		await waitFor(() => expect(app?.frame()).toContain('postgres'));
		const lines = app.frame().split('\n');
		const column = (image: string): number => {
			const line = lines.find((l) => l.includes(image)) ?? '';
			return stringWidth(line.slice(0, line.indexOf(image)));
		};
		expect(column('postgres')).toBe(column('nginx'));
		expect(column('node')).toBe(column('nginx'));
		expect(column('IMAGE')).toBe(column('nginx'));
	});
});
