/**
 * The operations layer against the real private engine: the port change (all three kinds), the
 * conflict check with its suggestion, create-and-start, and the lifecycle actions.
 */
import {afterAll, describe, expect, it} from 'vitest';
import {EngineError} from '../../source/engine/engine.js';
import {portLinesOf} from '../../source/model/binding-diff.js';
import {createAndStart, CreateError} from '../../source/operations/create.js';
import {autoRemoveNames, runLifecycle} from '../../source/operations/lifecycle.js';
import {checkPortConflicts} from '../../source/operations/port-conflicts.js';
import {changePorts} from '../../source/operations/ports.js';
import {docker, dockerOk, privateEngine, uniqueName} from '../support/engine.js';
import {freePort, holdPort, removeWithVolumes} from './recreate-support.js';

const engine = privateEngine();
const made: string[] = [];

afterAll(async () => {
	await removeWithVolumes(engine, made, docker);
	engine.close();
});

async function make(label: string, args: string[], command: 'run' | 'create' = 'run'): Promise<string> {
	const name = uniqueName(label);
	made.push(name);
	await dockerOk(command === 'run' ? ['run', '-d', '--name', name, ...args] : ['create', '--name', name, ...args]);
	return name;
}

const dockerPort = async (name: string): Promise<string> => (await dockerOk(['port', name])).trim();
const exists = async (name: string): Promise<boolean> => (await docker(['inspect', name])).code === 0;

/** Two different loopback ports free right now. */
async function twoFreePorts(): Promise<[number, number]> {
	const a = await freePort();
	let b = await freePort();
	while (b === a) b = await freePort();
	return [a, b];
}

describe('changePorts', () => {
	it('publish: the named port gets exactly the new binding, another keeps its own; the diff says so', async () => {
		const [p1, p2] = await twoFreePorts();
		const name = await make('pub', ['-p', `127.0.0.1:${p1}:5000`, '--expose', '6000', 'dnet/webapp']);
		const change = await changePorts(engine, name, {kind: 'publish', bindings: {'6000/tcp': [{HostIp: '127.0.0.1', HostPort: String(p2)}]}});
		expect(change.before.name).toBe(name);
		expect(change.after.id).toBe(change.result.newId);
		expect(change.after.id).not.toBe(change.before.id);
		expect(await dockerPort(name)).toBe(`5000/tcp -> 127.0.0.1:${p1}\n6000/tcp -> 127.0.0.1:${p2}`);
		expect(change.diff).toEqual([`  5000/tcp -> 127.0.0.1:${p1}`, `+ 6000/tcp -> 127.0.0.1:${p2}`]);
	}, 60_000);

	it('unpublish: the port loses its binding and the exposure only its -p made; the image\'s EXPOSE stays', async () => {
		const [p1, p2] = await twoFreePorts();
		const name = await make('unpub', ['-p', `127.0.0.1:${p1}:5000`, '-p', `127.0.0.1:${p2}:6000`, 'dnet/webapp']);
		const change = await changePorts(engine, name, {kind: 'unpublish', ports: ['6000/tcp']});
		expect(await dockerPort(name)).toBe(`5000/tcp -> 127.0.0.1:${p1}`);
		expect(change.after.exposedPorts).toEqual(['5000/tcp']);
		// 5000 is dnet/webapp's own EXPOSE: unpublished, it stays exposed.
		const again = await changePorts(engine, name, {kind: 'unpublish', ports: ['5000/tcp']});
		expect(again.after.exposedPorts).toEqual(['5000/tcp']);
		expect(again.after.portBindings).toEqual({});
		expect(change.diff).toEqual([`- 6000/tcp -> 127.0.0.1:${p2}`, `  5000/tcp -> 127.0.0.1:${p1}`]);
	}, 60_000);

	it('replace: the whole bindings, -P off, a new port exposed (the editor)', async () => {
		const [p1] = await twoFreePorts();
		const name = await make('repl', ['-P', 'dnet/webapp']);
		const change = await changePorts(engine, name, {
			kind: 'replace',
			bindings: {'7000/udp': [{HostIp: '127.0.0.1', HostPort: String(p1)}]},
			publishAll: false,
			exposed: ['7000/udp'],
		});
		expect(change.after.publishAllPorts).toBe(false);
		expect(change.after.exposedPorts).toEqual(['5000/tcp', '7000/udp']);
		expect(await dockerPort(name)).toBe(`7000/udp -> 127.0.0.1:${p1}`);
		// The editor removes the 7000/udp row: its exposure goes with it (not the image's).
		const removed = await changePorts(engine, name, {kind: 'replace', bindings: {}, publishAll: false, exposed: []});
		expect(removed.after.exposedPorts).toEqual(['5000/tcp']);
		const published = portLinesOf(change.before);
		expect(published.length).toBeGreaterThan(0);
		expect(change.diff).toEqual([...published.map((l) => `- ${l}`), `+ 7000/udp -> 127.0.0.1:${p1}`]);
	}, 60_000);
});

