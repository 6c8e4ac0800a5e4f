/**
 * The live list patches the rows an event names (a list filtered to their ids) instead of reading
 * the whole list again; the whole list only when a patch cannot be exact or a burst is large.
 */
import {afterEach, describe, expect, it, vi} from 'vitest';
import {createAppStore, type AppStore} from '../../source/app/app-store.js';
import {BURST_FULL} from '../../source/app/live.js';
import {FakeEngine, summary} from '../support/fake-engine.js';

let store: AppStore | null = null;
afterEach(() => {
	store?.stop();
	store = null;
	vi.useRealTimers();
});

const many = (n: number) => Array.from({length: n}, (_, i) => summary(`c${String(i).padStart(3, '0')}`, {state: 'exited', status: 'Exited (0) 2 hours ago'}));

async function started(engine: FakeEngine): Promise<{store: AppStore; lists: () => Array<readonly string[] | undefined>}> {
	const spy = vi.spyOn(engine, 'listContainers');
	store = createAppStore(engine, {columns: 100, rows: 30});
	await vi.runAllTimersAsync();
	spy.mockClear();
	return {store, lists: () => spy.mock.calls.map((c) => c[1])};
}

describe('live list: patching rows', () => {
	it('on an event at N = 500, fetches only the container it names and patches its row; the other rows stay the same objects', async () => {
		vi.useFakeTimers();
		const engine = new FakeEngine(many(500));
		const {store: s, lists} = await started(engine);
		const before = s.getState().containers;
		Object.assign(engine.containers[7]!, {state: 'running', status: 'Up Less than a second'});
		engine.emit({id: 'id-c007', action: 'start'});
		await vi.advanceTimersByTimeAsync(0);
		expect(lists()).toEqual([['id-c007']]);
		const after = s.getState().containers;
		expect(after.find((c) => c.id === 'id-c007')?.state).toBe('running');
		expect(after.length).toBe(500);
		expect(after.filter((c, i) => c !== before[i]).map((c) => c.id)).toEqual(['id-c007']);
		// The settling fetch reads the same container again, alone.
		await vi.runAllTimersAsync();
		expect(lists()).toEqual([['id-c007'], ['id-c007']]);
	});

	it('removes the row of a removed container without reading the whole list', async () => {
		vi.useFakeTimers();
		const engine = new FakeEngine([summary('web'), summary('db')]);
		const {store: s, lists} = await started(engine);
		engine.containers = engine.containers.filter((c) => c.name !== 'web');
		engine.emit({id: 'id-web', action: 'destroy'});
		await vi.runAllTimersAsync();
		expect(s.getState().containers.map((c) => c.name)).toEqual(['db']);
		expect(lists().every((ids) => ids !== undefined)).toBe(true);
	});

	it("a new container's links come from its own configuration (its sources' rows are not read again)", async () => {
		vi.useFakeTimers();
		const engine = new FakeEngine([summary('db')]);
		const {store: s, lists} = await started(engine);
		engine.containers.push(summary('web', {links: [{source: 'db', alias: 'database'}]}));
		engine.emit({id: 'id-web', action: 'create'});
		await vi.runAllTimersAsync();
		expect(s.getState().containers.find((c) => c.name === 'web')?.links).toEqual([{source: 'db', alias: 'database'}]);
		expect(lists().every((ids) => ids !== undefined)).toBe(true);
		// A later event on it keeps the links its own row does not show.
		engine.emit({id: 'id-web', action: 'die'});
		await vi.runAllTimersAsync();
		expect(s.getState().containers.find((c) => c.name === 'web')?.links).toEqual([{source: 'db', alias: 'database'}]);
	});

	it("reads the whole list when a link's source is renamed or removed (the links of other rows change)", async () => {
		vi.useFakeTimers();
		const engine = new FakeEngine([summary('db'), summary('web', {links: [{source: 'db', alias: 'db'}]})]);
		const {store: s, lists} = await started(engine);
		await engine.renameContainer('db', 'db2');
		engine.emit({id: 'id-db', action: 'rename'});
		await vi.runAllTimersAsync();
		expect(lists()).toContain(undefined);
		expect(s.getState().containers.find((c) => c.name === 'web')?.links).toEqual([{source: 'db2', alias: 'db'}]);
	});

	it('reads the whole list once when the events waiting name many containers', async () => {
		vi.useFakeTimers();
		const engine = new FakeEngine(many(100));
		const {store: s, lists} = await started(engine);
		engine.emit({id: 'id-c000', action: 'start'});
		for (let i = 1; i <= BURST_FULL + 1; i++) {
			Object.assign(engine.containers[i]!, {state: 'running', status: 'Up Less than a second'});
			engine.emit({id: engine.containers[i]!.id, action: 'start'});
		}
		await vi.advanceTimersByTimeAsync(0);
		expect(lists()).toEqual([['id-c000'], undefined]);
		expect(s.getState().containers.filter((c) => c.state === 'running').length).toBe(BURST_FULL + 1);
	});

	it('patches the container a network event names (its networks changed)', async () => {
		vi.useFakeTimers();
		const engine = new FakeEngine([summary('web')]);
		const {store: s, lists} = await started(engine);
		Object.assign(engine.containers[0]!, {networks: []});
		engine.emit({type: 'network', id: 'net-1', action: 'disconnect', attributes: {container: 'id-web'}});
		await vi.runAllTimersAsync();
		expect(lists()[0]).toEqual(['id-web']);
		expect(s.getState().containers[0]?.networks).toEqual([]);
	});
});
