import {afterEach, describe, expect, it} from 'vitest';
import {detailsOf, summary} from '../support/fake-engine.js';
import {RecreateFake} from '../support/recreate-fake.js';
import {waitFor} from '../support/wait-for.js';
import {KEY, renderApp, type Rendered} from './render-app.js';

let app: Rendered | null = null;
afterEach(() => {
	app?.unmount();
	app = null;
});

/** web: published with -P (exposes 5000/tcp); db holds host port 8080. */
function engine(): RecreateFake {
	const web = summary('web', {ports: [{ip: '0.0.0.0', privatePort: 5000, publicPort: 32768, type: 'tcp'}]});
	const db = summary('db', {image: 'dnet/postgres', ports: [{ip: '0.0.0.0', privatePort: 5432, publicPort: 8080, type: 'tcp'}]});
	const e = new RecreateFake([web, db]);
	e.details.set(web.id, detailsOf(web, {publishAllPorts: true, portBindings: {}, exposedPorts: ['5000/tcp']}));
	e.details.set(db.id, detailsOf(db, {portBindings: {'5432/tcp': [{hostIp: '', hostPort: '8080'}]}, exposedPorts: ['5432/tcp']}));
	return e;
}

/** Opens the editor on web (the first row by name is db). */
async function openOnWeb(e: RecreateFake): Promise<Rendered> {
	const r = renderApp(e, {columns: 120, rows: 30});
	app = r;
	await waitFor(() => expect(r.frame()).toContain('web'));
	r.press('j');
	await waitFor(() => expect(r.store.getState().selectedId).toBe('id-web'));
	r.press('p');
	await waitFor(() => expect(r.frame()).toContain('Ports of web (dnet/webapp, running)'));
	return r;
}

