/** The smaller defects of issue 11 (item 15) that the UI shows. */
import {afterEach, describe, expect, it} from 'vitest';
import {FakeEngine, summary} from '../support/fake-engine.js';
import {waitFor} from '../support/wait-for.js';
import {KEY, renderApp, type Rendered} from './render-app.js';

let app: Rendered | null = null;
afterEach(() => {
	app?.unmount();
	app = null;
});

function published(): FakeEngine {
	return new FakeEngine([
		summary('web', {ports: [{ip: '127.0.0.1', privatePort: 5000, publicPort: 8000, type: 'tcp'}]}),
		summary('db', {image: 'dnet/postgres', ports: [{ip: '127.0.0.1', privatePort: 5432, publicPort: 5432, type: 'tcp'}]}),
	]);
}

describe('the ports view and the list', () => {
	it('keep their filters apart: a filter typed in one is not applied, nor cleared, in the other', async () => {
		app = renderApp(published(), {columns: 120, rows: 24});
		await waitFor(() => expect(app!.frame()).toContain('db'));
		app.press('/web\r');
		await waitFor(() => expect(app!.frame()).toContain('matching "web"'));
		app.press('P');
		await waitFor(() => expect(app!.frame()).toContain('5432'));
		expect(app.frame()).not.toContain('matching "web"');
		app.press('/5432\r');
		await waitFor(() => expect(app!.frame()).toContain('matching "5432"'));
		expect(app.frame()).not.toContain('8000');
		app.press(KEY.esc);
		await waitFor(() => expect(app!.frame()).toContain('8000'));
		app.press(KEY.esc);
		await waitFor(() => expect(app!.frame()).toContain('matching "web"'));
		expect(app.store.getState().filter).toBe('web');
	});

	it('shows no probe result of an earlier visit', async () => {
		app = renderApp(published(), {columns: 120, rows: 24, prober: async (host, port) => ({status: 'refused', target: `${host}:${port}`, ms: 1})});
		await waitFor(() => expect(app!.frame()).toContain('db'));
		app.press('P');
		await waitFor(() => expect(app!.frame()).toContain('5432'));
		app.press(KEY.enter);
		await waitFor(() => expect(app!.frame()).toContain('refused'));
		app.press(KEY.esc);
		await waitFor(() => expect(app!.frame()).toContain('LINKS'));
		app.press('P');
		await waitFor(() => expect(app!.frame()).toContain('5432'));
		expect(app.frame()).not.toContain('refused');
	});
});

describe('the last change of the links views', () => {
	it('is shown until the next command that is not a move', async () => {
		app = renderApp(new FakeEngine([summary('db'), summary('web', {links: [{source: 'db', alias: 'db'}]})]), {columns: 120, rows: 24});
		await waitFor(() => expect(app!.frame()).toContain('db'));
		app.press('L');
		await waitFor(() => expect(app!.frame()).toContain('web --db--> db'));
		app.store.dispatch({type: 'net/opDone', id: 0, ok: true, text: 'moved', lines: ['web resolves db by DNS on app-net']});
		await waitFor(() => expect(app!.frame()).toContain('Last change:'));
		app.press('j');
		await waitFor(() => expect(app!.store.getState().net.graphCursor).toBe(0));
		expect(app.frame()).toContain('web resolves db by DNS on app-net');
		app.press('N');
		await waitFor(() => expect(app!.frame()).toContain('NETWORK / CONTAINER'));
		expect(app.frame()).not.toContain('web resolves db by DNS on app-net');
	});
});

describe('errors keep their cause', () => {
	it('cut in the footer say so, and ! shows them whole, wrapped', async () => {
		app = renderApp(published(), {columns: 80, rows: 24});
		await waitFor(() => expect(app!.frame()).toContain('db'));
		const text =
			'port is already allocated: start old-web: driver failed programming external connectivity on endpoint old-web (1107f64bf0c2e0c3a1d1): Bind for 0.0.0.0:8000 failed: port is already allocated';
		app.store.dispatch({type: 'job/done', id: -1, errors: []});
		app.store.dispatch({type: 'net/opDone', id: -1, ok: false, text, lines: []});
		await waitFor(() => expect(app!.frame()).toContain('! more'));
		expect(app.frame()).toContain('port is already allocated: start old-web');
		app.press('!');
		await waitFor(() => expect(app!.frame()).toContain('Esc close'));
		const flat = app.frame().split('\n').map((l) => l.replace(/^[│|]\s?/, '').replace(/\s*[│|]$/, '').trim()).join(' ');
		expect(flat).toContain(text);
		app.press(KEY.esc);
		await waitFor(() => expect(app!.frame()).not.toContain('Esc close'));
		expect(app.frame()).not.toContain('0.0.0.0:8000');
	});
});

describe('the new-container form checks host ports with the one conflict rule', () => {
	it('creates nothing over a port held now, and says who holds it', async () => {
		const engine = published();
		app = renderApp(engine, {columns: 120, rows: 30});
		await waitFor(() => expect(app!.frame()).toContain('db'));
		app.press('n');
		await waitFor(() => expect(app!.frame()).toContain('New container'));
		app.press('\rdnet/webapp\rjjj');
		app.press('a127.0.0.1:8000:5000\r');
		await waitFor(() => expect(app!.frame()).toContain('-p 127.0.0.1:8000:5000'));
		app.press('w');
		await waitFor(() => expect(app!.frame()).toContain('is already published by container web'));
		expect(app.frame()).toContain('nothing was created');
		expect(engine.containers.map((c) => c.name).sort()).toEqual(['db', 'web']);
	});
});

describe('the LINKS column', () => {
	it('flags a link whose source is stopped or off the default bridge', async () => {
		const engine = new FakeEngine([
			summary('db', {state: 'exited', status: 'Exited (0) 1 minute ago'}),
			summary('cache', {networks: [{name: 'app-net', ipAddress: '10.0.0.2', aliases: []}]}),
			summary('web', {links: [{source: 'db', alias: 'db'}]}),
			summary('api', {links: [{source: 'cache', alias: 'cache'}]}),
			summary('ok', {links: [{source: 'web', alias: 'w'}]}),
		]);
		app = renderApp(engine, {columns: 160, rows: 24});
		await waitFor(() => expect(app!.frame()).toContain('web'));
		const row = (name: string): string => app!.frame().split('\n').find((l) => l.includes(` ${name} `)) ?? '';
		expect(row('web')).toContain('db → db (stopped)');
		expect(row('api')).toContain('cache → cache (off bridge)');
		expect(row('ok')).toContain('w → web');
		expect(row('ok')).not.toContain('(');
	});
});
