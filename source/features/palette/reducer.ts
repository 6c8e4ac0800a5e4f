/** The `:` command line: type a view's name (`:ports`), Enter runs it. */
import type {HandlerTable} from '../../app/handlers.js';
import {openField} from '../../app/input/text-field.js';
import type {State} from '../../app/state.js';
import {openAllPorts, paletteContexts} from '../contexts/reducer.js';
import {toggleHelp} from '../help/reducer.js';
import {openLinkGraph} from '../link-graph/reducer.js';
import {jumpToLatest, toggleAll} from '../list/reducer.js';
import {openNetworksView} from '../networks/reducer.js';
import {openPortsView} from '../ports/reducer.js';
import {openServicesView} from '../services/reducer.js';

const quit = (state: State): State => ({...state, quitting: true});
const toList = (state: State): State => ({...state, screen: 'list', details: null});

/** Palette words and what each runs. */
export const PALETTE: ReadonlyArray<{words: string[]; run: (state: State) => State}> = [
	{words: ['ports', 'p'], run: openPortsView},
	{words: ['containers', 'list', 'ps', 'c'], run: toList},
	{words: ['links', 'graph'], run: openLinkGraph},
	{words: ['networks', 'network', 'net', 'n'], run: openNetworksView},
	{words: ['services', 'service', 'swarm', 'w'], run: openServicesView},
	{words: ['all', 'a'], run: toggleAll},
	{words: ['latest', 'l'], run: jumpToLatest},
	{words: ['help', 'h', '?'], run: toggleHelp},
	{words: ['quit', 'q', 'exit'], run: quit},
];

/**
 * Resolves what was typed: a word or a unique prefix of one. Returns what it runs, or an error
 * message listing what exists.
 */
export function resolvePalette(text: string): {run: (state: State) => State} | {error: string} {
	const word = text.trim().replace(/^:/, '').toLowerCase();
	if (word === '') return {error: 'type a view, e.g. :ports'};
	const exact = PALETTE.find((p) => p.words.includes(word));
	if (exact) return exact;
	const prefixed = PALETTE.filter((p) => p.words.some((w) => w.startsWith(word)));
	if (prefixed.length === 1 && prefixed[0]) return prefixed[0];
	return {error: `unknown command :${word} (try ${PALETTE.map((p) => p.words[0]).join(', ')})`};
}

function runPalette(state: State): State {
	const text = state.field?.text ?? '';
	const closed = {...state, field: null};
	// `:ctx [use] [NAME]` takes arguments (the context switcher, issue 12).
	const [first, ...args] = text.trim().replace(/^:/, '').split(/\s+/);
	if (first === 'ctx' || first === 'context' || first === 'contexts') return paletteContexts(closed, args);
	// `:ports all`: every context's published ports in one table.
	if ((first === 'ports' || first === 'p') && args.length === 1 && args[0] === 'all') return openAllPorts(closed);
	const resolved = resolvePalette(text);
	if ('error' in resolved) return {...closed, notice: {tone: 'error', text: resolved.error}};
	return resolved.run(closed);
}

export const handlers: HandlerTable = {
	global: {
		palette: (s) => ({...s, field: openField({kind: 'palette'}, '')}),
	},
	palette: {
		paletteRun: runPalette,
		paletteCancel: (s) => ({...s, field: null}),
	},
};
