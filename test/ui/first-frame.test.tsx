/**
 * The first frame drawn before Ink loads (app/view/first-frame.ts) is the frame Ink then draws from
 * the same state: same rows, columns, status bar and footer, character for character.
 */
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {Action} from '../../source/app/actions.js';
import {createAppStore, type AppStore} from '../../source/app/app-store.js';
import {App} from '../../source/app/view/app.js';
import {firstFrame, seededState} from '../../source/app/view/first-frame.js';
import {makeTheme, ThemeContext} from '../../source/app/view/theme.js';
import type {ContainerSummary} from '../../source/model/container.js';
import {FakeEngine, summary} from '../support/fake-engine.js';

let store: AppStore | null = null;
let unmount: (() => void) | null = null;
afterEach(() => {
	unmount?.();
	store?.stop();
	store = null;
	unmount = null;
});

const INFO = {version: '28.0.0-fake', apiVersion: '1.48', os: 'linux', arch: 'amd64'};

function both(containers: ContainerSummary[], size: {columns: number; rows: number}, look: {ascii: boolean; readOnly?: boolean; runningOnly?: boolean}) {
	const engine = new FakeEngine(containers);
	const at = Date.now();
	// runningOnly: drawn from the running containers while the whole list is still being read (app/first-draw.ts).
	const listed = look.runningOnly ? containers.filter((c) => c.state === 'running') : containers;
	const seed: Action[] = [
		{type: 'engine/connected', info: INFO},
		{type: 'containers/loaded', containers: structuredClone(listed), at, ...(look.runningOnly ? {runningOnly: true} : {})},
	];
	const readOnly = look.readOnly ?? false;
	const text = firstFrame(seededState({endpoint: engine.endpoint, size, readOnly, seed}), {color: false, ascii: look.ascii, now: at});
	store = createAppStore(engine, size, {readOnly, seed});
	const instance = render(
		<ThemeContext.Provider value={makeTheme({color: false, ascii: look.ascii})}>
			<App store={store} />
		</ThemeContext.Provider>,
	);
	unmount = instance.unmount;
	// The styles (bold, inverse) are compared by the output layer's tests; here the text, cell for cell.
	const lines = (s: string): string[] => s.split('\n').map((l) => l.replace(/\u001b\[[0-9;]*m/g, '').trimEnd());
	return {pre: lines(text ?? ''), ink: lines(instance.lastFrame() ?? ''), text};
}

const web = (i: number, extra: Partial<ContainerSummary> = {}) =>
	summary(`web-${String(i).padStart(3, '0')}`, {ports: [{privatePort: 5000, type: 'tcp', ip: '127.0.0.1', publicPort: 32000 + i}], ...extra});

describe('the first frame before Ink', () => {
	it('is the frame Ink draws: a few running containers, links, a stopped one hidden', () => {
		const list = [summary('db'), web(1, {links: [{source: 'db', alias: 'db'}]}), web(2, {state: 'exited', status: 'Exited (0) 3 hours ago'})];
		const {pre, ink} = both(list, {columns: 120, rows: 40}, {ascii: false});
		expect(pre).toEqual(ink);
		expect(pre.join('\n')).toContain('web-001');
		expect(pre.join('\n')).not.toContain('web-002');
	});

	it('is the frame Ink draws at N = 500, scrolled window and position, narrow and ASCII', () => {
		const list = Array.from({length: 500}, (_, i) => web(i, {links: i % 2 ? [{source: 'web-000', alias: 'db'}] : []}));
		for (const size of [{columns: 120, rows: 40}, {columns: 80, rows: 24}, {columns: 60, rows: 10}]) {
			for (const ascii of [false, true]) {
				const {pre, ink} = both(list, size, {ascii});
				expect(pre, `${size.columns}x${size.rows} ascii=${ascii}`).toEqual(ink);
				unmount?.();
				store?.stop();
			}
		}
	});

	it('is the frame Ink draws with nothing running, and read-only', () => {
		const {pre, ink} = both([web(1, {state: 'exited', status: 'Exited (1) 2 minutes ago'})], {columns: 100, rows: 20}, {ascii: false, readOnly: true});
		expect(pre).toEqual(ink);
		expect(pre.join('\n')).toContain('No running containers (1 stopped: press a to show all).');
	});

	it('is the frame Ink draws from the running containers only, the total left out until the whole list comes', async () => {
		const list = [summary('db'), web(1), web(2, {state: 'exited', status: 'Exited (0) 3 hours ago'}), web(3, {state: 'created', status: 'Created'})];
		const {pre, ink} = both(list, {columns: 120, rows: 40}, {ascii: false, runningOnly: true});
		expect(pre).toEqual(ink);
		expect(pre[0]).toContain('2 running │ showing 2 (running)');
		expect(pre[0]).not.toContain('total');
		// The whole list arrives (the live link reads it too): the total appears, the rows stay.
		store?.dispatch({type: 'containers/loaded', containers: structuredClone(list), at: Date.now()});
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(store?.getState().runningOnly).toBe(false);
		const after = render(
			<ThemeContext.Provider value={makeTheme({color: false, ascii: false})}>
				<App store={store as AppStore} />
			</ThemeContext.Provider>,
		);
		const lines = (after.lastFrame() ?? '').split('\n');
		after.unmount();
		expect(lines[0]).toContain('2 running, 4 total │ showing 2 (running)');
		expect(lines.slice(1, 5).map((l) => l.trimEnd())).toEqual(ink.slice(1, 5));
	});

	it('says the stopped ones are coming when `a` is pressed before the whole list', () => {
		const list = [summary('db'), web(2, {state: 'exited', status: 'Exited (0) 3 hours ago'})];
		const state = seededState({
			endpoint: 'unix:///x',
			size: {columns: 120, rows: 40},
			readOnly: false,
			seed: [
				{type: 'engine/connected', info: INFO},
				{type: 'containers/loaded', containers: list.slice(0, 1), at: Date.now(), runningOnly: true},
			],
		});
		const text = (firstFrame({...state, showAll: true}, {color: false, ascii: false, now: Date.now()}) ?? '').replace(/\u001b\[[0-9;]*m/g, '');
		expect(text.split('\n')[0]).toContain('1 running │ showing 1 (all, loading…)');
	});

	it('is not drawn on a terminal too small for the list (Ink says so itself)', () => {
		const {text} = both([summary('db')], {columns: 40, rows: 8}, {ascii: false});
		expect(text).toBeNull();
	});
});
