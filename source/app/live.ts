/**
 * Keeps the state in step with the engine, driven by its event stream (never by polling):
 * connect, subscribe, list once; on a container or network event, fetch the list at once (the
 * change shows without waiting), fold every event that arrives meanwhile into one more fetch, and
 * fetch once more shortly after the burst: the engine may announce a change (a rename, a stop)
 * a moment before its list shows it. Each event is also dispatched, so that the details view can
 * re-inspect its container. When the stream breaks, say so, back off, resubscribe and resync.
 * Between bursts nothing runs: no timers.
 */
import {EngineError, type Engine, type EngineEvent, type EventSubscription} from '../engine/engine.js';
import {errorText} from '../model/error-text.js';
import type {Dispatch} from './actions.js';

/** The settling fetch after a burst of events. */
export const SETTLE_MS = 60;
const BACKOFF_START_MS = 500;
const BACKOFF_MAX_MS = 10_000;

/** The clock, injectable for tests. */
export interface Timers {
	setTimeout(fn: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
	setTimeout: (fn, ms) => setTimeout(fn, ms),
	clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export function backoffMs(attempt: number): number {
	return Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** Math.max(0, attempt - 1));
}

function describe(error: unknown): {message: string; hint?: string} {
	if (error instanceof EngineError) return {message: error.message, ...(error.hint ? {hint: error.hint} : {})};
	return {message: errorText(error)};
}

export interface Live {
	stop: () => void;
}

export function startLive(engine: Engine, dispatch: Dispatch, timers: Timers = realTimers): Live {
	let stopped = false;
	let attempt = 0;
	let subscription: EventSubscription | null = null;
	let retryTimer: unknown = null;
	let settleTimer: unknown = null;
	let refreshing = false;
	let refreshAgain = false;
	let generation = 0;

	const fail = (error: unknown, gen: number): void => {
		if (stopped || gen !== generation) return;
		generation += 1;
		subscription?.close();
		subscription = null;
		if (settleTimer !== null) timers.clearTimeout(settleTimer);
		settleTimer = null;
		attempt += 1;
		const wait = backoffMs(attempt);
		dispatch({type: 'engine/disconnected', ...describe(error), retryInMs: wait, attempt});
		retryTimer = timers.setTimeout(() => {
			retryTimer = null;
			void connect();
		}, wait);
	};

	const refresh = async (gen: number): Promise<void> => {
		if (refreshing) {
			refreshAgain = true;
			return;
		}
		refreshing = true;
		try {
			do {
				refreshAgain = false;
				const containers = await engine.listContainers(true);
				if (stopped || gen !== generation) return;
				dispatch({type: 'containers/loaded', containers});
			} while (refreshAgain);
		} catch (error) {
			fail(error, gen);
		} finally {
			refreshing = false;
		}
	};

	const onEvent = (event: EngineEvent, gen: number): void => {
		void refresh(gen);
		if (settleTimer === null) {
			settleTimer = timers.setTimeout(() => {
				settleTimer = null;
				void refresh(gen);
			}, SETTLE_MS);
		}
		const concerns = event.type === 'container' ? event.id : event.attributes['container'];
		if (concerns) dispatch({type: 'engine/event', containerId: concerns});
	};

	const connect = async (): Promise<void> => {
		if (stopped) return;
		const gen = generation;
		dispatch({type: 'engine/connecting', attempt});
		try {
			const info = await engine.info();
			if (stopped || gen !== generation) return;
			subscription = engine.subscribe({
				onEvent: (event) => onEvent(event, gen),
				onEnd: (error) => fail(error ?? new EngineError('unreachable', 'the event stream ended'), gen),
			});
			const containers = await engine.listContainers(true);
			if (stopped || gen !== generation) return;
			attempt = 0;
			dispatch({type: 'engine/connected', info});
			dispatch({type: 'containers/loaded', containers});
		} catch (error) {
			fail(error, gen);
		}
	};

	void connect();
	return {
		stop() {
			stopped = true;
			subscription?.close();
			if (retryTimer !== null) timers.clearTimeout(retryTimer);
			if (settleTimer !== null) timers.clearTimeout(settleTimer);
		},
	};
}
