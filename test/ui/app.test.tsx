import {afterEach, describe, expect, it} from 'vitest';
import {FakeEngine, detailsOf, summary} from '../support/fake-engine.js';
import {waitFor} from '../support/wait-for.js';
import {KEY, renderApp, type Rendered} from './render-app.js';

let app: Rendered | null = null;
afterEach(() => {
	app?.unmount();
	app = null;
});

function scenario(): FakeEngine {
	const db = summary('db', {image: 'dnet/postgres', ports: [{privatePort: 5432, type: 'tcp'}]});
	const web = summary('web', {
		ports: [
			{ip: '0.0.0.0', privatePort: 5000, publicPort: 32768, type: 'tcp'},
			{ip: '::', privatePort: 5000, publicPort: 32768, type: 'tcp'},
		],
		links: [{source: 'db', alias: 'db'}],
	});
	const old = summary('old-web', {state: 'exited', status: 'Exited (137) 5 minutes ago'});
	const engine = new FakeEngine([web, db, old]);
	engine.details.set(
		web.id,
		detailsOf(web, {
			ports: {'5000/tcp': [{hostIp: '0.0.0.0', hostPort: '32768'}, {hostIp: '::', hostPort: '32768'}]},
			publishAllPorts: true,
			autoRemove: true,
		}),
	);
	return engine;
}

const rowOf = (frame: string, name: string): string => frame.split('\n').find((l) => l.includes(` ${name} `)) ?? '';

describe('the container list', () => {
	it('shows running containers with ports like docker ps and links as alias -> source', async () => {
		app = renderApp(scenario());
		await waitFor(() => expect(app!.frame()).toContain('web'));
		const frame = app.frame();
		expect(frame).toMatch(/NAME\s+IMAGE\s+STATUS\s+PORTS\s+LINKS/);
		expect(rowOf(frame, 'web')).toContain('0.0.0.0:32768->5000/tcp, [::]:32768->5000/tcp');
		expect(rowOf(frame, 'web')).toContain('db → db');
		expect(rowOf(frame, 'db')).toContain('5432/tcp');
		expect(frame).not.toContain('old-web');
		expect(frame).toContain('connected');
		expect(frame).toContain('2 running, 3 total');
		expect(frame).toContain('unix:///fake/docker.sock');
	});

	it('toggles stopped containers with a', async () => {
		app = renderApp(scenario());
		await waitFor(() => expect(app!.frame()).toContain('web'));
		app.press('a');
		await waitFor(() => expect(app!.frame()).toContain('old-web'));
		expect(rowOf(app.frame(), 'old-web')).toContain('Exited (137)');
		app.press('a');
		await waitFor(() => expect(app!.frame()).not.toContain('old-web'));
	});

	it('moves the cursor with j/k and arrows', async () => {
		app = renderApp(scenario());
		await waitFor(() => expect(rowOf(app!.frame(), 'db')).toContain('›'));
		app.press('j');
		await waitFor(() => expect(rowOf(app!.frame(), 'web')).toContain('›'));
		app.press(KEY.up);
		await waitFor(() => expect(rowOf(app!.frame(), 'db')).toContain('›'));
	});

	it('filters with / by name and by port number, Esc clears', async () => {
		app = renderApp(scenario());
		await waitFor(() => expect(app!.frame()).toContain('web'));
		app.press('/');
		await waitFor(() => expect(app!.frame()).toContain('Enter apply'));
		app.press('5432');
		await waitFor(() => expect(app!.frame()).not.toContain('dnet/webapp'));
		expect(rowOf(app.frame(), 'db')).toContain('dnet/postgres');
		// Typed letters go to the field, not to the list's keys (q would quit).
		app.press('q');
		await waitFor(() => expect(app!.frame()).toContain('No container matches "5432q"'));
		expect(app.store.getState().quitting).toBe(false);
		app.press(KEY.esc);
		await waitFor(() => expect(app!.frame()).toContain('dnet/webapp'));
		expect(app.store.getState().filter).toBe('');
	});

	it('opens details with Enter: name as docker inspect prints it, ports, links both ways, networks, --rm', async () => {
		app = renderApp(scenario());
		await waitFor(() => expect(app!.frame()).toContain('web'));
		app.press('j');
		await waitFor(() => expect(rowOf(app!.frame(), 'web')).toContain('›'));
		app.press(KEY.enter);
		await waitFor(() => expect(app!.frame()).toContain('5000/tcp -> 0.0.0.0:32768'));
		const frame = app.frame();
		expect(frame).toMatch(/Name\s+\/web/);
		expect(frame).toContain('5000/tcp -> [::]:32768');
		expect(frame).toMatch(/-P\s+every exposed port on a random host port/);
		expect(frame).toMatch(/links to\s+db -> db/);
		expect(frame).toMatch(/bridge\s+172\.17\.0\.2/);
		expect(frame).toMatch(/--rm\s+yes/);
		app.press(KEY.esc);
		await waitFor(() => expect(app!.frame()).toContain('LINKS'));
	});

	it('shows who links to a source container in its details', async () => {
		app = renderApp(scenario());
		await waitFor(() => expect(rowOf(app!.frame(), 'db')).toContain('›'));
		app.press(KEY.enter);
		await waitFor(() => expect(app!.frame()).toMatch(/linked from\s+web \(as db\)/));
	});

	it('shows the help generated from the keymap with ?', async () => {
		app = renderApp(scenario(), {rows: 40});
		await waitFor(() => expect(app!.frame()).toContain('web'));
		app.press('?');
		await waitFor(() => expect(app!.frame()).toContain('Show all containers or'));
		expect(app.frame()).toContain('Filter by name, image');
		expect(app.frame()).toContain('Stop the container');
		app.press(KEY.esc);
		await waitFor(() => expect(app!.frame()).toContain('LINKS'));
	});

	it('quits with q and with Ctrl+C', async () => {
		app = renderApp(scenario());
		await waitFor(() => expect(app!.frame()).toContain('web'));
		app.press('q');
		await waitFor(() => expect(app!.store.getState().quitting).toBe(true));
		app.unmount();
		app = renderApp(scenario());
		await waitFor(() => expect(app!.frame()).toContain('web'));
		app.press(KEY.ctrlC);
		await waitFor(() => expect(app!.store.getState().quitting).toBe(true));
	});

	it('updates live when the engine reports a change', async () => {
		const engine = scenario();
		app = renderApp(engine);
		await waitFor(() => expect(app!.frame()).toContain('web'));
		engine.containers.push(summary('cache', {image: 'redis'}));
		engine.emit({id: 'id-cache', action: 'start'});
		await waitFor(() => expect(app!.frame()).toContain('redis'));
	});

	it('says when the engine went away', async () => {
		const engine = scenario();
		app = renderApp(engine);
		await waitFor(() => expect(app!.frame()).toContain('connected'));
		const {EngineError} = await import('../../source/engine/engine.js');
		const down = new EngineError('unreachable', 'cannot connect to the Docker engine', 'is the Docker daemon running?');
		engine.down = down;
		engine.breakStream(down);
		await waitFor(() => expect(app!.frame()).toContain('disconnected, retrying in 1s'));
		expect(app.frame()).toContain('cannot connect to the Docker engine');
	});

	it('strips control characters the engine sends before drawing them', async () => {
		const engine = new FakeEngine([summary('evil', {image: 'img\u001b[2J\u001b]0;pwned\u0007x'})]);
		app = renderApp(engine);
		await waitFor(() => expect(app!.frame()).toContain('evil'));
		// The fake engine returns raw strings: the UI must not pass escapes through.
		expect(app.frame()).not.toContain('\u001b]0;');
		expect(app.frame()).not.toContain('\u001b[2J');
	});

	it('asks for a larger terminal below the minimum size', async () => {
		app = renderApp(scenario(), {columns: 40, rows: 8});
		await waitFor(() => expect(app!.frame()).toContain('needs a terminal of at least 60x10'));
	});

	it('virtualizes: draws only the rows that fit', async () => {
		const engine = new FakeEngine(Array.from({length: 500}, (_, i) => summary(`c${String(i).padStart(3, '0')}`)));
		app = renderApp(engine, {rows: 24});
		await waitFor(() => expect(app!.frame()).toContain('c000'));
		const lines = app.frame().split('\n');
		expect(lines.length).toBeLessThanOrEqual(23);
		expect(app.frame()).not.toContain('c100');
		app.press('G');
		await waitFor(() => expect(app!.frame()).toContain('c499'));
		expect(app.frame()).not.toContain('c000');
	});

	it('draws ASCII glyphs when the locale is not UTF-8', async () => {
		app = renderApp(scenario(), {ascii: true});
		await waitFor(() => expect(app!.frame()).toContain('web'));
		expect(rowOf(app.frame(), 'web')).toContain('db -> db');
		expect(app.frame()).not.toMatch(/[│●›→…]/);
	});
});

