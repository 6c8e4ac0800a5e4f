/** The app's store: the reducer, the effects runner on an engine, and the live link to the engine's events. */
import type {Engine} from '../engine/engine.js';
import {engineSwitch} from '../engine/endpoint/switch.js';
import {probeTcp, type Prober} from '../engine/probe.js';
import {NO_TERMINAL, type TerminalPort} from './effect-context.js';
import type {Action} from './actions.js';
import {startLive, type Timers} from './live.js';
import {createEffectRunner} from './run-effects.js';
import {initialState, type State} from './state.js';
import {createStore, type Store} from './store.js';

export interface AppStore extends Store {
	/** Stops the event subscription and every timer. */
	stop: () => void;
}

export interface AppStoreOptions {
	readOnly?: boolean;
	timers?: Timers;
	/** Probes published ports (the ports view); the real TCP probe by default. */
	prober?: Prober;
	/** The terminal's clipboard and suspend (the TUI's output layer); none by default. */
	terminal?: TerminalPort;
	/**
	 * Actions to start from: the engine's version and list read before the UI loaded, with which the
	 * first frame was drawn (ARCHITECTURE.md, "The first frame"). The live link then connects anew.
	 */
	seed?: Action[];
}

export function createAppStore(engine: Engine, size: State['size'], options: AppStoreOptions = {}): AppStore {
	let store: Store | null = null;
	const dispatch: Store['dispatch'] = (action) => store?.dispatch(action);
	const runner = createEffectRunner({engine, dispatch, prober: options.prober ?? probeTcp, terminal: options.terminal ?? NO_TERMINAL});
	// With contexts, the status bar names the context in use and its endpoint (engine/endpoint/switch.ts).
	const control = engineSwitch(engine);
	store = createStore(initialState(control?.label() ?? engine.endpoint, size, options.readOnly ?? false), runner);
	for (const action of options.seed ?? []) store.dispatch(action);
	let live = startLive(engine, store.dispatch, options.timers, {connected: store.getState().connection.status === 'connected'});
	// A switch to another context (`:ctx`): the live link reads the new engine from scratch.
	const unsubscribe = control?.onSwitch(() => {
		live.stop();
		if (store) live = startLive(engine, store.dispatch, options.timers);
	});
	return {
		...store,
		stop: () => {
			unsubscribe?.();
			live.stop();
		},
	};
}
