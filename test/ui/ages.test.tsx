/**
 * Ages and state stay true (issue 11, item 10): statuses follow the clock without events, one timer
 * armed for the next change on screen only, and an unreachable engine shows its last rows as such.
 */
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {createAppStore, type AppStore} from '../../source/app/app-store.js';
import {App} from '../../source/app/view/app.js';
import {ClockContext, type Clock} from '../../source/app/view/clock.js';
import {makeTheme, ThemeContext} from '../../source/app/view/theme.js';
import {EngineError} from '../../source/engine/engine.js';
import {FakeEngine, detailsOf, summary} from '../support/fake-engine.js';
import {waitFor} from '../support/wait-for.js';

/** The views' clock, moved by hand: the real time plus what the test advanced; timers fire when due. */
class FakeClock implements Clock {
	offset = 0;
	timers = new Map<number, {at: number; fn: () => void}>();
	private next = 1;
	now(): number {
		return Date.now() + this.offset;
	}
	setTimeout(fn: () => void, ms: number): unknown {
		const id = this.next++;
		this.timers.set(id, {at: this.now() + ms, fn});
		return id;
	}
	clearTimeout(handle: unknown): void {
		this.timers.delete(handle as number);
	}
	/** When the earliest armed timer is due, as ms from now; null when none is armed. */
	armedIn(): number | null {
		const ats = [...this.timers.values()].map((t) => t.at);
		return ats.length === 0 ? null : Math.min(...ats) - this.now();
	}
	advance(ms: number): void {
		this.offset += ms;
		for (const [id, t] of [...this.timers]) {
			if (t.at > this.now()) continue;
			this.timers.delete(id);
			t.fn();
		}
	}
}

let store: AppStore | null = null;
let unmount: (() => void) | null = null;
afterEach(() => {
	unmount?.();
	store?.stop();
	store = null;
	unmount = null;
});

function show(engine: FakeEngine, clock: FakeClock): () => string {
	store = createAppStore(engine, {columns: 120, rows: 20});
	const instance = render(
		<ClockContext.Provider value={clock}>
			<ThemeContext.Provider value={makeTheme({color: false, ascii: false})}>
				<App store={store} />
			</ThemeContext.Provider>
		</ClockContext.Provider>,
	);
	unmount = instance.unmount;
	return () => instance.lastFrame() ?? '';
}

const rowOf = (frame: string, name: string): string => frame.split('\n').find((l) => l.includes(` ${name} `)) ?? '';

describe('ages on screen', () => {
	it('keep counting without events, as docker ps would say them', async () => {
		const clock = new FakeClock();
		const engine = new FakeEngine([summary('young', {status: 'Up 5 seconds'}), summary('gone', {state: 'exited', status: 'Exited (0) 50 seconds ago'})]);
		const frame = show(engine, clock);
		await waitFor(() => expect(rowOf(frame(), 'young')).toContain('Up 5 seconds'));
		store!.dispatch({type: 'command', id: 'toggleAll'});
		await waitFor(() => expect(rowOf(frame(), 'gone')).toContain('Exited (0) 50 seconds ago'));
		const calls = engine.calls.length;
		clock.advance(35_000);
		await waitFor(() => expect(rowOf(frame(), 'young')).toContain('Up 40 seconds'));
		expect(rowOf(frame(), 'gone')).toContain('Exited (0) About a minute ago');
		clock.advance(80_000);
		await waitFor(() => expect(rowOf(frame(), 'young')).toContain('Up 2 minutes'));
		expect(rowOf(frame(), 'gone')).toContain('Exited (0) 2 minutes ago');
		// Nothing was asked of the engine: the time is read from the statuses.
		expect(engine.calls.length).toBe(calls);
	});

	it('arms one timer, for the next change on screen, and none for rows without a time', async () => {
		const clock = new FakeClock();
		const engine = new FakeEngine([summary('a', {status: 'Up 3 hours'}), summary('b', {status: 'Up 2 days'}), summary('c', {state: 'created', status: 'Created'})]);
		engine.details.set('id-a', detailsOf(engine.containers[0]!, {state: {...detailsOf(engine.containers[0]!).state, startedAt: new Date(Date.now() - 3 * 3600_000 - 20 * 60_000).toISOString()}}));
		const frame = show(engine, clock);
		await waitFor(() => expect(rowOf(frame(), 'a')).toContain('Up 3 hours'));
		// An hour-old engine wakes dnet rarely: `a` started 3 h 20 min ago says `4 hours` 10 min from now.
		await waitFor(() => expect(clock.timers.size).toBe(1));
		const armed = clock.armedIn()!;
		expect(armed).toBeGreaterThan(9 * 60_000);
		// On the hour-long statuses' one-minute grid (rows changing close together redraw together).
		expect(armed).toBeLessThanOrEqual(11 * 60_000);
		clock.advance(armed);
		await waitFor(() => expect(rowOf(frame(), 'a')).toContain('Up 4 hours'));
		// Re-armed for the next change: `5 hours`, an hour later.
		await waitFor(() => expect(clock.armedIn()).toBeGreaterThan(3540_000));
		expect(clock.armedIn()).toBeLessThanOrEqual(3660_000);

		const quiet = new FakeClock();
		unmount?.();
		store?.stop();
		const rest = show(new FakeEngine([summary('c', {state: 'created', status: 'Created'})]), quiet);
		store!.dispatch({type: 'command', id: 'toggleAll'});
		await waitFor(() => expect(rowOf(rest(), 'c')).toContain('Created'));
		expect(quiet.timers.size).toBe(0);
	});

	it('an old status is pinned by one inspect per container, once', async () => {
		const clock = new FakeClock();
		const web = summary('web', {status: 'Up 3 minutes'});
		const engine = new FakeEngine([web, summary('db', {status: 'Up 4 seconds'})]);
		engine.details.set(web.id, detailsOf(web, {state: {...detailsOf(web).state, startedAt: new Date(Date.now() - 190_000).toISOString()}}));
		const frame = show(engine, clock);
		await waitFor(() => expect(rowOf(frame(), 'web')).toContain('Up 3 minutes'));
		await waitFor(() => expect(clock.armedIn()).not.toBeNull());
		// Started 190 s ago: `4 minutes` in 50 s, though the status alone would allow up to a minute.
		clock.advance(49_000);
		expect(rowOf(frame(), 'web')).toContain('Up 3 minutes');
		clock.advance(1_000);
		await waitFor(() => expect(rowOf(frame(), 'web')).toContain('Up 4 minutes'));
		expect(engine.calls.filter((c) => c.startsWith('inspect')).length).toBe(1);
		engine.emit({id: web.id, action: 'exec_start'});
		await waitFor(() => expect(engine.calls.filter((c) => c === 'list').length).toBeGreaterThan(1));
		expect(engine.calls.filter((c) => c.startsWith('inspect')).length).toBe(1);
	});
});

