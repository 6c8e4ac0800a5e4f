/** State, actions and effects of the context switcher (`c`, `:ctx`; issue 12, ARCHITECTURE.md "Remote engines"). */

export interface ContextRowView {
	name: string;
	description: string;
	/** The docker endpoint as `docker context ls` prints it. */
	endpoint: string;
	current: boolean;
	error: string;
}

export interface ContextsState {
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
	| {type: 'contexts/used'; name: string};

export type ContextsEffect = {kind: 'loadContexts'} | {kind: 'switchContext'; name: string} | {kind: 'useContext'; name: string};
