/**
 * The store outside React: `getState`, `dispatch`, `subscribe`. After each dispatch it drains the
 * effect requests the reducer queued and hands them to the runner (ARCHITECTURE.md, "Effects as data").
 */
import type {Action, Dispatch} from './actions.js';
import type {EffectRequest} from './effects.js';
import {reducer} from './reducer.js';
import type {State} from './state.js';

export type {Dispatch} from './actions.js';
export type Listener = () => void;
/** Runs one effect request; results come back as dispatched actions. */
export type EffectRunner = (effect: EffectRequest) => void;

/** The store's functions are closures: they may be passed around on their own. */
export interface Store {
	getState: () => State;
	dispatch: Dispatch;
	subscribe: (listener: Listener) => () => void;
}

export function createStore(initial: State, runEffect?: EffectRunner): Store {
	let state = initial;
	const listeners = new Set<Listener>();
	const dispatch: Dispatch = (action: Action) => {
		const previous = state;
		let next = reducer(state, action);
		if (next === previous) return;
		const effects = next.effects;
		if (effects.length > 0) next = {...next, effects: []};
		state = next;
		for (const listener of [...listeners]) listener();
		if (runEffect) for (const effect of effects) runEffect(effect);
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
