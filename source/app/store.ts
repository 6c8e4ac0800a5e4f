/** A ~30-line store outside React: `getState`, `dispatch`, `subscribe`, with a transition hook for effects. */
import type {Action} from './actions.js';
import {reducer} from './reducer.js';
import type {State} from './state.js';

export type Dispatch = (action: Action) => void;
export type Listener = () => void;
/** Called after every state change with the states on both sides; effects hang off it. */
export type TransitionHook = (previous: State, next: State, action: Action) => void;

export interface Store {
	getState(): State;
	dispatch: Dispatch;
	subscribe(listener: Listener): () => void;
}

export function createStore(initial: State, onTransition?: TransitionHook): Store {
	let state = initial;
	const listeners = new Set<Listener>();
	const dispatch: Dispatch = (action) => {
		const previous = state;
		state = reducer(state, action);
		if (state === previous) return;
		onTransition?.(previous, state, action);
		for (const listener of [...listeners]) listener();
	};
	return {
		getState: () => state,
		dispatch,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
	};
}
