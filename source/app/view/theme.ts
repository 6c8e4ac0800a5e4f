/**
 * Colours and glyphs, chosen once at start: no colour under NO_COLOR, ASCII glyphs when the locale
 * is not UTF-8 (LANG=C). Components read it from context and never look at the environment.
 */
import {createContext, useContext} from 'react';

export interface Theme {
	color: boolean;
	ascii: boolean;
	/** The terminal opens OSC 8 links (supports-hyperlinks). */
	hyperlinks: boolean;
	glyphs: {sep: string; dot: string; ellipsis: string; arrow: string; cursor: string; mark: string};
	/** Ink colour names (or undefined for "no colour"). */
	tone: {
		accent?: string;
		ok?: string;
		warn?: string;
		error?: string;
		dim: boolean;
		heading?: string;
		key?: string;
	};
}

export function makeTheme(options: {color: boolean; ascii: boolean; hyperlinks?: boolean}): Theme {
	const {color, ascii} = options;
	return {
		color,
		ascii,
		hyperlinks: options.hyperlinks ?? false,
		glyphs: ascii
			? {sep: '|', dot: '*', ellipsis: '~', arrow: '->', cursor: '>', mark: '+'}
			: {sep: '│', dot: '●', ellipsis: '…', arrow: '→', cursor: '›', mark: '✓'},
		tone: color
			? {accent: 'cyan', ok: 'green', warn: 'yellow', error: 'red', dim: true, heading: 'magenta', key: 'cyan'}
			: {dim: false},
	};
}

export const ThemeContext = createContext<Theme>(makeTheme({color: true, ascii: false}));

export function useTheme(): Theme {
	return useContext(ThemeContext);
}

/** Cuts `text` to `width` columns, marking the cut (pure, in model/: the first frame uses it before React loads). */
export {fit} from '../../model/wrap.js';
