/**
 * Failures worded with their cause first, in the engine's own words. The engine wraps its errors
 * from the outside in (`driver failed programming external connectivity on endpoint old-web
 * (1107f…): Bind for 0.0.0.0:8000 failed: port is already allocated`): cut to the width of one line,
 * the part that matters is lost. `causeFirst` leads with the innermost cause and keeps the rest
 * after it (`port is already allocated (Bind for 0.0.0.0:8000 failed; driver failed …)`).
 */

/** A failure as one short line (cause first) and its full text (the engine's words in their order). */
export interface FailureText {
	/** `start old-web: port is already allocated (Bind for 0.0.0.0:8000 failed; driver failed …)` */
	short: string;
	/** `start old-web: driver failed programming external connectivity on endpoint old-web (…): Bind for 0.0.0.0:8000 failed: port is already allocated` */
	full: string;
}

/** True for a segment that is a name, an id or a quoted value rather than a phrase (`web`, `"/web"`). */
const isBare = (segment: string): boolean => !/\s/.test(segment.trim()) || /^(["'`]).*\1$/.test(segment.trim());

/**
 * The message with its innermost cause first and the wrapping context after it, innermost first,
 * in parentheses: `a: b: cause` is `cause (b; a)`. A last segment that is only a name (`No such
 * container: web`) stays with the phrase before it. A message of one segment is returned as is.
 */
export function causeFirst(message: string): string {
	const text = message.trim();
	const segments = text.split(/:\s+/);
	let start = segments.length - 1;
	while (start > 0 && isBare(segments[start] as string)) start--;
	if (start === 0) return text;
	const cause = segments.slice(start).join(': ');
	return `${cause} (${segments.slice(0, start).reverse().join('; ')})`;
}

/**
 * `what: cause (context)` as the short line, `what: the whole message` as the full text. With
 * `reorder` false (a message dnet worded itself), both are `what: message`.
 */
export function failureText(what: string, message: string, reorder = true): FailureText {
	const prefix = what === '' ? '' : `${what}: `;
	const text = message.trim();
	return {short: `${prefix}${reorder ? causeFirst(text) : text}`, full: `${prefix}${text}`};
}
