import {PassThrough} from 'node:stream';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {asciiStream, foldAscii} from '../../source/app/view/ascii.js';

const ascii = (s: string): boolean => [...s].every((c) => c.charCodeAt(0) < 0x80);

describe('the ASCII fold', () => {
	it('folds what dnet writes to ASCII of the same width', () => {
		expect(foldAscii('recreating web…')).toBe('recreating web~');
		expect(foldAscii('db → db2 ❯ › ✓ ● │ ─ ╭╮')).toBe('db > db2 > > + * | - ++');
		expect(foldAscii('“quoted” — it’s')).toBe('"quoted" - it\'s');
		expect(foldAscii('名前')).toBe('????');
		expect(foldAscii('e\u0301')).toBe('e');
		expect(foldAscii('\u001b[7m> web\u001b[27m')).toBe('\u001b[7m> web\u001b[27m');
	});

	it('leaves nothing but ASCII, whatever the text', () => {
		fc.assert(
			fc.property(fc.string({unit: 'binary'}), (text) => {
				expect(ascii(foldAscii(text))).toBe(true);
			}),
		);
	});

	it('keeps the width of single-column characters, so the layout Ink measured holds', () => {
		const narrow = fc.string({unit: fc.constantFrom('a', '…', '→', '›', '❯', '✓', '●', '│', '─', '×', '–', '‘', '“', '·', 'é', 'ß')});
		fc.assert(
			fc.property(narrow, (text) => {
				expect(foldAscii(text).length).toBe([...text].length);
			}),
		);
	});

	it('wraps the terminal stream: every chunk written is folded, the rest is the stream', () => {
		const out = new PassThrough() as unknown as NodeJS.WriteStream & PassThrough;
		Object.assign(out, {columns: 90, rows: 30, isTTY: true});
		const chunks: string[] = [];
		out.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
		const wrapped = asciiStream(out);
		wrapped.write('› web →  db…\n');
		wrapped.write(Buffer.from('✓ ok'));
		expect(chunks.join('')).toBe('> web >  db~\n+ ok');
		expect(wrapped.columns).toBe(90);
		expect(wrapped.isTTY).toBe(true);
	});
});
