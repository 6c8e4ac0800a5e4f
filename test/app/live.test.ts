import {afterEach, describe, expect, it, vi} from 'vitest';
import {EngineError} from '../../source/engine/engine.js';
import {createAppStore, type AppStore} from '../../source/app/app-store.js';
import {backoffMs, SETTLE_MS} from '../../source/app/live.js';
import {FakeEngine, summary} from '../support/fake-engine.js';

let store: AppStore | null = null;
afterEach(() => {
	store?.stop();
	store = null;
	vi.useRealTimers();
});

const flush = async (): Promise<void> => {
	for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('live updates', () => {
	it('connects, lists, and shows the engine version', async () => {
		vi.useFakeTimers();
		const engine = new FakeEngine([summary('web'), summary('db')]);
		store = createAppStore(engine, {columns: 100, rows: 30});
		expect(store.getState().connection.status).toBe('connecting');
		await vi.runAllTimersAsync();
		const s = store.getState();
		expect(s.connection.status).toBe('connected');
		expect(s.info?.version).toBe('28.0.0-fake');
		expect(s.containers.map((c) => c.name)).toEqual(['db', 'web']);
		expect(engine.subscribers).toBe(1);
	});

	it('fetches at once on an event, and folds a burst into one more fetch', async () => {
		vi.useFakeTimers();
		const engine = new FakeEngine([summary('web')]);
		store = createAppStore(engine, {columns: 100, rows: 30});
		await vi.runAllTimersAsync();
		const lists = (): number => engine.calls.filter((c) => c === 'list').length;
		const before = lists();
		engine.containers.push(summary('new'));
		engine.emit({id: 'id-new', action: 'create'});
		expect(lists()).toBe(before + 1);
		engine.emit({id: 'id-new', action: 'start'});
		engine.emit({id: 'id-new', action: 'attach'});
		expect(lists()).toBe(before + 1);
		await flush();
		expect(store.getState().containers.map((c) => c.name)).toEqual(['new', 'web']);
		expect(lists()).toBe(before + 2);
		// One settling fetch after the burst catches a change the engine announced before listing it.
		engine.containers[1] = {...engine.containers[1]!, name: 'renamed-late'};
		expect(vi.getTimerCount()).toBe(1);
		await vi.advanceTimersByTimeAsync(SETTLE_MS);
		await flush();
		expect(lists()).toBe(before + 3);
		expect(store.getState().containers.map((c) => c.name)).toEqual(['renamed-late', 'web']);
		expect(vi.getTimerCount()).toBe(0);
	});

	it('is idle between events: no timers pending once settled', async () => {
		vi.useFakeTimers();
		const engine = new FakeEngine([summary('web')]);
		store = createAppStore(engine, {columns: 100, rows: 30});
		await vi.runAllTimersAsync();
		expect(vi.getTimerCount()).toBe(0);
		engine.emit({id: 'id-web', action: 'die'});
		await vi.runAllTimersAsync();
		expect(vi.getTimerCount()).toBe(0);
		const calls = engine.calls.length;
		await vi.advanceTimersByTimeAsync(60_000);
		expect(engine.calls.length).toBe(calls);
	});

	it('re-inspects the container shown in details on its events, and marks it gone on removal', async () => {
		vi.useFakeTimers();
		const engine = new FakeEngine([summary('web')]);
		store = createAppStore(engine, {columns: 100, rows: 30});
		await vi.runAllTimersAsync();
		store.dispatch({type: 'command', id: 'open'});
		await vi.runAllTimersAsync();
		expect(store.getState().details?.data?.name).toBe('web');
		engine.containers = [];
		engine.emit({id: 'id-web', action: 'destroy'});
		await vi.runAllTimersAsync();
		expect(store.getState().details).toMatchObject({gone: true, error: 'this container was removed'});
		expect(store.getState().containers).toEqual([]);
	});

	it('says disconnected when the stream breaks, backs off, then resyncs the full list', async () => {
		vi.useFakeTimers();
		const engine = new FakeEngine([summary('web')]);
		store = createAppStore(engine, {columns: 100, rows: 30});
		await vi.runAllTimersAsync();
		const down = new EngineError('unreachable', 'cannot connect to the Docker engine at x: nothing is answering', 'is it running?');
		engine.down = down;
		engine.breakStream(down);
		expect(store.getState().connection).toMatchObject({status: 'disconnected', retryInMs: backoffMs(1), hint: 'is it running?'});
		await vi.advanceTimersByTimeAsync(backoffMs(1));
		await flush();
		expect(store.getState().connection).toMatchObject({status: 'disconnected', retryInMs: backoffMs(2), attempt: 2});
		// Meanwhile the world changed; when the engine is back the list is fetched anew.
		engine.containers = [summary('db'), summary('web2')];
		engine.down = null;
		await vi.advanceTimersByTimeAsync(backoffMs(2));
		await flush();
		expect(store.getState().connection.status).toBe('connected');
		expect(store.getState().containers.map((c) => c.name)).toEqual(['db', 'web2']);
		expect(engine.subscribers).toBe(1);
		expect(vi.getTimerCount()).toBe(0);
	});

	it('backs off exponentially up to a cap', () => {
		expect(backoffMs(1)).toBe(500);
		expect(backoffMs(2)).toBe(1000);
		expect(backoffMs(3)).toBe(2000);
		expect(backoffMs(20)).toBe(10_000);
	});

	it('stops cleanly: no subscription, no timers', async () => {
		vi.useFakeTimers();
		const engine = new FakeEngine([summary('web')]);
		store = createAppStore(engine, {columns: 100, rows: 30});
		await vi.runAllTimersAsync();
		engine.emit({id: 'id-web', action: 'die'});
		store.stop();
		expect(engine.subscribers).toBe(0);
		expect(vi.getTimerCount()).toBe(0);
	});
});
