/** Confirmations wrap, never cut, and name what breaks (issue 11, item 3). */
import {afterEach, describe, expect, it} from 'vitest';
import {FakeEngine, summary} from '../support/fake-engine.js';
import {waitFor} from '../support/wait-for.js';
import {KEY, renderApp, type Rendered} from './render-app.js';

let app: Rendered | null = null;
afterEach(() => {
	app?.unmount();
	app = null;
});

/** The frame's text without line breaks and box edges: what a reader reads across wrapped lines. */
const flat = (frame: string): string =>
	frame
		.split('\n')
		.map((l) => l.replace(/^[│|]\s?/, '').replace(/\s*[│|]$/, '').trim())
		.join(' ');

function linked(): FakeEngine {
	return new FakeEngine([summary('db'), summary('web', {links: [{source: 'db', alias: 'db'}]}), summary('cache')]);
}

describe('confirmations', () => {
	it('name the links that break when their source is stopped or removed', async () => {
		app = renderApp(linked(), {columns: 100, rows: 30});
		await waitFor(() => expect(app!.frame()).toContain('cache'));
		app.press('/db\r');
		await waitFor(() => expect(app!.frame()).toContain('matching "db"'));
		app.press('S');
		await waitFor(() => expect(flat(app!.frame())).toContain('web links to db as db: the link stops working until db runs again.'));
		app.press('n');
		await waitFor(() => expect(app!.frame()).not.toContain('Stop db?'));
		app.press('d');
		await waitFor(() => expect(flat(app!.frame())).toContain('web links to db as db: the link breaks, and web cannot start again while no container is named db.'));
	});

	it('name every marked container and keep the "killed first" warning, wrapped over lines', async () => {
		const names = Array.from({length: 40}, (_, i) => `bulk${String(i + 1).padStart(2, '0')}`);
		app = renderApp(new FakeEngine(names.map((n) => summary(n))), {columns: 80, rows: 40});
		await waitFor(() => expect(app!.frame()).toContain('bulk01'));
		app.press('\u0001');
		app.press('d');
		await waitFor(() => expect(app!.frame()).toContain('Remove bulk01'));
		const text = flat(app.frame());
		for (const n of names) expect(text).toContain(n);
		expect(text).toMatch(/are running: killed first \(docker rm -f\)\./);
		expect(text).toContain('Anonymous volumes are kept');
		expect(text).not.toContain('more?');
		for (const line of app.frame().split('\n')) expect(line.length).toBeLessThanOrEqual(80);
	});

	it('show the link graph\'s whole question at 80 columns', async () => {
		app = renderApp(linked(), {columns: 80, rows: 30});
		await waitFor(() => expect(app!.frame()).toContain('cache'));
		app.press('L');
		await waitFor(() => expect(app!.frame()).toContain('web --db--> db'));
		app.press('x');
		await waitFor(() => expect(app!.frame()).toContain('Remove the link web --db--> db?'));
		const text = flat(app.frame());
		expect(text).toContain('web loses --link db:db: no more DB_* env vars, no /etc/hosts line for db');
		expect(text).toContain('the original is put back if a step fails');
		app.press(KEY.esc);
	});
});
