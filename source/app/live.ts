/**
 * Keeps the state in step with the engine, driven by its event stream (never by polling): connect,
 * subscribe, list once (ARCHITECTURE.md, "The live list"). On a container or network event, the
 * container it names is fetched alone (the list filtered to its id) and its row patched at once;
 * events that arrive meanwhile are folded into one more fetch, and the containers of the burst are
 * fetched once more shortly after it: the engine may announce a change a moment before its list
 * shows it. The whole list is read again only when a patch cannot be exact (a link's source renamed
 * or removed: links are read from the sources' rows), when the events waiting name many containers,
 * and when the stream broke. Each event is also dispatched, so that the details view can re-inspect
 * its container. When the stream breaks, say so, back off, resubscribe and resync. Between bursts
 * nothing runs: no timers.
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
import type {ContainerSummary, Link} from '../model/container.js';
import type {Dispatch} from './actions.js';

/** The settling fetch after a burst of events. */
export const SETTLE_MS = 60;
/** More containers than this named by the events waiting: one whole list instead of patches. */
export const BURST_FULL = 24;
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

/**
 * `connected`: the store already holds what a connection reads (the first frame's version and list):
 * the first connection does not say "connecting" over it; it reads them again and subscribes.
 */
export function startLive(engine: Engine, dispatch: Dispatch, timers: Timers = realTimers, options: {connected?: boolean} = {}): Live {
	let quiet = options.connected ?? false;
	let stopped = false;
	let attempt = 0;
	let subscription: EventSubscription | null = null;
	let retryTimer: unknown = null;
	let settleTimer: unknown = null;
	let refreshing = false;
	let generation = 0;
	const now = (): number => timers.now?.() ?? Date.now();
	/** The status clock (its prefix: `Up `, `Exited (0) `) each container's time is known for, or was asked. */
	const timed = new Map<string, string>();
	/** Each listed container's name and the links it holds (a whole list reads them from the sources' rows). */
	const known = new Map<string, {name: string; links: Link[]}>();
	/** Ids named by events and not fetched yet. */
	let waiting = new Set<string>();
	/** Ids named since the settle timer was armed: fetched once more when it fires. */
	let burst = new Set<string>();

	/** Asks the engine for the exact start of every status clock the list tells only coarsely. */
	const pinCoarse = async (containers: ContainerSummary[], at: number, gen: number, all: boolean): Promise<void> => {
		if (all) {
			const listed = new Set(containers.map((c) => c.id));
			for (const id of timed.keys()) if (!listed.has(id)) timed.delete(id);
		}
		const ask: ContainerSummary[] = [];
		for (const c of containers) {
			const age = readStatus(c.status, at);
			if (!age || timed.get(c.id) === age.prefix) continue;
			timed.set(c.id, age.prefix);
			if (isCoarse(age)) ask.push(c);
		}
		const times: Array<{id: string; status: string; exact: number}> = [];
		// An index, not shift(): at 10,000 containers shifting the array each time is quadratic.
		let taken = 0;
		const take = (): ContainerSummary | undefined => ask[taken++];
		const next = async (): Promise<void> => {
			for (let c = take(); c && !stopped && gen === generation; c = take()) {
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

	const listWhole = async (gen: number): Promise<void> => {
		const containers = await engine.listContainers(true);
		if (stopped || gen !== generation) return;
		known.clear();
		for (const c of containers) known.set(c.id, {name: c.name, links: c.links});
		const at = now();
		dispatch({type: 'containers/loaded', containers, at});
		void pinCoarse(containers, at, gen, true);
	};

	const isSource = (name: string | undefined): boolean => name !== undefined && [...known.values()].some((k) => k.links.some((l) => l.source === name));

	/** Fetches these containers alone and patches their rows; false when only the whole list would be exact. */
	const patch = async (ids: string[], gen: number): Promise<boolean> => {
		const listed = (await engine.listContainers(true, ids)).filter((c) => ids.includes(c.id));
		if (stopped || gen !== generation) return true;
		// A new container's links: its own configuration says them (its sources' rows are not fetched).
		const fresh = listed.filter((c) => !known.has(c.id));
		const asked = await Promise.all(fresh.map((c) => engine.inspectContainer(c.id).then((d) => d.links, () => [])));
		if (stopped || gen !== generation) return true;
		const newLinks = new Map(fresh.map((c, i) => [c.id, asked[i] ?? []]));
		const containers = listed.map((c) => ({...c, links: newLinks.get(c.id) ?? known.get(c.id)?.links ?? []}));
		const removed = ids.filter((id) => !listed.some((c) => c.id === id));
		// Links are read from their source's names: a source renamed or removed changes other rows.
		if (removed.some((id) => isSource(known.get(id)?.name))) return false;
		if (containers.some((c) => known.has(c.id) && known.get(c.id)?.name !== c.name && isSource(known.get(c.id)?.name))) return false;
		for (const id of removed) known.delete(id);
		for (const c of containers) known.set(c.id, {name: c.name, links: c.links});
		const at = now();
		dispatch({type: 'containers/patched', containers, removed, at});
		void pinCoarse(containers, at, gen, false);
		return true;
	};

	/** One fetch at a time: whatever the events asked for meanwhile is fetched right after. */
	const refresh = async (gen: number): Promise<void> => {
		if (refreshing) return;
		refreshing = true;
		try {
			while (waiting.size > 0 && !stopped && gen === generation) {
				const ids = [...waiting];
				waiting = new Set();
				if (ids.length > BURST_FULL || !(await patch(ids, gen))) await listWhole(gen);
			}
		} catch (error) {
			fail(error, gen);
		} finally {
			refreshing = false;
		}
	};

	const onEvent = (event: EngineEvent, gen: number): void => {
		const concerns = event.type === 'container' ? event.id : event.attributes['container'];
		// A network event without a container (a network created or removed) changes no row.
		if ((event.type === 'container' || event.type === 'network') && concerns) {
			waiting.add(concerns);
			burst.add(concerns);
			void refresh(gen);
			if (settleTimer === null) {
				settleTimer = timers.setTimeout(() => {
					settleTimer = null;
					for (const id of burst) waiting.add(id);
					burst = new Set();
					void refresh(gen);
				}, SETTLE_MS);
			}
		}
		if (concerns) dispatch({type: 'engine/event', containerId: concerns, action: event.action});
		// Swarm objects: the services view loads them again (ARCHITECTURE.md, "Swarm services").
		if (event.type === 'service' || event.type === 'node') dispatch({type: 'swarm/event'});
	};

	const connect = async (): Promise<void> => {
		if (stopped) return;
		const gen = generation;
		timed.clear();
		waiting = new Set();
		burst = new Set();
		if (!quiet) dispatch({type: 'engine/connecting', attempt});
		quiet = false;
		try {
			const info = await engine.info();
			if (stopped || gen !== generation) return;
			subscription = engine.subscribe({
				onEvent: (event) => onEvent(event, gen),
				onEnd: (error) => fail(error ?? new EngineError('unreachable', 'the event stream ended'), gen),
			});
			// Events that arrive while the whole list is read are fetched right after it.
			refreshing = true;
			try {
				const containers = await engine.listContainers(true);
				if (stopped || gen !== generation) return;
				attempt = 0;
				known.clear();
				for (const c of containers) known.set(c.id, {name: c.name, links: c.links});
				const at = now();
				dispatch({type: 'engine/connected', info});
				dispatch({type: 'containers/loaded', containers, at});
				void pinCoarse(containers, at, gen, true);
			} finally {
				refreshing = false;
			}
			void refresh(gen);
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