describe('the help screen', () => {
	it('scrolls with j/k when the keys do not fit, and says where it is', async () => {
		app = renderApp(scenario(), {rows: 16, columns: 80});
		await waitFor(() => expect(app!.frame()).toContain('web'));
		app.press('?');
		await waitFor(() => expect(app!.frame()).toMatch(/lines 1-\d+ of \d+; j for more/));
		const first = app.frame();
		expect(first).toContain('Everywhere');
		app.press('G');
		await waitFor(() => expect(app!.frame()).toMatch(/lines \d+-(\d+) of \1; k for more/));
		expect(app.frame()).not.toContain('Everywhere');
		const maxScroll = app.store.getState().help.maxScroll;
		expect(maxScroll).toBeGreaterThan(0);
		expect(app.store.getState().help.scroll).toBe(maxScroll);
		app.press('j');
		expect(app.store.getState().help.scroll).toBe(maxScroll);
		app.press('g');
		await waitFor(() => expect(app!.store.getState().help.scroll).toBe(0));
	});
});

describe('actions from the details view', () => {
	it('edits the ports of, and renames, the container shown', async () => {
		app = renderApp(scenario(), {columns: 120, rows: 30});
		await waitFor(() => expect(app!.frame()).toContain('web'));
		app.press('j');
		await waitFor(() => expect(rowOf(app!.frame(), 'web')).toContain('›'));
		app.press(KEY.enter);
		await waitFor(() => expect(app!.frame()).toMatch(/Name\s+\/web/));
		app.press('p');
		await waitFor(() => expect(app!.frame()).toContain('Ports of web'));
		// Esc goes back where the editor was opened: the details of web (issue 11: the view is kept).
		app.press(KEY.esc);
		await waitFor(() => expect(app!.frame()).toMatch(/Name\s+\/web/));
		expect(app.frame()).not.toContain('LINKS');
		app.press('r');
		await waitFor(() => expect(app!.frame()).toContain('Rename web (docker rename)'));
	});
});

describe('the help screen opened from a screen', () => {
	it('opens at the keys of what had the keyboard (the port editor)', async () => {
		app = renderApp(scenario(), {rows: 20, columns: 80});
		await waitFor(() => expect(app!.frame()).toContain('web'));
		app.press('p');
		await waitFor(() => expect(app!.frame()).toContain('Ports of'));
		app.press('?');
		await waitFor(() => expect(app!.frame()).toContain('Port editor'));
		expect(app.frame()).not.toContain('Everywhere');
		expect(app.frame()).toContain('Edit the row in docker syntax');
	});
});
