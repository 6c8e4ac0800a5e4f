/**
 * The port doctor in the TUI on the fake engine (issue 16): `D` on a container and on a binding
 * opens the diagnosis, in the same words as `dnet doctor`; Esc returns where D was pressed.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {FakeEngine, detailsOf, summary} from '../support/fake-engine.js';
import {waitFor} from '../support/wait-for.js';
import {KEY, renderApp, type Rendered} from './render-app.js';

let app: Rendered | null = null;
afterEach(() => {
	app?.unmount();
	app = null;
});

/** `/proc/net/tcp` of a container whose app listens on 127.0.0.1:5000 only. */
const LOOPBACK_TCP = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:1388 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1
`;

function engineWithWeb(): FakeEngine {
	const web = summary('web', {ports: [{ip: '127.0.0.1', privatePort: 5000, publicPort: 7081, type: 'tcp'}]});
	const engine = new FakeEngine([web]);
	engine.details.set(web.id, detailsOf(web, {ports: {'5000/tcp': [{hostIp: '127.0.0.1', hostPort: '7081'}]}, portBindings: {'5000/tcp': [{hostIp: '127.0.0.1', hostPort: '7081'}]}}));
	engine.execOutputs.set('web', new Map([['cat /proc/net/tcp', LOOPBACK_TCP]]));
	return engine;
}

describe('the port doctor screen', () => {
	it('D on the list diagnoses the container: an app on 127.0.0.1 inside is a FAIL with its fix; Esc goes back', async () => {
		app = renderApp(engineWithWeb(), {columns: 120, rows: 30});
		await waitFor(() => expect(app!.frame()).toContain('web'));
		app.press('D');
		await waitFor(() => expect(app!.frame()).toContain('FAIL  the app listens on 127.0.0.1:5000 inside web: published traffic cannot reach it'));
		const frame = app.frame();
		expect(frame).toContain('Port doctor: web (a problem was found)');
		expect(frame).toContain('web 5000/tcp -> 127.0.0.1:7081');
		expect(frame).toContain('ok    container is running');
		expect(frame).toContain('ok    published: 127.0.0.1:7081 -> 5000/tcp (reachable from this machine only)');
		expect(frame).toContain('fix: make it listen on 0.0.0.0:5000 (or [::]:5000)');
		expect(frame).toContain('--    host side not probed: nothing to reach until the app listens');
		expect(app.engine.calls).toContain('exec web cat /proc/net/tcp');
		expect(app.engine.done).toEqual([]);
		app.press(KEY.esc);
		await waitFor(() => expect(app!.frame()).not.toContain('Port doctor'));
	});

	it('D on a binding of the ports view diagnoses that port; with no cat it says what it could not check', async () => {
		const engine = engineWithWeb();
		engine.execOutputs.clear();
		app = renderApp(engine, {columns: 160, rows: 30});
		await waitFor(() => expect(app!.frame()).toContain('web'));
		app.press('P');
		await waitFor(() => expect(app!.frame()).toMatch(/7081\s+5000\/tcp/));
		app.press('D');
		await waitFor(() => expect(app!.frame()).toContain('Port doctor: web 5000/tcp'));
		await waitFor(() => expect(app!.frame()).toMatch(/-- {4}could not read what listens inside web: the image has no cat/));
		app.press(KEY.esc);
		await waitFor(() => expect(app!.frame()).toMatch(/7081\s+5000\/tcp/));
	});

	it('D on a list filtered to nothing diagnoses nothing', async () => {
		app = renderApp(engineWithWeb(), {columns: 120, rows: 30});
		await waitFor(() => expect(app!.frame()).toContain('web'));
		app.press('/zzz');
		app.press(KEY.enter);
		await waitFor(() => expect(app!.frame()).toContain('matching "zzz"'));
		app.press('D');
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(app.frame()).not.toContain('Port doctor');
		expect(app.engine.calls.some((c) => c.startsWith('exec'))).toBe(false);
	});

	it('D on the details diagnoses the container shown', async () => {
		app = renderApp(engineWithWeb(), {columns: 120, rows: 30});
		await waitFor(() => expect(app!.frame()).toContain('web'));
		app.press(KEY.enter);
		await waitFor(() => expect(app!.frame()).toMatch(/5000\/tcp/));
		app.press('D');
		await waitFor(() => expect(app!.frame()).toContain('FAIL  the app listens on 127.0.0.1:5000 inside web'));
	});
});

describe('the port doctor follows the engine', () => {
	it('runs the diagnosis again when an event touches the container: the app now listening on all interfaces passes', async () => {
		const engine = engineWithWeb();
		app = renderApp(engine, {columns: 120, rows: 30});
		await waitFor(() => expect(app!.frame()).toContain('web'));
		app.press('D');
		await waitFor(() => expect(app!.frame()).toContain('FAIL  the app listens on 127.0.0.1:5000 inside web'));
		const reads = () => app!.engine.calls.filter((c) => c === 'exec web cat /proc/net/tcp').length;
		const before = reads();
		// An event about another container changes nothing.
		engine.emit({id: 'id-other', action: 'start'});
		// The app is restarted on all interfaces: the engine says the container restarted.
		engine.execOutputs.set('web', new Map([['cat /proc/net/tcp', LOOPBACK_TCP.replace('0100007F:1388', '00000000:1388')]]));
		engine.emit({id: 'id-web', action: 'restart'});
		await waitFor(() => expect(app!.frame()).toContain('ok    the app listens on 0.0.0.0:5000 inside web (all interfaces; read from cat in the container)'));
		expect(reads()).toBeGreaterThan(before);
		expect(app.frame()).not.toContain('checking again');
	});
});

describe('the port doctor and its own reads', () => {
	it('does not run again on the exec events its own cat causes', async () => {
		const engine = engineWithWeb();
		app = renderApp(engine, {columns: 120, rows: 30});
		await waitFor(() => expect(app!.frame()).toContain('web'));
		app.press('D');
		await waitFor(() => expect(app!.frame()).toContain('FAIL  the app listens on 127.0.0.1:5000 inside web'));
		const reads = app.engine.calls.filter((c) => c === 'exec web cat /proc/net/tcp').length;
		for (const action of ['exec_create', 'exec_start', 'exec_die']) engine.emit({id: 'id-web', action});
		engine.emit({id: 'id-web', action: 'restart'});
		// one diagnosis more (it reads the table as many times as the first), not four
		await waitFor(() => expect(app!.engine.calls.filter((c) => c === 'exec web cat /proc/net/tcp').length).toBe(2 * reads));
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(app.engine.calls.filter((c) => c === 'exec web cat /proc/net/tcp').length).toBe(2 * reads);
	});
});
