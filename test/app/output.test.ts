import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {toCells} from '../../source/app/view/output/cells.js';
import {FrameWriter} from '../../source/app/view/output/frame-writer.js';
import {cells, feed, reference, text, vt} from '../support/vt.js';

const STYLES: Array<[string, string]> = [
	['', ''],
	['\u001b[1m', '\u001b[22m'],
	['\u001b[2m', '\u001b[22m'],
	['\u001b[36m', '\u001b[39m'],
	['\u001b[7m', '\u001b[27m'],
	['\u001b[38;5;208m', '\u001b[39m'],
	['\u001b[44m', '\u001b[49m'],
	['\u001b]8;;http://127.0.0.1:8080\u001b\\', '\u001b]8;;\u001b\\'],
];
// CJK is wide in every terminal; emoji widths differ between terminals (the emulator here draws them narrow).
const CHARS = ['a', 'b', 'x', ' ', ' ', '中', '語', 'é', '│'];
const width = (ch: string): number => (ch === '中' || ch === '語' ? 2 : 1);

/** A line of Ink-like styled segments, at most `columns` wide. */
const line = (columns: number) =>
	fc.array(fc.record({style: fc.integer({min: 0, max: STYLES.length - 1}), text: fc.array(fc.constantFrom(...CHARS), {maxLength: 12})}), {maxLength: 6}).map((segments) => {
		let used = 0;
		let out = '';
		for (const s of segments) {
			const [open, close] = STYLES[s.style] ?? ['', ''];
			let chunk = '';
			for (const ch of s.text) {
				if (used + width(ch) > columns) break;
				chunk += ch;
				used += width(ch);
			}
			if (chunk) out += open + chunk + close;
		}
		return out.replace(/ +$/u, '');
	});

const frame = (columns: number, rows: number) => fc.array(line(columns), {minLength: 0, maxLength: rows + 2}).map((lines) => lines.join('\n'));

async function check(screen: ReturnType<typeof vt>, frameText: string, columns: number, rows: number): Promise<void> {
	const want = await reference(frameText, columns, rows);
	expect(text(screen)).toEqual(text(want));
	expect(cells(screen)).toEqual(cells(want));
	want.dispose();
}

