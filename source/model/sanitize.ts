/**
 * Strips control characters (C0, DEL, C1, and so ANSI escape sequences' introducers) from a string
 * the engine returned, so that nothing it says can move the cursor, change colours or retitle the
 * terminal. Tabs and newlines become spaces: a table cell is one line.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** Zero-width characters (U+200B-U+200D, U+2060-U+2064, U+FEFF, the soft hyphen) go too: they hide text. */
export function sanitize(text: string): string {
	return text.replace(CONTROL, (ch) => (ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029' ? ' ' : ''));
}

/**
 * What a one-line text field keeps of typed input: everything before the first control character.
 * A fast chunk like `web\rp` is text, then keys (Enter, `p`), and the keys are handled as keys.
 */
export function fieldText(text: string): string {
	const cut = text.search(/[\u0000-\u001f\u007f]/);
	return cut < 0 ? text : text.slice(0, cut);
}
