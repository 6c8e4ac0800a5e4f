/**
 * Effects of the ports view: gather every binding (live ones from the list; requested ones of
 * stopped containers by inspecting them, cached while they stay stopped) and run probes.
 */
import type {Dispatch} from '../../app/actions.js';
import type {EffectContext} from '../../app/effect-context.js';
import type {Engine} from '../../engine/engine.js';
import {liveBindings, requestedBindings, withConflicts, type BindingRow} from '../../model/bindings.js';
import type {ContainerSummary} from '../../model/container.js';
import {errorText} from '../../model/error-text.js';
import {isUp} from '../list/selectors.js';
import {separateNodes, serviceBindingRows} from '../../model/swarm/held.js';
import {swarmSnapshot} from '../../operations/service-conflicts.js';

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
			// Swarm services hold ports too: ingress ones on every node, host-mode ones where their tasks run.
			const swarm = await swarmSnapshot(engine);
			if (swarm && mine === generation) dispatch({type: 'ports/loaded', rows: separateNodes(withConflicts([...rows, ...serviceBindingRows(swarm)]))});
		} catch (error) {
			if (mine === generation) dispatch({type: 'ports/failed', message: errorText(error)});
		}
	};
}

/** Probes one binding (1 s timeout) and reports the result. */
export async function probe(ctx: EffectContext, key: string, hostIp: string, hostPort: number): Promise<void> {
	ctx.dispatch({type: 'probe/done', key, result: await ctx.prober(hostIp, hostPort, 1000)});
}
