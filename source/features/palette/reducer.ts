/** The `:` command line: type a view's name (`:ports`), Enter runs it. */
import type {CommandId} from './commands.js';
import type {State} from './state.js';

/** Palette words and the command each runs. */
export const PALETTE: ReadonlyArray<{words: string[]; command: CommandId | 'list'; description: string}> = [
	{words: ['ports', 'p'], command: 'openPorts', description: 'every binding of every container'},
	{words: ['containers', 'list', 'ps', 'c'], command: 'list', description: 'the container list'},
	{words: ['links', 'graph'], command: 'openLinks', description: 'every link: recipient --alias--> source'},
	{words: ['networks', 'network', 'net', 'n'], command: 'openNetworks', description: 'networks and the containers on them'},
	{words: ['all', 'a'], command: 'toggleAll', description: 'show all containers or running only'},
	{words: ['latest', 'l'], command: 'latest', description: 'jump to the latest created container'},
	{words: ['help', 'h', '?'], command: 'help', description: 'the keys'},
	{words: ['quit', 'q', 'exit'], command: 'quit', description: 'quit dnet'},
];

/**
 * Resolves what was typed: a word or a unique prefix of one. Returns the command, or an error
 * message listing what exists.
 */
export function resolvePalette(text: string): {command: CommandId | 'list'} | {error: string} {
	const word = text.trim().replace(/^:/, '').toLowerCase();
	if (word === '') return {error: 'type a view, e.g. :ports'};
	const exact = PALETTE.find((p) => p.words.includes(word));
	if (exact) return {command: exact.command};
	const prefixed = PALETTE.filter((p) => p.words.some((w) => w.startsWith(word)));
	if (prefixed.length === 1 && prefixed[0]) return {command: prefixed[0].command};
	return {error: `unknown command :${word} (try ${PALETTE.map((p) => p.words[0]).join(', ')})`};
}

/** Palette commands; null when not one of them. `run` applies a resolved command. */
export function paletteCommand(state: State, id: CommandId, run: (state: State, id: CommandId) => State): State | null {
	switch (id) {
		case 'palette':
			return {...state, palette: '', filterEditing: false};
		case 'paletteCancel':
			return {...state, palette: null};
		case 'paletteRun': {
			if (state.palette === null) return state;
			const resolved = resolvePalette(state.palette);
			const closed = {...state, palette: null};
			if ('error' in resolved) return {...closed, notice: {tone: 'error', text: resolved.error}};
			if (resolved.command === 'list') return {...closed, screen: 'list', details: null};
			return run(closed, resolved.command);
		}
		default:
			return null;
	}
}
