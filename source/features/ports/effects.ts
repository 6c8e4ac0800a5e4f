/**
 * Effects of the ports view: gather every binding (live ones from the list; requested ones of
 * stopped containers by inspecting them, cached while they stay stopped) and run probes.
 */
import type {Engine} from '../engine/engine.js';
import type {Prober} from '../engine/probe.js';
import {liveBindings, requestedBindings, withConflicts, type BindingRow} from '../model/bindings.js';
import type {ContainerSummary} from '../model/container.js';
import {isUp} from './selectors.js';
import type {Dispatch} from './store.js';
import type {State} from './state.js';

/** At most this many inspections at once. */
const PARALLEL = 8;

export function createBindingsLoader(engine: Engine): (containers: ContainerSummary[], dispatch: Dispatch) => Promise<void> {
	const cache = new Map<string, BindingRow[]>();
	let generation = 0;
	return async (containers, dispatch) => {
		const mine = ++generation;
		const stopped = containers.filter((c) => !isUp(c));
		const todo = stopped.filter((c) => !cache.has(`${c.id}|${c.state}|${c.name}`));
		try {
			for (let i = 0; i < todo.length; i += PARALLEL) {
				await Promise.all(
					todo.slice(i, i + PARALLEL).map(async (c) => {
						try {
							const d = await engine.inspectContainer(c.id);
							cache.set(`${c.id}|${c.state}|${c.name}`, requestedBindings(c, d.portBindings));
						} catch {
							// Removed meanwhile: the next refresh drops it.
						}
					}),
				);
			}
			if (mine !== generation) return;
			const keep = new Set(stopped.map((c) => `${c.id}|${c.state}|${c.name}`));
			for (const k of cache.keys()) if (!keep.has(k)) cache.delete(k);
			const rows = containers.flatMap((c) => (isUp(c) ? liveBindings(c) : (cache.get(`${c.id}|${c.state}|${c.name}`) ?? [])));
			dispatch({type: 'ports/loaded', rows: withConflicts(rows)});
		} catch (error) {
			if (mine === generation) dispatch({type: 'ports/failed', message: error instanceof Error ? error.message : String(error)});
		}
	};
}

/** Starts the probes the reducer marked `probing` since the previous state. */
export function startProbes(previous: State, next: State, prober: Prober, dispatch: Dispatch): void {
	for (const [key, probe] of Object.entries(next.ports.probes)) {
		if (probe.status !== 'probing' || previous.ports.probes[key] === probe) continue;
		const row = next.ports.rows.find((r) => r.key === key);
		if (!row || row.hostPort === null) continue;
		void prober(row.hostIp, row.hostPort, 1000).then((result) => dispatch({type: 'probe/done', key, result}));
	}
}
