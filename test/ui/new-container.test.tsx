import {afterEach, describe, expect, it} from 'vitest';
import {EngineError} from '../../source/engine/engine.js';
import {summary} from '../support/fake-engine.js';
import {RecreateFake} from '../support/recreate-fake.js';
import {waitFor} from '../support/wait-for.js';
import {KEY, renderApp, type Rendered} from './render-app.js';

let app: Rendered | null = null;
afterEach(() => {
	app?.unmount();
	app = null;
});

function engine(): RecreateFake {
	const e = new RecreateFake([summary('db', {image: 'dnet/postgres'}), summary('web')]);
	e.images = [
		{id: 'sha256:1', tags: ['dnet/webapp:latest'], created: 2, size: 1},
		{id: 'sha256:2', tags: ['dnet/postgres:latest'], created: 1, size: 1},
	];
	return e;
}

async function open(e: RecreateFake): Promise<Rendered> {
	const r = renderApp(e, {columns: 120, rows: 34});
	app = r;
	await waitFor(() => expect(r.frame()).toContain('web'));
	r.press('n');
	await waitFor(() => expect(r.frame()).toContain('New container (docker run -d)'));
	await waitFor(() => expect(r.store.getState().form?.images).not.toBeNull());
	return r;
}

/** Types into the open field one chunk, then Enter. */
async function type(r: Rendered, text: string): Promise<void> {
	await waitFor(() => expect(r.store.getState().field).not.toBeNull());
	r.press(text);
	await waitFor(() => expect(r.store.getState().field?.text).toBe(text));
	r.press(KEY.enter);
	await waitFor(() => expect(r.store.getState().field).toBeNull());
}

describe('new-container form', () => {
	it('picks an image, validates the name, shows docker run live, creates and starts with ports and a link', async () => {
		const e = engine();
		const r = await open(e);
		r.press('i');
		await waitFor(() => expect(r.frame()).toContain('Local images'));
		expect(r.frame()).toContain('dnet/postgres:latest');
		r.press(KEY.enter);
		await waitFor(() => expect(r.store.getState().form?.image).toBe('dnet/webapp:latest'));
		r.press('j');
		r.press(KEY.enter);
		await type(r, 'bad name');
		await waitFor(() => expect(r.frame()).toContain('Invalid container name (bad name), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed'));
		r.press(KEY.enter);
		await waitFor(() => expect(r.store.getState().field).not.toBeNull());
		r.press('\u007f'.repeat(1));
		await waitFor(() => expect(r.store.getState().field?.text).toBe('bad nam'));
		r.store.dispatch({type: 'field/set', text: 'web'});
		r.press(KEY.enter);
		await waitFor(() => expect(r.frame()).toContain('Conflict. The container name "/web" is already in use by container "id-web"'));
		r.press(KEY.enter);
		await waitFor(() => expect(r.store.getState().field).not.toBeNull());
		r.store.dispatch({type: 'field/set', text: 'web2'});
		r.press(KEY.enter);
		await waitFor(() => expect(r.frame()).not.toContain('Conflict.'));
		r.press('a');
		await type(r, '127.0.0.1:8080:5000');
		// The cursor is on the new port row; below it: -P, --rm, db, web, Create.
		r.press('jj ');
		await waitFor(() => expect(r.store.getState().form?.autoRemove).toBe(true));
		r.press('j ');
		await waitFor(() => expect(r.frame()).toContain('docker run -d --rm --name web2 -p 127.0.0.1:8080:5000 --link db dnet/webapp:latest'));
		r.press(KEY.enter);
		await waitFor(() => expect(r.store.getState().field?.target.kind).toBe('alias'));
		r.store.dispatch({type: 'field/set', text: 'a:b'});
		await waitFor(() => expect(r.frame()).toContain('invalid argument "db:a:b" for "--link" flag: bad format for links: db:a:b'));
		r.store.dispatch({type: 'field/set', text: 'database'});
		r.press(KEY.enter);
		await waitFor(() => expect(r.frame()).toContain('--link db:database'));
		r.press('w');
		await waitFor(() => expect(r.frame()).toContain('created web2: id-new-1'));
		expect(e.done).toEqual(['create web2', 'start web2']);
		const body = e.created[0]?.body as {Image: string; HostConfig: {PortBindings: unknown; Links: string[]; AutoRemove: boolean}};
		expect(body.Image).toBe('dnet/webapp:latest');
		expect(body.HostConfig.PortBindings).toEqual({'5000/tcp': [{HostIp: '127.0.0.1', HostPort: '8080'}]});
		expect(body.HostConfig.Links).toEqual(['db:database']);
		expect(body.HostConfig.AutoRemove).toBe(true);
	});

	it('removes the container when it cannot start and shows the engine error', async () => {
		const e = engine();
		e.startError = new EngineError('server', 'driver failed programming external connectivity: Bind for 0.0.0.0:8080 failed: port is already allocated');
		const r = await open(e);
		r.press(KEY.enter);
		await type(r, 'dnet/webapp');
		r.press('a');
		await type(r, '8080:5000');
		r.press('w');
		await waitFor(() => expect(r.frame()).toContain('port is already allocated'));
		expect(e.done).toEqual(['create fake_name_1', 'remove fake_name_1']);
		expect(r.store.getState().screen).toBe('new');
	});

	it('refuses Create while a field is wrong; Esc asks before discarding', async () => {
		const e = engine();
		const r = await open(e);
		r.press('w');
		await waitFor(() => expect(r.frame()).toContain('image: pick a local image (i) or type one (Enter)'));
		r.press(KEY.enter);
		await type(r, 'busybox');
		r.press(KEY.esc);
		await waitFor(() => expect(r.frame()).toContain('Discard this new container?'));
		r.press('y');
		await waitFor(() => expect(r.store.getState().screen).toBe('list'));
		expect(e.done).toEqual([]);
	});
});
