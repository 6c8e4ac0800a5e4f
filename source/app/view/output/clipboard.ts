/**
 * The clipboard sequence (OSC 52), as it must travel (ARCHITECTURE.md, "The terminal"): as is for a
 * terminal, and for tmux, which keeps it in its paste buffer and passes it on with `set-clipboard
 * on`; inside GNU screen, in screen's passthrough (DCS), cut in pieces screen accepts.
 */
import type {TerminalCaps} from './caps.js';

/** GNU screen drops a DCS string longer than this. */
const SCREEN_CHUNK = 76 * 9;

export function osc52(text: string, how: TerminalCaps['clipboard']): string {
	const payload = Buffer.from(text, 'utf8').toString('base64');
	const plain = `\u001b]52;c;${payload}\u0007`;
	if (how === 'plain') return plain;
	const pieces: string[] = [];
	for (let i = 0; i < plain.length; i += SCREEN_CHUNK) pieces.push(`\u001bP${plain.slice(i, i + SCREEN_CHUNK)}\u001b\\`);
	return pieces.join('');
}