describe('checkPortConflicts', () => {
	it('flags a port another container publishes and suggests the next free one', async () => {
		const [port] = await twoFreePorts();
		const holder = await make('holder', ['-p', `127.0.0.1:${port}:5000`, 'dnet/webapp']);
		const name = await make('wants', ['dnet/webapp']);
		const id = (await engine.inspectContainer(name)).id;
		const notes = await checkPortConflicts(engine, id, {'5000/tcp': [{HostIp: '127.0.0.1', HostPort: String(port)}]});
		expect(notes).toHaveLength(1);
		expect(notes[0]).toMatchObject({
			message: `127.0.0.1:${port}/tcp is already published by container ${holder}`,
			containerPort: '5000/tcp',
			hostIp: '127.0.0.1',
			hostPort: port,
			protocol: 'tcp',
			heldBy: holder,
		});
		const suggestion = notes[0]?.suggestion ?? 0;
		expect(suggestion).toBeGreaterThan(port);
		expect(suggestion).toBeLessThanOrEqual(port + 50);
		expect(await checkPortConflicts(engine, id, {'5000/tcp': [{HostIp: '127.0.0.1', HostPort: String(suggestion)}]})).toEqual([]);
	}, 60_000);

	it('flags a port a process holds (new container), and skips ports the same change asks for', async () => {
		const [port] = await twoFreePorts();
		const held = await holdPort(port);
		const next = await holdPort(port + 1).catch(() => null);
		try {
			const notes = await checkPortConflicts(engine, null, {
				'5000/tcp': [{HostIp: '127.0.0.1', HostPort: String(port)}],
				'6000/tcp': [{HostIp: '127.0.0.1', HostPort: String(port + 2)}],
			});
			expect(notes).toHaveLength(1);
			expect(notes[0]).toMatchObject({message: `127.0.0.1:${port}/tcp is already in use by a process on this machine`, heldBy: null});
			// port + 1 is held too (when it could be), port + 2 is asked for by the same change.
			const suggestion = notes[0]?.suggestion ?? 0;
			expect(suggestion).toBeGreaterThan(next ? port + 2 : port);
			expect(suggestion).not.toBe(port + 2);
		} finally {
			await held.close();
			await next?.close();
		}
	}, 60_000);

	it('finds nothing for random host ports', async () => {
		expect(await checkPortConflicts(engine, null, {'5000/tcp': [{HostIp: '', HostPort: ''}]})).toEqual([]);
	});
});

describe('createAndStart', () => {
	it('creates and starts with an engine-chosen name, which it returns without the slash', async () => {
		const {id, name} = await createAndStart(engine, {
			name: null,
			image: 'dnet/webapp',
			command: [],
			publish: [],
			publishAll: false,
			expose: ['6000'],
			links: [],
			autoRemove: false,
			dryRun: false,
		});
		made.push(id);
		expect(name).toMatch(/^[a-z]+_[a-z]+\d*$/);
		expect((await dockerOk(['inspect', '-f', '{{.Name}} {{.State.Running}}', id])).trim()).toBe(`/${name} true`);
	}, 60_000);

	it('removes a container that cannot start (port already allocated) and says which stage failed', async () => {
		const [port] = await twoFreePorts();
		await make('alloc', ['-p', `127.0.0.1:${port}:5000`, 'dnet/webapp']);
		const name = uniqueName('nostart');
		made.push(name);
		const failure = await createAndStart(engine, {
			name,
			image: 'dnet/webapp',
			command: [],
			publish: [`127.0.0.1:${port}:5000`],
			publishAll: false,
			expose: [],
			links: [],
			autoRemove: false,
			dryRun: false,
		}).catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(CreateError);
		const e = failure as CreateError;
		expect(e.stage).toBe('start');
		expect(e.cause).toBeInstanceOf(EngineError);
		expect(e.message).toContain('port is already allocated');
		expect(e.cleanup).toBeNull();
		expect(await exists(name)).toBe(false);
	}, 60_000);

	it('fails at create for a missing image, leaving nothing', async () => {
		const name = uniqueName('noimage');
		made.push(name);
		const failure = await createAndStart(engine, {
			name,
			image: 'dnet/does-not-exist',
			command: [],
			publish: [],
			publishAll: false,
			expose: [],
			links: [],
			autoRemove: false,
			dryRun: false,
		}).catch((error: unknown) => error);
		expect(failure).toMatchObject({stage: 'create', cleanup: null});
		expect((failure as CreateError).cause).toMatchObject({kind: 'not-found'});
		expect(await exists(name)).toBe(false);
	}, 60_000);
});

