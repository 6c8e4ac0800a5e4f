/** The app's store: the reducer plus its effects (live engine data, details loading). */
import type {Engine} from '../engine/engine.js';
import {startLive, type Timers} from './live.js';
import {initialState, type State} from './state.js';
import {createStore, type Store} from './store.js';

export interface AppStore extends Store {
	/** Stops the event subscription and every timer. */
	stop(): void;
}

export function createAppStore(engine: Engine, size: State['size'], timers?: Timers): AppStore {
	let openDetails: (() => void) | null = null;
	const store = createStore(initialState(engine.endpoint, size), (previous, next) => {
		if (next.details && next.details.id !== previous.details?.id) openDetails?.();
	});
	const live = startLive(engine, store.dispatch, store.getState, timers);
	openDetails = live.refreshDetails;
	return {...store, stop: live.stop};
}
