/**
 * Keeps the state in step with the engine, driven by its event stream (never by polling):
 * connect, subscribe, list once; on a container or network event, fetch the list at once (the
 * change shows without waiting), fold every event that arrives meanwhile into one more fetch, and
 * fetch once more shortly after the burst: the engine may announce a change (a rename, a stop)
 * a moment before its list shows it. Each event is also dispatched, so that the details view can
 * re-inspect its container. When the stream breaks, say so, back off, resubscribe and resync.
 * Between bursts nothing runs: no timers.
 *
 * Statuses carry relative times (`Up 5 seconds`) that the view keeps true as time passes
 * (`model/status-age.ts`); for that it needs when each status clock started. The list gives only
 * the status text, so each list is dispatched with the time it was read: a status in seconds
 * (every container that starts or stops while dnet watches is listed at once, by its event) tells
 * the start to the second, with no extra call and whatever the engine's clock says. A coarser one
 * (`Up 3 minutes`, `Exited (0) 2 hours ago`: a clock that started before dnet connected) is
 * inspected once for its `StartedAt`/`FinishedAt`, which is kept inside the window the status allows
 * (so an engine whose clock is off cannot make it worse). Once per container and clock, not per
 * visible row: the live link does not know the rows on screen, and one inspect per old container per
 * connection is cheap next to a list. Reconnecting asks again: a clock may have restarted meanwhile.
 */
import {EngineError, type Engine, type EngineEvent, type EventSubscription} from '../engine/engine.js';
import {errorText} from '../model/error-text.js';
import {isCoarse, readStatus} from '../model/status-age.js';
import type {ContainerSummary} from '../model/container.js';
import type {Dispatch} from './actions.js';

/** The settling fetch after a burst of events. */
export const SETTLE_MS = 60;
const BACKOFF_START_MS = 500;
const BACKOFF_MAX_MS = 10_000;

/** The clock, injectable for tests. */
export interface Timers {
	setTimeout(fn: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
	/** Milliseconds since the epoch (`Date.now` when absent). */
	now?(): number;
}

const realTimers: Timers = {
	setTimeout: (fn, ms) => setTimeout(fn, ms),
	clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
	now: () => Date.now(),
};

/** How many containers are inspected at a time for their exact times. */
const INSPECT_AT_ONCE = 4;

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
	const now = (): number => timers.now?.() ?? Date.now();
	/** The status clock (its prefix: `Up `, `Exited (0) `) each container's time is known for, or was asked. */
	const timed = new Map<string, string>();

	/** Asks the engine for the exact start of every status clock the list tells only coarsely. */
	const pinCoarse = async (containers: ContainerSummary[], at: number, gen: number): Promise<void> => {
		const listed = new Set(containers.map((c) => c.id));
		for (const id of timed.keys()) if (!listed.has(id)) timed.delete(id);
		const ask: ContainerSummary[] = [];
		for (const c of containers) {
			const age = readStatus(c.status, at);
			if (!age || timed.get(c.id) === age.prefix) continue;
			timed.set(c.id, age.prefix);
			if (isCoarse(age)) ask.push(c);
		}
		const times: Array<{id: string; status: string; exact: number}> = [];
		const next = async (): Promise<void> => {
			for (let c = ask.shift(); c && !stopped && gen === generation; c = ask.shift()) {
				try {
					const {state} = await engine.inspectContainer(c.id);
					const exact = Date.parse(c.status.startsWith('Up ') ? state.startedAt : state.finishedAt);
					if (Number.isFinite(exact) && exact > 0) times.push({id: c.id, status: c.status, exact});
				} catch {
					// Removed meanwhile, or the engine went away: the status as read stays.
				}
			}
		};
		if (ask.length === 0) return;
		await Promise.all(Array.from({length: INSPECT_AT_ONCE}, next));
		if (!stopped && gen === generation && times.length > 0) dispatch({type: 'containers/times', times});
	};

	const fail = (error: unknown, gen: number): void => {
		if (stopped || gen !== generation) return;
		generation += 1;
		subscription?.close();
		subscription = null;
		if (settleTimer !== null) timers.clearTimeout(settleTimer);
		settleTimer = null;
		attempt += 1;
		const wait = backoffMs(attempt);
		dispatch({type: 'engine/disconnected', ...describe(error), retryInMs: wait, attempt, at: now()});
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
				const at = now();
				dispatch({type: 'containers/loaded', containers, at});
				void pinCoarse(containers, at, gen);
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
		timed.clear();
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
			const at = now();
			dispatch({type: 'engine/connected', info});
			dispatch({type: 'containers/loaded', containers, at});
			void pinCoarse(containers, at, gen);
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
