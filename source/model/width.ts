/**
 * Display width, as terminals (and Ink's layout) count it: East Asian wide and full-width
 * characters and emoji take two columns, combining marks and format characters none, the rest one.
 * Pure (model/ imports no package): a test holds it to the string-width package Ink measures with.
 */

const PLAIN = /^[\u0020-\u007e]*$/u;

/** Printable ASCII only: one column a character. */
export const isPlain = (text: string): boolean => PLAIN.test(text);
// Combining marks, format and control characters, and the Hangul fillers.
const ZERO = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}\u115f\u1160\u3164\uffa0]+$/u;
// Emoji sequences. The `v` flag (Node 20) through the constructor: TypeScript's target (ES2022) does
// not know it. Its first use compiles the whole emoji set (100-200 ms): only sequences need it.
let emoji: RegExp | null = null;
// One code point is an emoji when it is shown as one by default (the same set, regional indicators
// aside, as RGI_Emoji's single code points; test/app/output-width.test.tsx holds them together).
const EMOJI_CHAR = /^\p{Emoji_Presentation}$/u;
const REGIONAL = /^[\u{1f1e6}-\u{1f1ff}]$/u;
// Characters that are each a grapheme of their own (no combining mark, joiner or selector among
// them: Latin, Greek, Cyrillic, punctuation, arrows, symbols, box drawing): measured without the
// segmenter, whose first use costs ~30 ms of the first frame.
const SIMPLE = /^[\u0020-\u007e\u00a0-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e\u2070-\u20cf\u2100-\u2bff]*$/u;
// East Asian Wide (W) and Fullwidth (F) blocks, as the Unicode data lists them.
const WIDE =
	/^[\u1100-\u115f\u231a\u231b\u2329\u232a\u23e9-\u23ec\u23f0\u23f3\u25fd\u25fe\u2614\u2615\u2630-\u2637\u2648-\u2653\u268a-\u268f\u267f\u2693\u26a1\u26aa\u26ab\u26bd\u26be\u26c4\u26c5\u26ce\u26d4\u26ea\u26f2\u26f3\u26f5\u26fa\u26fd\u2705\u270a\u270b\u2728\u274c\u274e\u2753-\u2755\u2757\u2795-\u2797\u27b0\u27bf\u2b1b\u2b1c\u2b50\u2b55\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4dc0-\u4dff\u4e00-\u9fff\ua000-\ua4cf\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\u{16fe0}-\u{16fe4}\u{17000}-\u{18cff}\u{1b000}-\u{1b2ff}\u{1f004}\u{1f0cf}\u{1f18e}\u{1f191}-\u{1f19a}\u{1f200}-\u{1f251}\u{1f260}-\u{1f265}\u{1f300}-\u{1f320}\u{1f32d}-\u{1f335}\u{1f337}-\u{1f37c}\u{1f37e}-\u{1f393}\u{1f3a0}-\u{1f3ca}\u{1f3cf}-\u{1f3d3}\u{1f3e0}-\u{1f3f0}\u{1f3f4}\u{1f3f8}-\u{1f43e}\u{1f440}\u{1f442}-\u{1f4fc}\u{1f4ff}-\u{1f53d}\u{1f54b}-\u{1f54e}\u{1f550}-\u{1f567}\u{1f57a}\u{1f595}\u{1f596}\u{1f5a4}\u{1f5fb}-\u{1f64f}\u{1f680}-\u{1f6c5}\u{1f6cc}\u{1f6d0}-\u{1f6d2}\u{1f6d5}-\u{1f6d7}\u{1f6dc}-\u{1f6df}\u{1f6eb}\u{1f6ec}\u{1f6f4}-\u{1f6fc}\u{1f7e0}-\u{1f7eb}\u{1f7f0}\u{1f90c}-\u{1f93a}\u{1f93c}-\u{1f945}\u{1f947}-\u{1f9ff}\u{1fa70}-\u{1faff}\u{20000}-\u{2fffd}\u{30000}-\u{3fffd}]/u;
let segmenter: Intl.Segmenter | null = null;

function isEmoji(g: string): boolean {
	const single = g.length === 1 || (g.length === 2 && (g.codePointAt(0) ?? 0) > 0xffff);
	if (single) return EMOJI_CHAR.test(g) && !REGIONAL.test(g);
	emoji ??= new RegExp('^\\p{RGI_Emoji}$', 'v');
	return emoji.test(g);
}

function graphemeWidth(g: string): number {
	if (ZERO.test(g)) return 0;
	if (isEmoji(g)) return 2;
	return WIDE.test(g) ? 2 : 1;
}

/** The graphemes of `text` (user-perceived characters: what a terminal cell holds). */
export function graphemes(text: string): Iterable<string> {
	if (SIMPLE.test(text)) return text;
	segmenter ??= new Intl.Segmenter();
	return Array.from(segmenter.segment(text), (s) => s.segment);
}

export function textWidth(text: string): number {
	if (PLAIN.test(text)) return text.length;
	let width = 0;
	for (const g of graphemes(text)) width += graphemeWidth(g);
	return width;
}

/** The longest start of `text` at most `width` columns wide (never half a character). */
export function cutToWidth(text: string, width: number): string {
	if (PLAIN.test(text)) return text.slice(0, Math.max(0, width));
	let out = '';
	let used = 0;
	for (const g of graphemes(text)) {
		const w = graphemeWidth(g);
		if (used + w > width) break;
		out += g;
		used += w;
	}
	return out;
}

/** `text` padded with spaces to `width` columns (never cut). */
export function padToWidth(text: string, width: number): string {
	return text + ' '.repeat(Math.max(0, width - textWidth(text)));
}
