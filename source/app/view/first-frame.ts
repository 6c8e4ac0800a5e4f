/**
 * The first frame as text, drawn before Ink is loaded (ARCHITECTURE.md, "The first
 * frame"): the state the store starts from (the same actions through the same reducer), drawn as
 * the list screen draws it: status bar, table, footer, from the same formatting code (column
 * widths, cells, hints). Pure: no Ink and no terminal (React's package comes with the theme's
 * context, and none of it runs). The Ink frame that follows is diffed
 * against this text by the output layer, so a cell drawn differently here is corrected then.
 */
import {statusNow} from '../../features/list/ages.js';
import {columnWidths, HEADER_TEXTS, rowCells, toRow} from '../../features/list/columns.js';
import {counts, emptyListText, isUp, visibleContainers} from '../../features/list/selectors.js';
import {sanitize} from '../../model/sanitize.js';
import {fit} from '../../model/wrap.js';
import type {Action} from '../actions.js';
import {fittedHints} from '../input/keymap.js';
import {mode, scopesOf} from '../input/mode.js';
import {listHeight, listPosition, tooSmall} from '../layout.js';
import {reducer} from '../reducer.js';
import {initialState, type State} from '../state.js';
import {foldAscii} from './ascii.js';
import {statusWhat} from './status-text.js';
import {makeTheme} from './theme.js';

const SGR: Record<string, [number, number]> = {
	bold: [1, 22],
	dim: [2, 22],
	inverse: [7, 27],
	red: [31, 39],
	green: [32, 39],
	yellow: [33, 39],
	magenta: [35, 39],
	cyan: [36, 39],
};

/** `text` in the given styles (colour names as the theme's tones), as chalk writes them. */
function styled(text: string, ...styles: Array<string | false | undefined>): string {
	let out = text;
	for (const s of styles) {
		const codes = s ? SGR[s] : undefined;
		if (codes && out !== '') out = `\u001b[${codes[0]}m${out}\u001b[${codes[1]}m`;
	}
	return out;
}

export interface FirstFrameInput {
	endpoint: string;
	size: State['size'];
	readOnly: boolean;
	color: boolean;
	ascii: boolean;
	/** What the store starts from: the engine's version, then the list, as read. */
	seed: Action[];
	/** Now, for the statuses' ages. */
	now: number;
}

/** The state the seed leads to. */
export function seededState(input: Pick<FirstFrameInput, 'endpoint' | 'size' | 'readOnly' | 'seed'>): State {
	return input.seed.reduce(reducer, initialState(input.endpoint, input.size, input.readOnly));
}

/** The list screen's lines for `state` (null when the first frame is not the list: too small a terminal). */
export function firstFrame(state: State, input: Pick<FirstFrameInput, 'color' | 'ascii' | 'now'>): string | null {
	if (tooSmall(state) || state.screen !== 'list' || mode(state) !== 'list' || state.connection.status !== 'connected') return null;
	const theme = makeTheme({color: input.color, ascii: input.ascii});
	const {tone, glyphs} = theme;
	const width = state.size.columns;
	const arrow = theme.ascii ? '->' : '→';

	// The status bar (app/view/status-bar.tsx), connected.
	const c = counts(state);
	const position = listPosition(state, c.shown);
	const stateText = `${glyphs.dot} connected`;
	const what = statusWhat({counts: c, showAll: state.showAll, position, filter: state.filter, sort: state.sort, marked: state.marked.length, readOnly: state.readOnly, sep: glyphs.sep});
	const head = `dnet ${glyphs.sep} `;
	const version = state.info?.version;
	const tail = fit(` ${glyphs.sep} ${what} ${glyphs.sep} ${sanitize(state.endpoint)}${version ? ` (Docker ${sanitize(version)})` : ''}`, Math.max(0, width - head.length - stateText.length), glyphs.ellipsis).trimEnd();
	const status = `${styled('dnet', 'bold', tone.accent)} ${glyphs.sep} ${styled(fit(stateText, Math.max(0, width - head.length), glyphs.ellipsis).trimEnd(), tone.ok)}${tail}`;

	// The table (features/list/view.tsx, table.tsx): only the rows on screen are drawn; the widths are the whole list's.
	const visible = visibleContainers(state);
	const byName = new Map(state.containers.map((x) => [x.name, x]));
	const rows = visible.map((x) => toRow(x, arrow, isUp(x), {status: statusNow(x, state.ages[x.id], input.now), ellipsis: theme.ascii ? '...' : '…', byName}));
	const widths = columnWidths(rows, width);
	const height = listHeight(state);
	const header = rowCells(HEADER_TEXTS, widths, '');
	const lines = [status, styled(`  ${header.head}${header.status}${header.tail}`, 'bold', tone.heading)];
	const window = rows.slice(state.scrollTop, state.scrollTop + height);
	if (window.length === 0) {
		lines.push(styled(`  ${emptyListText(state)}`, tone.dim && 'dim'));
	}
	for (const row of window) {
		const selected = row.id === state.selectedId;
		const cells = rowCells(row, widths, glyphs.ellipsis);
		const gutter = `${selected ? glyphs.cursor : ' '} `;
		const text = `${gutter}${cells.head}${cells.status}${cells.tail}`;
		const line = styled(text, selected && 'inverse', selected && !theme.color && 'bold', tone.dim && !selected && !row.up && 'dim');
		// Ink trims a line's trailing spaces unless a style ends after them.
		lines.push(line === text ? text.trimEnd() : line);
	}
	while (lines.length < height + 2) lines.push('');

	// The footer (app/view/footer.tsx): the mode's keys that fit.
	const parts = fittedHints(scopesOf(mode(state)), width - 1, state.readOnly, state).map(
		(h, i) => `${i > 0 ? '  ' : ''}${styled(h.keys, 'bold', tone.key)} ${h.hint}`,
	);
	lines.push(parts.join(''));
	// Under the ASCII theme no byte of another encoding reaches the terminal (app/view/ascii.ts).
	return input.ascii ? foldAscii(lines.join('\n')) : lines.join('\n');
}
