/**
 * Start, stop, restart and remove (with confirmation), and the marks they apply to. Pure: the
 * jobs become effect requests, run by `effects.ts`.
 */
import type {HandlerTable} from '../../app/handlers.js';
import {requestWithId, request} from '../../app/request.js';
import type {State} from '../../app/state.js';
import type {ContainerSummary} from '../../model/container.js';
import {goneNotice, subjectOf} from '../details/subject.js';
import {settleCursor} from '../list/reducer.js';
import {actionTargets, isUp, selectedIndex, visibleContainers} from '../list/selectors.js';
import type {JobKind, Target} from './state.js';

const present: Record<JobKind, string> = {start: 'started', stop: 'stopped', restart: 'restarted', remove: 'removed'};

function queue(state: State, kind: JobKind, targets: Target[], removeVolumes = false): State {
	const job = {kind, targets, removeVolumes};
	const {state: next, id} = requestWithId(state, {kind: 'lifecycle', job});
	return {...next, jobs: [...state.jobs, {id, ...job}], marked: [], confirm: null, notice: null};
}

const asTarget = (c: ContainerSummary): Target => ({id: c.id, name: c.name, running: isUp(c)});

/**
 * What an action applies to: in the details view, the container shown and nothing else (see
 * `subjectOf`); in the list, the marked containers, else the selected one.
 */
function targetsOf(state: State): Target[] | {gone: string} {
	if (state.screen === 'details') {
		const s = subjectOf(state);
		return s === null ? [] : 'gone' in s ? s : [asTarget(s.container)];
	}
	return actionTargets(state).map(asTarget);
}

const names = (targets: Target[]): string => targets.map((t) => t.name).join(', ');

function startOrRestart(kind: 'start' | 'restart') {
	return (state: State): State => {
		const targets = targetsOf(state);
		if ('gone' in targets) return goneNotice(state, targets.gone);
		if (targets.length === 0) return state;
		const needed = kind === 'start' ? targets.filter((t) => !t.running) : targets;
		if (needed.length === 0) return {...state, notice: {tone: 'info', text: `already running: ${names(targets)}`}};
		return queue(state, kind, needed);
	};
}

function stop(state: State): State {
	const targets = targetsOf(state);
	if ('gone' in targets) return goneNotice(state, targets.gone);
	const running = targets.filter((t) => t.running);
	if (targets.length === 0) return state;
	if (running.length === 0) return {...state, notice: {tone: 'info', text: `not running: ${names(targets)}`}};
	// Which of them were run with --rm is not in the list: an effect inspects them and fills it in.
	return request({...state, confirm: {kind: 'stop', targets: running, autoRemove: null, removeVolumes: false}, notice: null}, {kind: 'autoRemove', targets: running});
}

function remove(state: State): State {
	const targets = targetsOf(state);
	if ('gone' in targets) return goneNotice(state, targets.gone);
	if (targets.length === 0) return state;
	return {...state, confirm: {kind: 'remove', targets, autoRemove: null, removeVolumes: false}, notice: null};
}

function mark(state: State): State {
	const rows = visibleContainers(state);
	const index = selectedIndex(rows, state.selectedId);
	const row = rows[index];
	if (!row) return state;
	const marked = state.marked.includes(row.id) ? state.marked.filter((m) => m !== row.id) : [...state.marked, row.id];
	// Move on, so that space space space marks consecutive rows.
	const next = rows[Math.min(rows.length - 1, index + 1)];
	return settleCursor({...state, marked, selectedId: next?.id ?? row.id}, state);
}

function markAll(state: State): State {
	const rows = visibleContainers(state);
	const all = rows.length > 0 && rows.every((c) => state.marked.includes(c.id));
	return {...state, marked: all ? [] : rows.map((c) => c.id)};
}

/** Records which confirmed targets were run with `--rm` (found by inspecting them). */
export function confirmAutoRemove(state: State, names: string[]): State {
	return state.confirm ? {...state, confirm: {...state.confirm, autoRemove: names}} : state;
}

/** Folds a finished job back in: its rows lose the "stopping…" mark; failures become the notice. */
export function jobDone(state: State, id: number, errors: string[], details: string[] = errors): State {
	const job = state.jobs.find((j) => j.id === id);
	if (!job) return state;
	const jobs = state.jobs.filter((j) => j.id !== id);
	if (errors.length === 0) return {...state, jobs, notice: {tone: 'info', text: `${present[job.kind]}: ${names(job.targets)}`}};
	const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
	const whole = details.join('\n');
	return {...state, jobs, notice: {tone: 'error', text: `${errors[0]}${more}`, ...(whole !== errors[0] ? {detail: whole} : {})}};
}

const actions = {start: startOrRestart('start'), restart: startOrRestart('restart'), stop, remove};

export const handlers: HandlerTable = {
	list: {...actions, mark, markAll},
	details: actions,
	confirm: {
		confirmYes: (s) => (s.confirm ? queue(s, s.confirm.kind, s.confirm.targets, s.confirm.removeVolumes) : s),
		confirmNo: (s) => ({...s, confirm: null}),
		toggleVolumes: (s) => (s.confirm?.kind === 'remove' ? {...s, confirm: {...s.confirm, removeVolumes: !s.confirm.removeVolumes}} : s),
	},
};