describe('port editor', () => {
	it('shows the rows as docker syntax and as fields, and -P', async () => {
		const e = engine();
		e.details.set('id-web', detailsOf(summary('web'), {publishAllPorts: true, portBindings: {'5000/udp': [{hostIp: '127.0.0.1', hostPort: ''}]}}));
		const r = await openOnWeb(e);
		const row = r.frame().split('\n').find((l) => l.includes('127.0.0.1::5000/udp')) ?? '';
		expect(row).toMatch(/127\.0\.0\.1::5000\/udp\s+127\.0\.0\.1\s+random\s+5000\s+udp/);
		expect(r.frame()).toContain('[x] -P publish every exposed port (5000/tcp)');
	});

	it('validates a typed spec with the docker CLI message, and refuses it until fixed', async () => {
		const r = await openOnWeb(engine());
		r.press('a');
		await waitFor(() => expect(r.frame()).toContain('port>'));
		r.press('127.0.0.1:8o80:5000');
		await waitFor(() => expect(r.frame()).toContain('invalid hostPort: 8o80'));
		r.press(KEY.enter);
		await waitFor(() => expect(r.store.getState().field?.text).toBe('127.0.0.1:8o80:5000'));
		expect(r.frame()).toContain('port>');
		let text = '127.0.0.1:8o80:5000';
		while (text !== '127.0.0.1:8') {
			text = text.slice(0, -1);
			r.press('\u007f');
			await waitFor(() => expect(r.store.getState().field?.text).toBe(text));
		}
		r.press('080:5000/udp');
		await waitFor(() => expect(r.frame()).toContain('host 127.0.0.1 port 8080 -> container 5000/udp'));
		expect(r.frame()).not.toContain('invalid');
		r.press(KEY.enter);
		await waitFor(() => expect(r.store.getState().field).toBeNull());
		expect(r.store.getState().editor?.rows).toEqual(['127.0.0.1:8080:5000/udp']);
		r.press('a');
		await waitFor(() => expect(r.frame()).toContain('port>'));
		r.press('5000/tcpx');
		await waitFor(() => expect(r.frame()).toContain('invalid proto: tcpx'));
	});

	it('adds, deletes and toggles -P; Esc asks before dropping changes', async () => {
		const e = engine();
		const r = await openOnWeb(e);
		r.press('a');
		await waitFor(() => expect(r.frame()).toContain('port>'));
		r.press('9000:5000');
		r.press(KEY.enter);
		await waitFor(() => expect(r.store.getState().editor?.rows).toEqual(['9000:5000']));
		r.press('P');
		await waitFor(() => expect(r.frame()).toContain('[ ] -P'));
		r.press('k');
		r.press('x');
		await waitFor(() => expect(r.store.getState().editor?.rows).toEqual([]));
		expect(r.frame()).toContain('no port mapping (a adds one)');
		r.press(KEY.esc);
		await waitFor(() => expect(r.frame()).toContain('Discard the changes to web? y discard  n keep editing'));
		r.press('n');
		await waitFor(() => expect(r.frame()).not.toContain('Discard the changes'));
		r.press(KEY.esc);
		await waitFor(() => expect(r.frame()).toContain('Discard the changes'));
		r.press('y');
		await waitFor(() => expect(r.store.getState().screen).toBe('list'));
		expect(e.done).toEqual([]);
	});

	it('reviews old -> new and the docker run line, goes back with n, applies with y', async () => {
		const e = engine();
		const r = await openOnWeb(e);
		r.press('a');
		await waitFor(() => expect(r.frame()).toContain('port>'));
		r.press('127.0.0.1:8081:5000');
		r.press(KEY.enter);
		r.press('P');
		await waitFor(() => expect(r.store.getState().editor?.publishAll).toBe(false));
		r.press('w');
		await waitFor(() => expect(r.frame()).toContain('host ports: no conflict'));
		const frame = r.frame();
		expect(frame).toContain('+ 5000/tcp -> 127.0.0.1:8081');
		expect(frame).toContain('- -P (every exposed port on a random host port)');
		expect(frame).toContain('docker run -d --name web -p 127.0.0.1:8081:5000 dnet/webapp');
		r.press('n');
		await waitFor(() => expect(r.frame()).toContain('[ Apply ]'));
		expect(e.done).toEqual([]);
		r.press('j');
		r.press(KEY.enter);
		await waitFor(() => expect(r.frame()).toContain('host ports: no conflict'));
		r.press('y');
		await waitFor(() => expect(r.frame()).toMatch(/recreated web: id-new-1/));
		expect(e.done).toContain('create web');
		const body = e.created[0]?.body as {HostConfig: {PortBindings: unknown; PublishAllPorts: boolean}};
		expect(body.HostConfig.PortBindings).toEqual({'5000/tcp': [{HostIp: '127.0.0.1', HostPort: '8081'}]});
		expect(body.HostConfig.PublishAllPorts).toBe(false);
	});

	it('flags a host port another container publishes and suggests the next free one', async () => {
		const e = engine();
		const r = await openOnWeb(e);
		r.press('a');
		await waitFor(() => expect(r.frame()).toContain('port>'));
		r.press('8080:5000');
		r.press(KEY.enter);
		r.press('w');
		await waitFor(() => expect(r.frame()).toContain('CONFLICT: 0.0.0.0:8080/tcp is already published by container db; next free port: 8081 (u uses it)'));
		r.press('u');
		await waitFor(() => expect(r.frame()).toContain('host ports: no conflict'));
		expect(r.frame()).toContain('+ 5000/tcp -> 0.0.0.0:8081');
		expect(r.store.getState().editor?.rows).toEqual(['8081:5000']);
		expect(e.done).toEqual([]);
	});

	it('reports a failed recreate in one line', async () => {
		const e = engine();
		const r = await openOnWeb(e);
		r.press('a');
		await waitFor(() => expect(r.frame()).toContain('port>'));
		r.press('9001:5000');
		r.press(KEY.enter);
		r.press('w');
		await waitFor(() => expect(r.frame()).toContain('host ports: no conflict'));
		e.startError = new (await import('../../source/engine/engine.js')).EngineError('server', 'driver failed: port is already allocated');
		r.press('y');
		await waitFor(() => expect(r.frame()).toContain('could not recreate web: start-new failed: port is already allocated (driver failed)'));
	});

	it('is refused under --read-only', async () => {
		const e = engine();
		app = renderApp(e, {readOnly: true});
		await waitFor(() => expect(app!.frame()).toContain('web'));
		app.press('p');
		await waitFor(() => expect(app!.frame()).toContain('read-only'));
		expect(app.store.getState().screen).toBe('list');
	});
});
