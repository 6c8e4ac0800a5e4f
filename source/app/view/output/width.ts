/**
 * Display width, as the terminal (and Ink's layout) counts it: a CJK character or an emoji takes
 * two columns, a combining mark none. Text cut to a width is cut between characters, never inside
 * one, so columns stay aligned whatever the engine's names hold (ARCHITECTURE.md, "The terminal").
 */
import stringWidth from 'string-width';

const PLAIN = /^[\u0020-\u007e]*$/u;
const segmenter = new Intl.Segmenter();

export function textWidth(text: string): number {
	return PLAIN.test(text) ? text.length : stringWidth(text);
}

/** The longest start of `text` at most `width` columns wide. */
export function cutToWidth(text: string, width: number): string {
	if (PLAIN.test(text)) return text.slice(0, Math.max(0, width));
	let out = '';
	let used = 0;
	for (const {segment} of segmenter.segment(text)) {
		const w = stringWidth(segment);
		if (used + w > width) break;
		out += segment;
		used += w;
	}
	return out;
}

/** `text` padded with spaces to `width` columns (never cut). */
export function padToWidth(text: string, width: number): string {
	return text + ' '.repeat(Math.max(0, width - textWidth(text)));
}