describe('runLifecycle and autoRemoveNames', () => {
	it('stops, starts, restarts and removes every target, reporting failures one line each', async () => {
		const a = await make('life-a', ['dnet/webapp']);
		const b = await make('life-b', ['--rm', 'dnet/webapp']);
		const targets = await Promise.all([a, b].map(async (n) => ({id: (await engine.inspectContainer(n)).id, name: n, running: true})));
		expect(await autoRemoveNames(engine, [...targets, {id: 'no-such-container', name: 'ghost'}])).toEqual([b]);
		expect(await runLifecycle(engine, 'restart', targets, {removeVolumes: false})).toEqual([]);
		expect(await runLifecycle(engine, 'stop', targets, {removeVolumes: false})).toEqual([]);
		expect((await dockerOk(['inspect', '-f', '{{.State.Status}}', a])).trim()).toBe('exited');
		expect(await runLifecycle(engine, 'start', targets.slice(0, 1), {removeVolumes: false})).toEqual([]);
		expect((await dockerOk(['inspect', '-f', '{{.State.Running}}', a])).trim()).toBe('true');
		const errors = await runLifecycle(engine, 'remove', [{...targets[0]!, running: true}, {id: 'no-such-container', name: 'ghost', running: false}], {removeVolumes: true});
		expect(errors).toEqual([{short: 'remove ghost: No such container: no-such-container', full: 'remove ghost: No such container: no-such-container'}]);
		expect(await exists(a)).toBe(false);
	}, 60_000);
});

describe('errors keep their cause', () => {
	it('a start that fails on a taken host port says "port is already allocated" first, the engine\'s words whole in the full text', async () => {
		const [port] = await twoFreePorts();
		await make('alloc-holder', ['-p', `127.0.0.1:${port}:5000`, 'dnet/webapp']);
		const old = await make('alloc-old', ['-p', `127.0.0.1:${port}:5000`, 'dnet/webapp'], 'create');
		const id = (await engine.inspectContainer(old)).id;
		const [failure] = await runLifecycle(engine, 'start', [{id, name: old, running: false}], {removeVolumes: false});
		expect(failure?.short).toMatch(new RegExp(`^start ${old}: port is already allocated \\(Bind for 127\\.0\\.0\\.1:${port} failed; `));
		expect(failure?.full).toMatch(new RegExp(`^start ${old}: .*Bind for 127\\.0\\.0\\.1:${port} failed: port is already allocated$`));
		// The same words, in another order: nothing of the engine's message is lost.
		for (const part of (failure?.full ?? '').slice(`start ${old}: `.length).split(/:\s+/)) expect(failure?.short).toContain(part);
	}, 60_000);
});

describe('one conflict rule: host ports stopped containers ask for', () => {
	it('are warnings of the check (for a container and one not created yet), of a port change, and of createAndStart', async () => {
		const [port] = await twoFreePorts();
		const old = await make('asks', ['-p', `127.0.0.1:${port}:5000`, 'dnet/webapp'], 'create');
		const web = await make('wants-asked', ['dnet/webapp']);
		const message = `127.0.0.1:${port}/tcp is also asked for by ${old} (stopped): it could not start while this runs`;
		const wanted = {'5000/tcp': [{HostIp: '127.0.0.1', HostPort: String(port)}]};
		for (const id of [(await engine.inspectContainer(web)).id, null]) {
			const notes = await checkPortConflicts(engine, id, wanted);
			expect(notes).toHaveLength(1);
			expect(notes[0]).toMatchObject({message, heldBy: old, holderRunning: false, hostPort: port});
			expect(notes[0]?.suggestion).toBeGreaterThan(port);
		}
		const change = await changePorts(engine, web, {kind: 'publish', bindings: wanted});
		expect(change.result.warnings).toEqual([message]);
		expect(await dockerPort(web)).toBe(`5000/tcp -> 127.0.0.1:${port}`);
		// The warning was true: the stopped one cannot start now.
		const start = await docker(['start', old]);
		expect(start.code).toBe(1);
		expect(start.stderr).toContain('port is already allocated');
		// A second container asking for it while web holds it: refused by the check (held now).
		const held = await checkPortConflicts(engine, null, wanted);
		expect(held.map((n) => [n.heldBy, n.holderRunning])).toEqual([[web, true]]);
	}, 60_000);

	it('createAndStart warns and goes on when only a stopped container asks for the port', async () => {
		const [port] = await twoFreePorts();
		const old = await make('asks-run', ['-p', `127.0.0.1:${port}:5000`, 'dnet/webapp'], 'create');
		const name = uniqueName('run-warned');
		made.push(name);
		const created = await createAndStart(engine, {name, image: 'dnet/webapp', command: [], publish: [`127.0.0.1:${port}:5000`], publishAll: false, expose: [], links: [], autoRemove: false, dryRun: false});
		expect(created.warnings).toEqual([`127.0.0.1:${port}/tcp is also asked for by ${old} (stopped): it could not start while this runs`]);
		expect(await dockerPort(name)).toBe(`5000/tcp -> 127.0.0.1:${port}`);
	}, 60_000);
});
