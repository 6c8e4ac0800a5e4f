/** Pure reads of the container list that the views, the reducers and other features share. */
import type {SortKey, State} from '../../app/state.js';
import type {ContainerSummary, Link} from '../../model/container.js';
import type {JobKind} from '../lifecycle/state.js';

/** `docker ps` without `-a` lists containers the engine considers running (paused and restarting too). */
export function isUp(c: ContainerSummary): boolean {
	return c.state === 'running' || c.state === 'paused' || c.state === 'restarting';
}

/** True when the container matches the `/` filter: name, image, or a port number (`5000`, `5000/udp`). */
export function matchesFilter(c: Pick<ContainerSummary, 'name' | 'image' | 'ports'>, filter: string): boolean {
	const f = filter.trim().toLowerCase();
	if (f === '') return true;
	const port = /^(\d{1,5})(?:\/(tcp|udp|sctp))?$/.exec(f);
	if (port) {
		const n = Number(port[1]);
		const proto = port[2];
		if (c.ports.some((p) => (p.privatePort === n || p.publicPort === n) && (!proto || p.type === proto))) return true;
	}
	return c.name.toLowerCase().includes(f) || c.image.toLowerCase().includes(f);
}

const COMPARE: Record<SortKey, (a: ContainerSummary, b: ContainerSummary) => number> = {
	name: (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
	created: (a, b) => b.created - a.created || a.name.localeCompare(b.name),
	status: (a, b) => Number(isUp(b)) - Number(isUp(a)) || a.name.localeCompare(b.name),
};

/** The rows of the list, in order: filtered by `a` and `/`, sorted deterministically (the list never jumps). */
export function visibleContainers(state: Pick<State, 'containers' | 'showAll' | 'filter' | 'sort'>): ContainerSummary[] {
	const rows = state.containers.filter((c) => (state.showAll || isUp(c)) && matchesFilter(c, state.filter));
	// `containers` is kept sorted by name: other orders sort a copy.
	return state.sort === 'name' ? rows : rows.sort(COMPARE[state.sort]);
}

/** The lifecycle job running on a container, if any (the row shows "stopping…"). */
export function pendingJob(state: Pick<State, 'jobs'>, id: string): JobKind | undefined {
	for (let i = state.jobs.length - 1; i >= 0; i--) {
		const job = state.jobs[i];
		if (job?.targets.some((t) => t.id === id)) return job.kind;
	}
	return undefined;
}

/** What an action applies to: the marked visible containers, else the selected one. */
export function actionTargets(state: State): ContainerSummary[] {
	const rows = visibleContainers(state);
	if (state.marked.length > 0) {
		const marked = new Set(state.marked);
		const hits = rows.filter((c) => marked.has(c.id));
		if (hits.length > 0) return hits;
	}
	const selected = rows[selectedIndex(rows, state.selectedId)];
	return selected ? [selected] : [];
}

/** Index of the selected row in `rows`, or 0. */
export function selectedIndex(rows: ContainerSummary[], selectedId: string | null): number {
	const i = rows.findIndex((c) => c.id === selectedId);
	return i < 0 ? 0 : i;
}

export function selectedContainer(state: State): ContainerSummary | undefined {
	const rows = visibleContainers(state);
	return rows[selectedIndex(rows, state.selectedId)];
}

/** Containers holding a link to `name`, as `{source: recipient, alias}` pairs. */
export function linkedFrom(containers: ContainerSummary[], name: string): Link[] {
	const out: Link[] = [];
	for (const c of containers) {
		for (const l of c.links) if (l.source === name) out.push({source: c.name, alias: l.alias});
	}
	return out.sort((a, b) => a.source.localeCompare(b.source) || a.alias.localeCompare(b.alias));
}

export interface Counts {
	running: number;
	/** null while only the running containers are known (`State.runningOnly`). */
	total: number | null;
	shown: number;
}

export function counts(state: State): Counts {
	return {
		running: state.containers.filter(isUp).length,
		total: state.runningOnly ? null : state.containers.length,
		shown: visibleContainers(state).length,
	};
}

/** What the list says when it shows no row (the UI's list and the first frame). */
export function emptyListText(state: State): string {
	if (!state.loaded) return state.connection.status === 'disconnected' ? 'Not connected.' : 'Loading…';
	if (state.filter) return `No container matches "${state.filter}".`;
	if (state.runningOnly) return state.showAll ? 'Loading…' : 'No running containers.';
	if (!state.showAll && state.containers.length > 0) return `No running containers (${state.containers.length} stopped: press a to show all).`;
	return 'No containers.';
}
