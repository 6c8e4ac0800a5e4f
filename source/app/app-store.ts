/** The app's store: the reducer plus its effects (live engine data, details loading). */
import type {Engine} from '../engine/engine.js';
import {probeTcp, type Prober} from '../engine/probe.js';
import {createEditorEffects} from './editor-effects.js';
import {findAutoRemove, runJob} from './jobs.js';
import {createNetEffects} from './net-effects.js';
import {createBindingsLoader, startProbes} from './ports-effects.js';
import {startLive, type Timers} from './live.js';
import {initialState, type State} from './state.js';
import {createStore, type Store} from './store.js';

export interface AppStore extends Store {
	/** Stops the event subscription and every timer. */
	stop(): void;
}

export interface AppStoreOptions {
	readOnly?: boolean;
	timers?: Timers;
	/** Probes published ports (the ports view); the real TCP probe by default. */
	prober?: Prober;
}

export function createAppStore(engine: Engine, size: State['size'], options: AppStoreOptions = {}): AppStore {
	let openDetails: (() => void) | null = null;
	const loadBindings = createBindingsLoader(engine);
	const prober = options.prober ?? probeTcp;
	let editorEffects: ReturnType<typeof createEditorEffects> | null = null;
	let netEffects: ReturnType<typeof createNetEffects> | null = null;
	const store = createStore(initialState(engine.endpoint, size, options.readOnly ?? false), (previous, next) => {
		if (next.details && next.details.id !== previous.details?.id) openDetails?.();
		if (next.confirm?.kind === 'stop' && next.confirm !== previous.confirm && next.confirm.autoRemove === null) {
			void findAutoRemove(engine, next.confirm, store.dispatch);
		}
		if (next.screen === 'ports' && (previous.screen !== 'ports' || next.containers !== previous.containers)) {
			void loadBindings(next.containers, store.dispatch);
		}
		if (next.ports.probes !== previous.ports.probes) startProbes(previous, next, prober, store.dispatch);
		if (next.jobSeq !== previous.jobSeq) {
			for (const job of next.jobs) if (job.seq > previous.jobSeq) void runJob(engine, job, store.dispatch);
		}
		editorEffects?.(previous, next);
		netEffects?.(previous, next);
	});
	editorEffects = createEditorEffects(engine, store.dispatch);
	netEffects = createNetEffects(engine, store.dispatch);
	const live = startLive(engine, store.dispatch, store.getState, options.timers);
	openDetails = live.refreshDetails;
	return {...store, stop: live.stop};
}
