/**
 * What the terminal can do, decided once at start from the environment (ARCHITECTURE.md, "The
 * terminal"): colours through supports-color (`TERM`, `COLORTERM`, `FORCE_COLOR`; `NO_COLOR`
 * wins), hyperlinks through supports-hyperlinks, UTF-8 from the locale, synchronized updates
 * everywhere but the consoles that predate them, and how a clipboard sequence must be wrapped.
 */
import {createSupportsColor} from 'supports-color';
import {createSupportsHyperlinks} from 'supports-hyperlinks';
import type {ColorLevel} from './cells.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface TerminalCaps {
	level: ColorLevel;
	utf8: boolean;
	/** DEC mode 2026 markers around each frame. */
	sync: boolean;
	/** OSC 8 links. */
	hyperlinks: boolean;
	/** How OSC 52 must travel: as is (a terminal, tmux with `set-clipboard on`), or wrapped for GNU screen. */
	clipboard: 'plain' | 'screen';
}

/** The locale's character set is UTF-8 (LC_ALL, else LC_CTYPE, else LANG: the first one set decides). */
export function isUtf8Locale(env: Env): boolean {
	return /utf-?8/i.test(env['LC_ALL'] || env['LC_CTYPE'] || env['LANG'] || '');
}

/** The terminal's capabilities; `env` is the process's environment (the detection packages read it there). */
export function terminalCaps(stream: NodeJS.WriteStream, env: Env = process.env): TerminalCaps {
	const noColor = env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '';
	const detected = createSupportsColor(stream, {sniffFlags: false});
	const level = noColor || !detected ? 0 : (detected.level);
	const term = env['TERM'] ?? '';
	return {
		level,
		utf8: isUtf8Locale(env),
		sync: !/^(linux|vt\d|cons|dumb|ansi$)/u.test(term),
		hyperlinks: level > 0 && createSupportsHyperlinks(stream),
		clipboard: env['STY'] !== undefined && /^screen/u.test(term) && env['TMUX'] === undefined ? 'screen' : 'plain',
	};
}
