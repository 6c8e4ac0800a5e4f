import {cutToWidth, padToWidth, textWidth} from './width.js';

/**
 * Word wrap for panels that must never cut what they say (confirmations, errors): lines of at
 * most `width` columns, broken at spaces, a word longer than a line broken hard. Pure, so the
 * layout knows how many rows a panel takes before it is drawn.
 */
export function wrapText(text: string, width: number): string[] {
	const w = Math.max(1, width);
	const out: string[] = [];
	for (const paragraph of text.split('\n')) {
		let line = '';
		for (const word of paragraph.split(' ')) {
			let rest = word;
			// Counted in display columns (a wide character is two): a wrapped line never outgrows the panel.
			while (textWidth(rest) > w) {
				if (line !== '') {
					out.push(line);
					line = '';
				}
				const head = cutToWidth(rest, w) || (Array.from(rest)[0] ?? '');
				out.push(head);
				rest = rest.slice(head.length);
			}
			if (line === '') line = rest;
			else if (textWidth(line) + 1 + textWidth(rest) <= w) line += ` ${rest}`;
			else {
				out.push(line);
				line = rest;
			}
		}
		out.push(line);
	}
	return out;
}

/** `text` in exactly `width` columns: padded, or cut with the ellipsis marking the cut (a wide character counts two, and is never cut in half). */
export function fit(text: string, width: number, ellipsis: string): string {
	if (width <= 0) return '';
	if (textWidth(text) <= width) return padToWidth(text, width);
	const mark = textWidth(ellipsis);
	if (width <= mark) return padToWidth(cutToWidth(text, width), width);
	return padToWidth(cutToWidth(text, width - mark) + ellipsis, width);
}
