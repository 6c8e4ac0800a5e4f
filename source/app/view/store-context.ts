/** The store reaches components through context; they read it with narrow selectors. */
import {createContext, useContext, useSyncExternalStore} from 'react';
import type {Store} from '../store.js';
import type {State} from '../state.js';

export const StoreContext = createContext<Store | null>(null);

export function useStore(): Store {
	const store = useContext(StoreContext);
	if (!store) throw new Error('StoreContext is missing');
	return store;
}

/** Subscribes to one slice of the state; re-renders only when that slice changes (by identity). */
export function useSelector<T>(select: (state: State) => T): T {
	const store = useStore();
	return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
