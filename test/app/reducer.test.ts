import {describe, expect, it} from 'vitest';
import type {Action} from '../../source/app/actions.js';
import {reducer} from '../../source/app/reducer.js';
import {listHeight} from '../../source/app/layout.js';
import {selectedContainer, visibleContainers} from '../../source/features/list/selectors.js';
import {initialState, type State} from '../../source/app/state.js';
import {detailsOf, summary} from '../support/fake-engine.js';

const run = (state: State, ...actions: Action[]): State => actions.reduce(reducer, state);
const cmd = (id: Extract<Action, {type: 'command'}>['id']): Action => ({type: 'command', id});

function loaded(names: string[], extra: (name: string, i: number) => object = () => ({}), rows = 24): State {
	return run(initialState('unix:///x', {columns: 120, rows}), {
		type: 'containers/loaded',
		containers: names.map((n, i) => summary(n, extra(n, i))),
	});
}

describe('reducer', () => {
	it('sorts by name and selects the first row', () => {
		const s = loaded(['web', 'db', 'cache']);
		expect(visibleContainers(s).map((c) => c.name)).toEqual(['cache', 'db', 'web']);
		expect(selectedContainer(s)?.name).toBe('cache');
	});

	it('shows running containers by default and all after toggleAll', () => {
		const s = loaded(['a', 'b', 'c'], (n) => (n === 'b' ? {state: 'exited', status: 'Exited (0) 1 minute ago'} : {}));
		expect(visibleContainers(s).map((c) => c.name)).toEqual(['a', 'c']);
		const all = run(s, cmd('toggleAll'));
		expect(visibleContainers(all).map((c) => c.name)).toEqual(['a', 'b', 'c']);
		expect(visibleContainers(run(all, cmd('toggleAll'))).map((c) => c.name)).toEqual(['a', 'c']);
	});

	it('moves with up/down/top/bottom and stays in bounds', () => {
		const s = loaded(['a', 'b', 'c']);
		expect(selectedContainer(run(s, cmd('down'), cmd('down')))?.name).toBe('c');
		expect(selectedContainer(run(s, cmd('down'), cmd('down'), cmd('down')))?.name).toBe('c');
		expect(selectedContainer(run(s, cmd('up')))?.name).toBe('a');
		expect(selectedContainer(run(s, cmd('bottom')))?.name).toBe('c');
		expect(selectedContainer(run(s, cmd('bottom'), cmd('top')))?.name).toBe('a');
	});

	it('pages and keeps the cursor inside the scroll window', () => {
		const names = Array.from({length: 100}, (_, i) => `c${String(i).padStart(3, '0')}`);
		const s = loaded(names, () => ({}), 24);
		const h = listHeight(s);
		const paged = run(s, cmd('pageDown'));
		expect(selectedContainer(paged)?.name).toBe(names[h]);
		expect(paged.scrollTop).toBeLessThanOrEqual(h);
		expect(paged.scrollTop + h).toBeGreaterThan(h);
		const bottom = run(s, cmd('bottom'));
		expect(bottom.scrollTop).toBe(100 - h);
		const back = run(bottom, cmd('pageUp'));
		expect(selectedContainer(back)?.name).toBe(names[99 - h]);
		expect(back.scrollTop).toBeLessThanOrEqual(99 - h);
	});

	it('keeps the cursor on the same container when the list changes', () => {
		const s = run(loaded(['a', 'b', 'c']), cmd('down'));
		expect(selectedContainer(s)?.name).toBe('b');
		const more = run(s, {type: 'containers/loaded', containers: ['0', 'a', 'b', 'c'].map((n) => summary(n))});
		expect(selectedContainer(more)?.name).toBe('b');
	});

	it('keeps the cursor on a container recreated under the same name (new id)', () => {
		const s = run(loaded(['a', 'b', 'c']), cmd('down'));
		const recreated = run(s, {type: 'containers/loaded', containers: [summary('a'), summary('b', {id: 'id-b2'}), summary('c')]});
		expect(selectedContainer(recreated)?.id).toBe('id-b2');
	});

	it('moves to the nearest row when the selected container disappears', () => {
		const s = run(loaded(['a', 'b', 'c']), cmd('down'));
		const gone = run(s, {type: 'containers/loaded', containers: ['a', 'c'].map((n) => summary(n))});
		expect(selectedContainer(gone)?.name).toBe('c');
		const last = run(loaded(['a', 'b']), cmd('bottom'), {type: 'containers/loaded', containers: [summary('a')]});
		expect(selectedContainer(last)?.name).toBe('a');
	});

	it('filters by name, image and port number', () => {
		const s = loaded(['web', 'db', 'cache'], (n) =>
			n === 'db'
				? {image: 'dnet/postgres', ports: [{privatePort: 5432, type: 'tcp' as const}]}
				: n === 'web'
					? {ports: [{ip: '0.0.0.0', privatePort: 5000, publicPort: 32768, type: 'tcp' as const}]}
					: {image: 'redis'},
		);
		const f = (text: string): string[] => visibleContainers(run(s, {type: 'filter/set', text})).map((c) => c.name);
		expect(f('we')).toEqual(['web']);
		expect(f('POSTGRES')).toEqual(['db']);
		expect(f('5432')).toEqual(['db']);
		expect(f('32768')).toEqual(['web']);
		expect(f('5000/udp')).toEqual([]);
		expect(f('5000/tcp')).toEqual(['web']);
		expect(f('nothing')).toEqual([]);
	});

	it('keeps only the text before a control character of a fast chunk (web\\rp: the rest is keys)', () => {
		const s = run(loaded(['web']), cmd('filter'), {type: 'filter/set', text: 'we\u001b[Ab\rp'});
		expect(s.filter).toBe('we');
	});

	it('enters and leaves filter editing; Esc clears it', () => {
		const s = run(loaded(['web', 'db']), cmd('filter'), {type: 'filter/set', text: 'db'});
		expect(s.field?.target.kind).toBe('filter');
		const kept = run(s, cmd('filterAccept'));
		expect(kept.field).toBeNull();
		expect(kept.filter).toBe('db');
		expect(selectedContainer(kept)?.name).toBe('db');
		expect(run(kept, cmd('clearFilter')).filter).toBe('');
		expect(run(s, cmd('filterCancel'))).toMatchObject({filter: '', field: null});
	});

	it('opens details of the selected container and goes back', () => {
		const s = run(loaded(['a', 'b']), cmd('down'), cmd('open'));
		expect(s.screen).toBe('details');
		expect(s.details).toMatchObject({id: 'id-b', name: 'b', data: null});
		const withData = run(s, {type: 'details/loaded', id: 'id-b', data: detailsOf(summary('b'))});
		expect(withData.details?.data?.name).toBe('b');
		const stale = run(withData, {type: 'details/loaded', id: 'id-a', data: detailsOf(summary('a'))});
		expect(stale.details?.data?.name).toBe('b');
		const back = run(withData, cmd('back'));
		expect(back.screen).toBe('list');
		expect(back.details).toBeNull();
	});

	it('does nothing on open with an empty list', () => {
		const s = loaded([]);
		expect(run(s, cmd('open')).screen).toBe('list');
	});

	it('marks a container removed while its details are shown', () => {
		const s = run(loaded(['a']), cmd('open'), {type: 'details/failed', id: 'id-a', message: 'this container was removed', gone: true});
		expect(s.details).toMatchObject({gone: true, error: 'this container was removed'});
	});

	it('toggles help and returns to the screen it came from', () => {
		const s = run(loaded(['a']), cmd('open'), cmd('help'));
		expect(s.screen).toBe('help');
		expect(run(s, cmd('help')).screen).toBe('details');
		expect(run(s, cmd('back')).screen).toBe('details');
	});

	it('records the connection state', () => {
		const s = run(initialState('x'), {type: 'engine/disconnected', message: 'gone', hint: 'start it', retryInMs: 2000, attempt: 2});
		expect(s.connection).toEqual({status: 'disconnected', message: 'gone', hint: 'start it', retryInMs: 2000, attempt: 2});
		const ok = run(s, {type: 'engine/connected', info: {version: '1', apiVersion: '1.41', os: 'linux', arch: 'amd64'}});
		expect(ok.connection).toEqual({status: 'connected'});
	});

	it('quits', () => {
		expect(run(initialState('x'), cmd('quit')).quitting).toBe(true);
	});

	it('scrolls details within the content only', () => {
		const s = run(loaded(['a'], () => ({}), 12), cmd('open'), {type: 'details/loaded', id: 'id-a', data: detailsOf(summary('a'))});
		const down = run(s, ...Array.from({length: 50}, () => cmd('down')));
		expect(down.details!.scroll).toBeGreaterThan(0);
		expect(run(down, cmd('down')).details!.scroll).toBe(down.details!.scroll);
		expect(run(down, cmd('top')).details!.scroll).toBe(0);
	});
});
