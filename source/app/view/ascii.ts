/**
 * Under the ASCII theme (LANG=C), every byte dnet writes to the terminal is ASCII: the theme picks
 * ASCII glyphs, and this fold catches the rest (an ellipsis or an arrow in a notice a reducer wrote,
 * a character from the engine) as Ink writes the frame. The fold keeps each character's width, so
 * the layout Ink measured stays true: `…` is `~` (the theme's own ellipsis), `→` is `>`, a wide
 * character is `??`, a combining mark disappears, anything else is `?`.
 */

const FOLD: Record<string, string> = {
	'…': '~',
	'→': '>', '⇒': '>', '›': '>', '❯': '>', '▶': '>', '►': '>', '»': '>', '▸': '>',
	'←': '<', '⇐': '<', '‹': '<', '◀': '<', '«': '<', '↑': '^', '↓': 'v', '↔': '-',
	'✓': '+', '✔': '+', '✗': 'x', '✘': 'x', '×': 'x',
	'●': '*', '•': '*', '∙': '*', '○': 'o', '◆': '*', '★': '*', '·': '.',
	'│': '|', '┃': '|', '║': '|', '─': '-', '━': '-', '═': '-', '–': '-', '—': '-', '−': '-',
	'‘': "'", '’': "'", '‚': "'", '′': "'", '“': '"', '”': '"', '„': '"', '″': '"',
	'\u00a0': ' ', '≤': '<', '≥': '>', '≠': '#', '±': '+', '°': 'o',
};

const MARK = /^[\p{Mn}\p{Me}]$/u;
/** Zero-width spaces and joiners, the word joiner, the byte order mark, variation selectors. */
const zeroWidth = (ch: string): boolean => {
	const c = ch.codePointAt(0) ?? 0;
	return MARK.test(ch) || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || (c >= 0xfe00 && c <= 0xfe0f);
};
const BOX = /^[\u2500-\u257f]$/u;
// East Asian wide and full-width ranges, and pictographs, as terminals draw them: two columns.
const WIDE = /^[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]$/u;

function foldChar(ch: string): string {
	const mapped = FOLD[ch];
	if (mapped !== undefined) return mapped;
	if (zeroWidth(ch)) return '';
	if (BOX.test(ch)) return '+';
	return WIDE.test(ch) ? '??' : '?';
}

/** `text` with every non-ASCII character folded to ASCII of the same width. */
export function foldAscii(text: string): string {
	return /^[\u0000-\u007f]*$/.test(text) ? text : text.replace(/[^\u0000-\u007f]/gu, foldChar);
}

/** The terminal stream as Ink sees it, writing every chunk folded to ASCII. */
export function asciiStream<T extends NodeJS.WriteStream>(stream: T): T {
	const write = (chunk: unknown, ...rest: unknown[]): boolean => {
		const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
		return (stream.write as (c: string, ...r: unknown[]) => boolean)(foldAscii(text), ...rest);
	};
	return new Proxy(stream, {
		get(target, key) {
			if (key === 'write') return write;
			const value: unknown = Reflect.get(target, key, target);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
}
