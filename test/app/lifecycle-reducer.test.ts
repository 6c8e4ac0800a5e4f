import {describe, expect, it} from 'vitest';
import type {Action} from '../../source/app/actions.js';
import {reducer} from '../../source/app/reducer.js';
import {pendingJob, selectedContainer, visibleContainers} from '../../source/features/list/selectors.js';
import {initialState, type State} from '../../source/app/state.js';
import {summary} from '../support/fake-engine.js';

const run = (state: State, ...actions: Action[]): State => actions.reduce(reducer, state);
const cmd = (id: Extract<Action, {type: 'command'}>['id']): Action => ({type: 'command', id});

function loaded(readOnly = false): State {
	return run(initialState('x', {columns: 120, rows: 30}, readOnly), {
		type: 'containers/loaded',
		containers: [
			summary('a', {created: 100}),
			summary('b', {created: 300}),
			summary('c', {created: 200, state: 'exited', status: 'Exited (0) 1 minute ago'}),
			summary('d', {created: 400, state: 'exited', status: 'Exited (1) 5 seconds ago'}),
		],
	});
}

describe('lifecycle commands', () => {
	it('asks before stopping, names the container, then queues the job', () => {
		const asked = run(loaded(), cmd('stop'));
		expect(asked.confirm).toMatchObject({kind: 'stop', targets: [{id: 'id-a', name: 'a', running: true}], autoRemove: null});
		expect(asked.jobs).toEqual([]);
		const done = run(asked, cmd('confirmYes'));
		expect(done.confirm).toBeNull();
		expect(done.jobs).toEqual([{id: expect.any(Number), kind: 'stop', targets: [{id: 'id-a', name: 'a', running: true}], removeVolumes: false}]);
		expect(pendingJob(done, 'id-a')).toBe('stop');
		expect(pendingJob(done, 'id-b')).toBeUndefined();
	});

	it('cancels a confirmation with no change', () => {
		const s = run(loaded(), cmd('remove'), cmd('confirmNo'));
		expect(s.confirm).toBeNull();
		expect(s.jobs).toEqual([]);
	});

	it('removes a running container with force and can take its volumes too', () => {
		const s = run(loaded(), cmd('remove'), cmd('toggleVolumes'), cmd('confirmYes'));
		expect(s.jobs[0]).toMatchObject({kind: 'remove', removeVolumes: true, targets: [{name: 'a', running: true}]});
	});

	it('acts on every marked container, and clears the marks', () => {
		const marked = run(loaded(), cmd('mark'), cmd('mark'));
		expect(marked.marked).toEqual(['id-a', 'id-b']);
		const s = run(marked, cmd('restart'));
		expect(s.jobs[0]?.targets.map((t) => t.name)).toEqual(['a', 'b']);
		expect(s.marked).toEqual([]);
		expect(run(loaded(), cmd('markAll')).marked).toEqual(['id-a', 'id-b']);
		expect(run(loaded(), cmd('markAll'), cmd('markAll')).marked).toEqual([]);
	});

	it('starts only what is not running, and says so otherwise', () => {
		expect(run(loaded(), cmd('start')).notice).toEqual({tone: 'info', text: 'already running: a'});
		const all = run(loaded(), cmd('toggleAll'), cmd('bottom'), cmd('start'));
		expect(all.jobs[0]).toMatchObject({kind: 'start', targets: [{name: 'd', running: false}]});
		expect(run(loaded(), cmd('toggleAll'), cmd('bottom'), cmd('stop')).notice?.text).toBe('not running: d');
	});

	it('reports a finished job: rows return to their state, errors become one line', () => {
		const s = run(loaded(), cmd('mark'), cmd('mark'), cmd('restart'));
		const id = s.jobs[0]?.id ?? 0;
		const failed = run(s, {type: 'job/done', id, errors: ['restart a: No such container: id-a', 'restart b: boom']});
		expect(failed.jobs).toEqual([]);
		expect(failed.notice).toEqual({tone: 'error', text: 'restart a: No such container: id-a (and 1 more)', detail: 'restart a: No such container: id-a\nrestart b: boom'});
		expect(run(s, {type: 'job/done', id, errors: []}).notice).toEqual({tone: 'info', text: 'restarted: a, b'});
	});

	it('refuses every mutating command under --read-only, and changes nothing else', () => {
		for (const id of ['start', 'stop', 'restart', 'remove'] as const) {
			const s = run(loaded(true), cmd(id));
			expect(s.jobs).toEqual([]);
			expect(s.confirm).toBeNull();
			expect(s.notice?.text).toMatch(/read-only/);
		}
		expect(visibleContainers(run(loaded(true), cmd('toggleAll'))).length).toBe(4);
	});

	it('sorts by name, created (newest first) and status (running first)', () => {
		const all = run(loaded(), cmd('toggleAll'));
		expect(visibleContainers(all).map((c) => c.name)).toEqual(['a', 'b', 'c', 'd']);
		const created = run(all, cmd('cycleSort'));
		expect(created.sort).toBe('created');
		expect(visibleContainers(created).map((c) => c.name)).toEqual(['d', 'b', 'c', 'a']);
		const status = run(created, cmd('cycleSort'));
		expect(visibleContainers(status).map((c) => c.name)).toEqual(['a', 'b', 'c', 'd']);
		expect(run(status, cmd('cycleSort')).sort).toBe('name');
	});

	it('jumps to the latest created container, showing stopped ones if needed (docker ps -l)', () => {
		const s = run(loaded(), cmd('latest'));
		expect(s.showAll).toBe(true);
		expect(selectedContainer(s)?.name).toBe('d');
	});

	it('drops marks of containers that are gone', () => {
		const s = run(loaded(), cmd('mark'), {type: 'containers/loaded', containers: [summary('b')]});
		expect(s.marked).toEqual([]);
	});
});
