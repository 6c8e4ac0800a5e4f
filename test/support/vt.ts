/**
 * A real terminal emulator (xterm.js, headless) for the output layer's tests: feed it bytes, read
 * back each cell's character and style, compare two screens.
 */
import xterm from '@xterm/headless';

const {Terminal} = xterm;
export type Vt = InstanceType<typeof Terminal>;

export function vt(columns: number, rows: number): Vt {
	return new Terminal({cols: columns, rows, allowProposedApi: true, scrollback: 0});
}

export function feed(term: Vt, bytes: string): Promise<void> {
	return new Promise((resolve) => term.write(bytes, resolve));
}

/** Each row as text plus a style signature per cell (colour, mode, bold, dim, italic, underline, inverse). */
export function cells(term: Vt): string[] {
	const buffer = term.buffer.active;
	const out: string[] = [];
	for (let y = 0; y < term.rows; y++) {
		const line = buffer.getLine(buffer.viewportY + y);
		const parts: string[] = [];
		for (let x = 0; x < term.cols; x++) {
			const c = line?.getCell(x);
			if (!c) continue;
			const style = [c.getFgColorMode(), c.getFgColor(), c.getBgColorMode(), c.getBgColor(), c.isBold(), c.isDim(), c.isItalic(), c.isUnderline(), c.isInverse()].join(',');
			parts.push(`${c.getChars() || (c.getWidth() === 0 ? '' : ' ')}/${style}`);
		}
		out.push(parts.join('|'));
	}
	return out;
}

export function text(term: Vt): string[] {
	const buffer = term.buffer.active;
	return Array.from({length: term.rows}, (_, y) => buffer.getLine(buffer.viewportY + y)?.translateToString(true).trimEnd() ?? '');
}

/** The screen a frame gives when drawn alone on a clear terminal of this size. */
export async function reference(frame: string, columns: number, rows: number): Promise<Vt> {
	const term = vt(columns, rows);
	const lines = frame.split('\n').slice(0, rows);
	await feed(term, lines.map((line, i) => `\u001b[${i + 1}H${line}\u001b[m\u001b]8;;\u001b\\`).join(''));
	return term;
}
