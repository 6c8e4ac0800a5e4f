/**
 * The reducer's lifecycle part: start, stop, restart and remove (with confirmation), marks, sort
 * order and the jump to the latest container. Pure; effects run the jobs it queues.
 */
import type {CommandId} from './commands.js';
import {actionTargets, isUp, matchesFilter, selectedIndex, visibleContainers} from './selectors.js';
import type {Job, JobKind, SortKey, State} from './state.js';

const SORT_ORDER: SortKey[] = ['name', 'created', 'status'];

const present: Record<JobKind, string> = {start: 'started', stop: 'stopped', restart: 'restarted', remove: 'removed'};

function queue(state: State, kind: JobKind, targets: Job['targets'], removeVolumes = false): State {
	const seq = state.jobSeq + 1;
	return {...state, jobSeq: seq, jobs: [...state.jobs, {seq, kind, targets, removeVolumes}], marked: [], confirm: null, notice: null};
}

function targetsOf(state: State): Job['targets'] {
	return actionTargets(state).map((c) => ({id: c.id, name: c.name, running: isUp(c)}));
}

function names(targets: Job['targets']): string {
	return targets.map((t) => t.name).join(', ');
}

/** The lifecycle commands; returns null for commands it does not handle. */
export function lifecycleCommand(state: State, id: CommandId, settle: (next: State, previous: State) => State): State | null {
	switch (id) {
		case 'start':
		case 'restart': {
			const targets = targetsOf(state);
			if (targets.length === 0) return state;
			const needed = id === 'start' ? targets.filter((t) => !t.running) : targets;
			if (needed.length === 0) return {...state, notice: {tone: 'info', text: `already running: ${names(targets)}`}};
			return queue(state, id, needed);
		}
		case 'stop': {
			const targets = targetsOf(state);
			const running = targets.filter((t) => t.running);
			if (targets.length === 0) return state;
			if (running.length === 0) return {...state, notice: {tone: 'info', text: `not running: ${names(targets)}`}};
			// Which of them were run with --rm is not in the list: effects inspect them and fill it in.
			return {...state, confirm: {kind: 'stop', targets: running, autoRemove: null, removeVolumes: false}, notice: null};
		}
		case 'remove': {
			const targets = targetsOf(state);
			if (targets.length === 0) return state;
			return {...state, confirm: {kind: 'remove', targets, autoRemove: null, removeVolumes: false}, notice: null};
		}
		case 'confirmYes':
			return state.confirm ? queue(state, state.confirm.kind, state.confirm.targets, state.confirm.removeVolumes) : state;
		case 'confirmNo':
			return {...state, confirm: null};
		case 'toggleVolumes':
			return state.confirm?.kind === 'remove' ? {...state, confirm: {...state.confirm, removeVolumes: !state.confirm.removeVolumes}} : state;
		case 'mark': {
			const rows = visibleContainers(state);
			const index = selectedIndex(rows, state.selectedId);
			const row = rows[index];
			if (!row) return state;
			const marked = state.marked.includes(row.id) ? state.marked.filter((m) => m !== row.id) : [...state.marked, row.id];
			// Move on, so that space space space marks consecutive rows.
			const next = rows[Math.min(rows.length - 1, index + 1)];
			return settle({...state, marked, selectedId: next?.id ?? row.id}, state);
		}
		case 'markAll': {
			const rows = visibleContainers(state);
			const all = rows.length > 0 && rows.every((c) => state.marked.includes(c.id));
			return {...state, marked: all ? [] : rows.map((c) => c.id)};
		}
		case 'cycleSort': {
			const sort = SORT_ORDER[(SORT_ORDER.indexOf(state.sort) + 1) % SORT_ORDER.length] ?? 'name';
			return settle({...state, sort, notice: {tone: 'info', text: `sorted by ${sort === 'created' ? 'created (newest first)' : sort === 'status' ? 'status (running first)' : 'name'}`}}, state);
		}
		case 'latest': {
			// Like `docker ps -l`: the newest container in any state (that the filter lets through).
			const candidates = state.containers.filter((c) => matchesFilter(c, state.filter));
			const latest = candidates.reduce<(typeof candidates)[number] | undefined>((best, c) => (!best || c.created > best.created ? c : best), undefined);
			if (!latest) return state;
			return settle({...state, showAll: state.showAll || !isUp(latest), selectedId: latest.id}, state);
		}
		default:
			return null;
	}
}

/** Records which confirmed targets were run with `--rm` (found by inspecting them). */
export function confirmAutoRemove(state: State, names: string[]): State {
	return state.confirm ? {...state, confirm: {...state.confirm, autoRemove: names}} : state;
}

/** Folds a finished job back in: its rows lose the "stopping…" mark; failures become the notice. */
export function jobDone(state: State, seq: number, errors: string[]): State {
	const job = state.jobs.find((j) => j.seq === seq);
	if (!job) return state;
	const jobs = state.jobs.filter((j) => j.seq !== seq);
	if (errors.length === 0) {
		return {...state, jobs, notice: {tone: 'info', text: `${present[job.kind]}: ${names(job.targets)}`}};
	}
	const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
	return {...state, jobs, notice: {tone: 'error', text: `${errors[0]}${more}`}};
}
