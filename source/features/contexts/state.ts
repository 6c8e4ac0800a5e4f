/** State, actions and effects of the context switcher (`c`, `:ctx`; issue 12, ARCHITECTURE.md "Remote engines"). */

export interface ContextRowView {
	name: string;
	description: string;
	/** The docker endpoint as `docker context ls` prints it. */
	endpoint: string;
	current: boolean;
	error: string;
}

/** One published port of one context's engine (`:ports all`). */
export interface HostPortRow {
	hostIp: string;
	hostPort: number;
	containerPort: number;
	protocol: string;
	container: string;
	state: string;
}

/** What `:ports all` read from one context: still reading, its bindings, or why not. */
export interface HostPorts {
	context: string;
	endpoint: string;
	status: 'reading' | 'ok' | 'error';
	error: string;
	rows: HostPortRow[];
}

export interface ContextsState {
	/** The list of contexts, or every context's published ports (`:ports all`). */
	view: 'contexts' | 'ports';
	/** `:ports all`: one entry per context, in `docker context ls` order. */
	hosts: HostPorts[];
	/** `:ports all`: the first line shown. */
	scroll: number;
	rows: ContextRowView[];
	cursor: number;
	loading: boolean;
	/** The context being connected to (Enter), or null. */
	switching: string | null;
	error: string | null;
}

export type ContextsAction =
	| {type: 'contexts/loaded'; rows: ContextRowView[]}
	| {type: 'contexts/failed'; message: string}
	/** The session now uses this context; `label` is `NAME (endpoint)`. */
	| {type: 'contexts/switched'; context: string; label: string}
	| {type: 'contexts/used'; name: string}
	/** `:ports all`: the contexts about to be read, then each one's answer as it comes. */
	| {type: 'contexts/hosts'; hosts: HostPorts[]}
	| {type: 'contexts/hostPorts'; host: HostPorts};

export type ContextsEffect = {kind: 'loadContexts'} | {kind: 'loadAllPorts'} | {kind: 'switchContext'; name: string} | {kind: 'useContext'; name: string};
