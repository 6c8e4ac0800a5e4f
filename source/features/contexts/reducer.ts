/**
 * The context switcher: lists the docker contexts, Enter switches the session's engine (the list,
 * ports, networks and editors then read the new one); `:ctx use NAME` writes currentContext.
 */
import type {HandlerTable} from '../../app/handlers.js';
import {request} from '../../app/request.js';
import type {State} from '../../app/state.js';
import type {ContextRowView, ContextsState, HostPorts} from './state.js';

const EMPTY: ContextsState = {view: 'contexts', hosts: [], scroll: 0, rows: [], cursor: 0, loading: true, switching: null, error: null};

export function openContexts(state: State): State {
	return request({...state, screen: 'contexts', contexts: {...(state.contexts ?? EMPTY), view: 'contexts', loading: true, switching: null, error: null}}, {kind: 'loadContexts'});
}

/** `:ports all`: every context's published ports in one table, each context read on its own. */
export function openAllPorts(state: State): State {
	return request({...state, screen: 'contexts', contexts: {...(state.contexts ?? EMPTY), view: 'ports', hosts: [], scroll: 0, loading: true, error: null}}, {kind: 'loadAllPorts'});
}

export function hostsListed(state: State, hosts: HostPorts[]): State {
	const c = state.contexts;
	return c ? {...state, contexts: {...c, hosts, loading: false}} : state;
}

export function hostPortsRead(state: State, host: HostPorts): State {
	const c = state.contexts;
	if (!c) return state;
	return {...state, contexts: {...c, hosts: c.hosts.map((h) => (h.context === host.context ? host : h))}};
}

const move = (delta: number) => (state: State): State => {
	const c = state.contexts;
	if (c?.view === 'ports') return {...state, contexts: {...c, scroll: Math.max(0, c.scroll + delta)}};
	if (!c || c.rows.length === 0) return state;
	const cursor = Math.min(c.rows.length - 1, Math.max(0, c.cursor + delta));
	return cursor === c.cursor ? state : {...state, contexts: {...c, cursor}};
};

/** Switches to a context by name (Enter, or `:ctx NAME`). */
export function switchContext(state: State, name: string): State {
	const c = state.contexts ?? {...EMPTY, loading: false};
	return request({...state, screen: 'contexts', contexts: {...c, switching: name, error: null}}, {kind: 'switchContext', name});
}

const pick = (state: State): State => {
	if (state.contexts?.view === 'ports') return state;
	const row = state.contexts?.rows[state.contexts.cursor];
	if (!row || state.contexts?.switching) return state;
	if (row.current) return {...state, screen: 'list'};
	return switchContext(state, row.name);
};

/** `:ctx`, `:ctx NAME`, `:ctx use NAME`. */
export function paletteContexts(state: State, args: string[]): State {
	if (args.length === 0) return openContexts(state);
	if (args[0] === 'use') {
		if (args.length !== 2 || !args[1]) return {...state, notice: {tone: 'error', text: ':ctx use needs a context name, e.g. :ctx use remote'}};
		return request(state, {kind: 'useContext', name: args[1]});
	}
	if (args.length !== 1) return {...state, notice: {tone: 'error', text: 'type :ctx, :ctx NAME or :ctx use NAME'}};
	return switchContext(state, args[0]!);
}

export function contextsLoaded(state: State, rows: ContextRowView[]): State {
	const c = state.contexts ?? EMPTY;
	const current = rows.findIndex((r) => r.current);
	const cursor = c.loading ? Math.max(0, current) : Math.min(c.cursor, Math.max(0, rows.length - 1));
	return {...state, contexts: {...c, rows, cursor, loading: false}};
}

export function contextsFailed(state: State, message: string): State {
	const c = state.contexts ?? EMPTY;
	return {...state, contexts: {...c, loading: false, switching: null, error: message}, notice: {tone: 'error', text: message}};
}

/** The session moved to another engine: everything read from the old one goes; the live link reads the new. */
export function contextSwitched(state: State, context: string, label: string): State {
	return {
		...state,
		endpoint: label,
		info: null,
		containers: [],
		loaded: false,
		lastSync: null,
		ages: {},
		details: null,
		screen: 'list',
		contexts: null,
		connection: {status: 'connecting', attempt: 0},
		notice: {tone: 'info', text: `switched to context ${context}`},
	};
}

export function contextUsed(state: State, name: string): State {
	const next: State = {...state, notice: {tone: 'info', text: `Current context is now "${name}" (written to the docker config)`}};
	return state.screen === 'contexts' ? request(next, {kind: 'loadContexts'}) : next;
}

export const handlers: HandlerTable = {
	list: {openContexts},
	contexts: {
		back: (s) => ({...s, screen: 'list'}),
		up: move(-1),
		down: move(1),
		open: pick,
	},
};
