/**
 * The port editor and the new-container form through the real store and effects, against the
 * real private engine: what the user does in the TUI, minus the terminal.
 */
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {formItems} from '../../source/features/form/spec.js';
import {docker, dockerOk, privateEngine, removeContainers, uniqueName} from '../support/engine.js';
import {connectedStore, filterTo, send, type AppStore} from '../support/store-driver.js';
import {waitFor} from '../support/wait-for.js';
import {freePort} from '../support/ports.js';

const engine = privateEngine();
const made: string[] = [];
let store: AppStore | null = null;

afterEach(() => {
	store?.stop();
	store = null;
});
afterAll(async () => {
	await removeContainers(made);
	engine.close();
});

const connected = (showAll = true): Promise<AppStore> => connectedStore(engine, {showAll});

describe('port editor on the real engine', () => {
	it('changes a -P container to -p 127.0.0.1:<port>:5000', async () => {
		const name = uniqueName('edit');
		made.push(name);
		await dockerOk(['run', '-d', '-P', '--name', name, 'dnet/webapp']);
		const port = await freePort();
		const s = (store = await connected());
		await filterTo(s, name);
		send(s, 'editPorts');
		await waitFor(() => expect(s.getState().editor?.original?.publishAll).toBe(true), 5000);
		send(s, 'rowAdd', {type: 'field/set', text: `127.0.0.1:${port}:5000`}, 'fieldAccept', 'togglePublishAll', 'editorApply');
		await waitFor(() => expect(s.getState().editor?.conflicts).toEqual([]), 5000);
		send(s, 'confirmYes');
		await waitFor(() => expect(s.getState().notice?.text ?? '').toMatch(new RegExp(`^recreated ${name}: [0-9a-f]{12}$`)), 20_000);
		expect((await dockerOk(['port', name])).trim()).toBe(`5000/tcp -> 127.0.0.1:${port}`);
		expect((await dockerOk(['inspect', '-f', '{{.HostConfig.PublishAllPorts}}', name])).trim()).toBe('false');
	}, 40_000);

	it('flags a host port another container holds and suggests a free one', async () => {
		const holder = uniqueName('holder');
		const name = uniqueName('edit2');
		made.push(holder, name);
		const port = await freePort();
		await dockerOk(['run', '-d', '-p', `127.0.0.1:${port}:5000`, '--name', holder, 'dnet/webapp']);
		await dockerOk(['run', '-d', '--name', name, 'dnet/webapp']);
		const s = (store = await connected());
		await filterTo(s, name);
		send(s, 'editPorts');
		await waitFor(() => expect(s.getState().editor?.original).not.toBeNull(), 5000);
		send(s, 'rowAdd', {type: 'field/set', text: `127.0.0.1:${port}:5000`}, 'fieldAccept', 'editorApply');
		await waitFor(() => expect(s.getState().editor?.conflicts?.length).toBe(1), 10_000);
		const conflict = s.getState().editor?.conflicts?.[0];
		expect(conflict?.message).toBe(`127.0.0.1:${port}/tcp is already published by container ${holder}`);
		expect(conflict?.suggestion).toBeGreaterThan(port);
	}, 40_000);
});

describe('new-container form on the real engine', () => {
	async function fill(s: AppStore, fields: {name: string; port: number; link?: string}): Promise<void> {
		send(s, 'newContainer');
		await waitFor(() => expect(s.getState().form?.images).toContain('dnet/webapp:latest'), 5000);
		send(s, {type: 'form/image', image: 'dnet/webapp:latest'}, 'down', 'rowEdit', {type: 'field/set', text: fields.name}, 'fieldAccept');
		send(s, 'rowAdd', {type: 'field/set', text: `127.0.0.1:${fields.port}:5000`}, 'fieldAccept');
		if (fields.link) {
			const form = s.getState().form;
			if (!form) throw new Error('no form');
			const target = formItems(form, s.getState().containers).findIndex((i) => i.kind === 'link' && i.source === fields.link);
			expect(target).toBeGreaterThan(0);
			while ((s.getState().form?.cursor ?? 0) < target) send(s, 'down');
			send(s, 'toggleItem');
		}
	}

	it('creates and starts a container with ports and a link', async () => {
		const db = uniqueName('db');
		const name = uniqueName('new');
		made.push(db, name);
		await dockerOk(['run', '-d', '--name', db, 'dnet/postgres']);
		const port = await freePort();
		const s = (store = await connected(false));
		await waitFor(() => expect(s.getState().containers.some((c) => c.name === db)).toBe(true), 5000);
		await fill(s, {name, port, link: db});
		send(s, 'editorApply');
		await waitFor(() => expect(s.getState().notice?.text ?? '').toMatch(new RegExp(`^created ${name}: [0-9a-f]{12}$`)), 20_000);
		const inspect = JSON.parse(await dockerOk(['inspect', '-f', '{{json .HostConfig}}', name])) as {PortBindings: unknown; Links: string[]};
		expect(inspect.PortBindings).toEqual({'5000/tcp': [{HostIp: '127.0.0.1', HostPort: String(port)}]});
		expect(inspect.Links).toEqual([`/${db}:/${name}/${db}`]);
		expect((await dockerOk(['inspect', '-f', '{{.State.Running}}', name])).trim()).toBe('true');
	}, 40_000);

	it('creates nothing over a host port another container publishes (the form checks first; a start failure is removed: test/engine/operations.test.ts)', async () => {
		const holder = uniqueName('holder2');
		const name = uniqueName('nostart');
		made.push(holder, name);
		const port = await freePort();
		await dockerOk(['run', '-d', '-p', `127.0.0.1:${port}:5000`, '--name', holder, 'dnet/webapp']);
		const s = (store = await connected(false));
		await fill(s, {name, port});
		send(s, 'editorApply');
		await waitFor(() => expect(s.getState().form?.error ?? '').toMatch(new RegExp(`^cannot create ${name} \\(nothing was created\\): 127\\.0\\.0\\.1:${port}/tcp is already published by container ${holder}: \\d+ is free$`)), 20_000);
		expect(s.getState().form?.stage).toBe('edit');
		const left = await docker(['inspect', name]);
		expect(left.code).not.toBe(0);
	}, 40_000);
});