describe('the frame writer', () => {
	it('leaves the screen as the frame drawn alone would, frame after frame: shorter, taller, exactly the height, wide characters, styles', async () => {
		const columns = 24;
		const rows = 6;
		await fc.assert(
			fc.asyncProperty(fc.array(frame(columns, rows), {minLength: 1, maxLength: 6}), async (frames) => {
				const screen = vt(columns, rows);
				const writer = new FrameWriter({columns, rows, level: 3});
				for (const f of frames) {
					const bytes = writer.next(f);
					await feed(screen, bytes);
					await check(screen, f, columns, rows);
				}
				screen.dispose();
			}),
			{numRuns: 80},
		);
	});

	it('stays right when each frame changes only some lines of the last (unchanged lines are reused, not parsed again)', async () => {
		const columns = 24;
		const rows = 6;
		const edits = fc.array(fc.record({row: fc.integer({min: 0, max: rows + 1}), text: line(columns)}), {minLength: 1, maxLength: 3});
		await fc.assert(
			fc.asyncProperty(frame(columns, rows), fc.array(edits, {minLength: 1, maxLength: 6}), async (first, steps) => {
				const screen = vt(columns, rows);
				const writer = new FrameWriter({columns, rows, level: 3});
				let lines = first.split('\n');
				await feed(screen, writer.next(first));
				for (const step of steps) {
					lines = [...lines];
					for (const {row, text: t} of step) lines[row] = t;
					const f = Array.from(lines, (l) => l ?? '').join('\n');
					await feed(screen, writer.next(f));
					await check(screen, f, columns, rows);
				}
				screen.dispose();
			}),
			{numRuns: 80},
		);
	});

	it('stays right across resizes', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.record({columns: fc.integer({min: 8, max: 30}), rows: fc.integer({min: 2, max: 8}), seed: fc.integer()}), {minLength: 1, maxLength: 4}),
				async (sizes) => {
					const first = sizes[0] ?? {columns: 10, rows: 4};
					const screen = vt(first.columns, first.rows);
					const writer = new FrameWriter({columns: first.columns, rows: first.rows, level: 3});
					for (const size of sizes) {
						screen.resize(size.columns, size.rows);
						writer.resize(size.columns, size.rows);
						const f = fc.sample(frame(size.columns, size.rows), {numRuns: 1, seed: size.seed})[0] ?? '';
						await feed(screen, writer.next(f));
						await check(screen, f, size.columns, size.rows);
					}
					screen.dispose();
				},
			),
			{numRuns: 40},
		);
	});

	it('erases the rows a closed panel covered', async () => {
		const screen = vt(20, 6);
		const writer = new FrameWriter({columns: 20, rows: 6, level: 3});
		await feed(screen, writer.next('status\nrow 1\nrow 2\nStop web? y/n\nfooter'));
		await feed(screen, writer.next('status\nrow 1\nrow 2'));
		expect(text(screen)).toEqual(['status', 'row 1', 'row 2', '', '', '']);
	});

	it('writes only what changed: nothing for the same frame, one short stretch for one changed cell', () => {
		const rows = Array.from({length: 39}, (_, i) => `  web-${String(i).padStart(2, '0')}  dnet/webapp  Up 5 minutes  127.0.0.1:32768->5000/tcp`);
		const writer = new FrameWriter({columns: 120, rows: 40, level: 3});
		const whole = writer.next(rows.join('\n'));
		expect(whole.length).toBeGreaterThan(39 * 60);
		expect(writer.next(rows.join('\n'))).toBe('');
		const changed = [...rows];
		changed[7] = changed[7]?.replace('Up 5 minutes', 'Up 6 minutes') ?? '';
		expect(writer.next(changed.join('\n'))).toBe('\u001b[8;27H6');
	});

	it('draws a seeded screen by difference: what is already there is not written again', () => {
		const writer = new FrameWriter({columns: 40, rows: 5, level: 3});
		writer.seed('dnet  unix:///run/docker.sock\n  NAME  STATUS\n  web   Up 2 seconds');
		expect(writer.next('dnet  unix:///run/docker.sock\n  NAME  STATUS\n\u001b[7m› web   Up 2 seconds\u001b[27m')).toBe('\u001b[3H\u001b[0;7m› web   Up 2 seconds\u001b[m');
	});

	it('cuts a frame to the terminal: a line too wide, a frame too tall, half a wide character', async () => {
		const screen = vt(6, 2);
		const writer = new FrameWriter({columns: 6, rows: 2, level: 3});
		await feed(screen, writer.next('abcde中\n1234567\nthird'));
		expect(text(screen)).toEqual(['abcde', '123456']);
	});
});

describe('colours as the terminal has them', () => {
	it('gives a 16-colour terminal no 256-colour or true-colour code, and a terminal without colours none', () => {
		expect(toCells('\u001b[38;5;208mx', 1)[0]?.sgr).toBe('93');
		expect(toCells('\u001b[48;2;0;0;140mx', 1)[0]?.sgr).toBe('44');
		expect(toCells('\u001b[38;5;208mx', 2)[0]?.sgr).toBe('38;5;208');
		expect(toCells('\u001b[1;36;44mx', 0)[0]?.sgr).toBe('1');
		expect(toCells('\u001b[36mx\u001b[39my', 1).map((c) => c.sgr)).toEqual(['36', '']);
	});

	it('never writes a 256-colour code at level 1, whatever the frame', () => {
		fc.assert(
			fc.property(frame(30, 4), (f) => {
				const out = new FrameWriter({columns: 30, rows: 4, level: 1}).next(f);
				expect(out).not.toMatch(/[34]8;[52];/u);
			}),
		);
	});
});