describe('an unreachable engine', () => {
	it('keeps the last rows as read, says when they were read, and counts down to the next attempt', async () => {
		const clock = new FakeClock();
		const engine = new FakeEngine([summary('web', {status: 'Up 5 seconds'})]);
		const frame = show(engine, clock);
		await waitFor(() => expect(frame()).toContain('connected'));
		const synced = new Date(store!.getState().lastSync!);
		const down = new EngineError('unreachable', 'cannot connect to the Docker engine: nothing is answering');
		engine.down = down;
		engine.breakStream(down);
		const hhmmss = [synced.getHours(), synced.getMinutes(), synced.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
		await waitFor(() => expect(frame()).toContain(`disconnected, retrying in 1s │ rows as of ${hhmmss}`));
		// The ages are as last read: nothing counts but the retry.
		clock.advance(3_000);
		expect(rowOf(frame(), 'web')).toContain('Up 5 seconds');
	});

	it('counts down second by second, with one 1 s timer, only while disconnected', async () => {
		const clock = new FakeClock();
		const engine = new FakeEngine([summary('web', {status: 'Created', state: 'created'})]);
		const frame = show(engine, clock);
		await waitFor(() => expect(frame()).toContain('connected'));
		expect(clock.timers.size).toBe(0);
		store!.dispatch({type: 'engine/disconnected', message: 'down', retryInMs: 10_000, attempt: 6, at: clock.now()});
		await waitFor(() => expect(frame()).toContain('retrying in 10s'));
		expect(clock.timers.size).toBe(1);
		for (const left of [9, 8, 7]) {
			clock.advance(1_000);
			await waitFor(() => expect(frame()).toContain(`retrying in ${left}s`));
		}
		store!.dispatch({type: 'engine/connecting', attempt: 6});
		await waitFor(() => expect(frame()).toContain('connecting'));
		expect(clock.timers.size).toBe(0);
	});
});

describe('rows that change at their own moments', () => {
	it('are redrawn together, at most once a second, not once per row', async () => {
		const {onGrid} = await import('../../source/features/list/view.js');
		// 50 rows whose seconds change at 50 moments of one second: one wake-up for them all.
		const at = 1_764_000_000_000;
		const wakes = new Set(Array.from({length: 50}, (_, i) => onGrid(at + 20 * i, 5_000)));
		expect(wakes.size).toBeLessThanOrEqual(2);
		for (const w of wakes) expect(w % 1000).toBe(0);
		// Minutes: one wake-up per 5 s step; never before the change.
		expect(onGrid(at + 1234, 120_000)).toBe(Math.ceil((at + 1234) / 5000) * 5000);
		expect(onGrid(at + 1234, 120_000)).toBeGreaterThanOrEqual(at + 1234);
	});
});
