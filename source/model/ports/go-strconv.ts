/**
 * Go's `strconv.ParseUint(s, 10, 16)` and `strconv.Quote`, whose exact behaviour (and error text)
 * shows through in docker's messages.
 */

/** Go's `strconv.Quote` for the strings that can reach an error message. */
export function goQuote(text: string): string {
	let out = '"';
	for (const ch of text) {
		const code = ch.codePointAt(0) ?? 0;
		switch (ch) {
			case '"': out += '\\"'; break;
			case '\\': out += '\\\\'; break;
			case '\u0007': out += '\\a'; break;
			case '\b': out += '\\b'; break;
			case '\f': out += '\\f'; break;
			case '\n': out += '\\n'; break;
			case '\r': out += '\\r'; break;
			case '\t': out += '\\t'; break;
			case '\v': out += '\\v'; break;
			default:
				if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
				else if ((code >= 0x80 && code < 0xa0) || code === 0xad || (code >= 0xd800 && code <= 0xdfff)) {
					out += code >= 0xd800 && code <= 0xdfff ? '\\ufffd' : `\\u${code.toString(16).padStart(4, '0')}`;
				} else out += ch;
		}
	}
	return `${out}"`;
}

/** The outcome of `ParseUint(s, 10, 16)`: a value, or Go's error text. */
export type ParseUintResult = {ok: true; value: number} | {ok: false; error: string};

/** Go's `strconv.ParseUint(s, 10, 16)`, digit by digit as Go checks (syntax vs range errors). */
export function parseUint16(text: string): ParseUintResult {
	const syntax = {ok: false as const, error: `strconv.ParseUint: parsing ${goQuote(text)}: invalid syntax`};
	if (text === '') return syntax;
	let n = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x30 || c > 0x39) return syntax;
		n = n * 10 + (c - 0x30);
		if (n > 0xffff) return {ok: false, error: `strconv.ParseUint: parsing ${goQuote(text)}: value out of range`};
	}
	return {ok: true, value: n};
}
