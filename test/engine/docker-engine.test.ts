/**
 * Every Engine operation the UI relies on, against the real private engine, with the docker CLI
 * (`docker inspect`, `docker port`, `docker version`) as the oracle.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {DockerEngine} from '../../source/engine/docker-engine.js';
import {EngineError, type EngineEvent} from '../../source/engine/engine.js';
import {inspectName} from '../../source/model/container.js';
import {docker, dockerOk, privateEngine, removeContainers, uniqueName} from '../support/engine.js';
import {freePort} from '../support/ports.js';

/** A port free on `host` right now (bound, then released). */

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

async function rejection(p: Promise<unknown>): Promise<EngineError> {
	try {
		await p;
	} catch (error) {
		expect(error).toBeInstanceOf(EngineError);
		return error as EngineError;
	}
	throw new Error('expected the operation to fail');
}

async function inspectJson(name: string): Promise<Record<string, any>> {
	return (JSON.parse(await dockerOk(['inspect', name])) as Array<Record<string, any>>)[0] as Record<string, any>;
}

const ESC = '\u001b';
const src = uniqueName('src');
const web = uniqueName('web');
const made = uniqueName('made'); // created, never started
const autoRm = uniqueName('rm');
const evil = uniqueName('evil');
const life = uniqueName('life');
const lifeRenamed = uniqueName('life2');
const ev = uniqueName('ev');
const evRenamed = uniqueName('ev2');
const evAfter = uniqueName('evafter');
const evWarm = uniqueName('evwarm');
const all = [web, src, made, autoRm, evil, life, lifeRenamed, ev, evRenamed, evAfter, evWarm];

let engine: DockerEngine;
let v6Port = 0;
let udpPort = 0;

beforeAll(async () => {
	engine = privateEngine();
	[v6Port, udpPort] = await Promise.all([freePort('::1'), freePort('127.0.0.1')]);
	await Promise.all([
		dockerOk(['run', '-d', '--name', src, 'dnet/webapp']),
		dockerOk(['create', '--name', made, 'dnet/webapp', 'sleep', '1000']),
		dockerOk(['create', '--rm', '--name', autoRm, '-p', '127.0.0.1::5000', 'dnet/webapp', 'sleep', '1000']),
		dockerOk([
			'create',
			'--name',
			evil,
			'--label',
			`x=a${ESC}[31mred`,
			'--env',
			`E=${ESC}]0;title\u0007v`,
			'dnet/webapp',
			'sleep',
			`1000${ESC}[2J`,
		]),
	]);
	await dockerOk([
		'run',
		'-d',
		'--name',
		web,
		'-p',
		'127.0.0.1::5000',
		'-p',
		`[::1]:${v6Port}:5000`,
		'-p',
		`127.0.0.1:${udpPort}:5000/udp`,
		'--link',
		`${src}:alias`,
		'dnet/webapp',
	]);
});

afterAll(async () => {
	engine?.close();
	await removeContainers(all);
});

describe('info', () => {
	it('reports the version the docker CLI sees', async () => {
		const info = await engine.info();
		const [version, api, os] = (await dockerOk(['version', '--format', '{{.Server.Version}}|{{.Server.APIVersion}}|{{.Server.Os}}']))
			.trim()
			.split('|');
		expect(info.version).toBe(version);
		expect(info.apiVersion).toBe(api);
		expect(info.os).toBe(os);
		expect(info.arch).not.toBe('');
		expect(engine.isLocal).toBe(true);
		expect(engine.endpoint).toMatch(/^unix:\/\//);
	});
});

describe('listContainers', () => {
	it('running only, or all', async () => {
		const [running, everything] = await Promise.all([engine.listContainers(false), engine.listContainers(true)]);
		const runningNames = running.map((c) => c.name);
		const allNames = everything.map((c) => c.name);
		expect(runningNames).toEqual(expect.arrayContaining([web, src]));
		expect(runningNames).not.toContain(made);
		expect(runningNames).not.toContain(evil);
		expect(allNames).toEqual(expect.arrayContaining([web, src, made, autoRm, evil]));
		const oracle = (await dockerOk(['ps', '-a', '--format', '{{.ID}}'])).trim().split('\n');
		const mine = everything.filter((c) => all.includes(c.name));
		for (const c of mine) expect(oracle).toContain(c.id.slice(0, 12));
	});

	it('names carry no slash; states and image as docker ps', async () => {
		const list = await engine.listContainers(true);
		const webRow = list.find((c) => c.name === web);
		const srcRow = list.find((c) => c.name === src);
		const madeRow = list.find((c) => c.name === made);
		expect(webRow?.state).toBe('running');
		expect(srcRow?.state).toBe('running');
		expect(madeRow?.state).toBe('created');
		expect(webRow?.image).toBe('dnet/webapp');
		expect(webRow?.status).toMatch(/^Up /);
		expect(madeRow?.status).toBe('Created');
		// the source of a link is listed once, under its own name, not as web/alias
		expect(list.filter((c) => c.id === srcRow?.id)).toHaveLength(1);
		for (const c of list) expect(c.name).not.toContain('/');
		expect(madeRow?.command).toBe('sleep 1000');
		expect(webRow?.created).toBeGreaterThan(Date.now() / 1000 - 600);
	});

	it('maps published ports as docker port reports them', async () => {
		const list = await engine.listContainers(false);
		const row = list.find((c) => c.name === web);
		expect(row).toBeDefined();
		const fromDocker = (await dockerOk(['port', web]))
			.trim()
			.split('\n')
			.map((line) => {
				const m = /^(\d+)\/(tcp|udp|sctp) -> \[?([^\]]*?)\]?:(\d+)$/.exec(line.trim());
				if (!m) throw new Error(`unexpected docker port line: ${line}`);
				return `${m[3]}|${m[4]}|${m[1]}|${m[2]}`;
			})
			.sort();
		const fromEngine = (row?.ports ?? []).map((p) => `${p.ip}|${p.publicPort}|${p.privatePort}|${p.type}`).sort();
		expect(fromEngine).toEqual(fromDocker);
		expect(row?.ports).toEqual(
			expect.arrayContaining([
				{ip: '::1', publicPort: v6Port, privatePort: 5000, type: 'tcp'},
				{ip: '127.0.0.1', publicPort: udpPort, privatePort: 5000, type: 'udp'},
			]),
		);
		const random = row?.ports.find((p) => p.ip === '127.0.0.1' && p.type === 'tcp');
		expect(random?.publicPort).toBeGreaterThan(0);
		expect(random?.publicPort).not.toBe(v6Port);
	});

	it('an exposed, unpublished port has neither ip nor public port; a created container lists none', async () => {
		const list = await engine.listContainers(true);
		expect(list.find((c) => c.name === src)?.ports).toEqual([{privatePort: 5000, type: 'tcp'}]);
		// not started: the engine lists no ports at all (docker ps shows an empty PORTS), even with a binding asked for
		expect(list.find((c) => c.name === made)?.ports).toEqual([]);
		expect(list.find((c) => c.name === autoRm)?.ports).toEqual([]);
		const oracle = await dockerOk(['ps', '-a', '--filter', `name=^/${autoRm}$`, '--format', '{{.Ports}}']);
		expect(oracle.trim()).toBe('');
	});

	it('links come from the source container names', async () => {
		const list = await engine.listContainers(true);
		expect(list.find((c) => c.name === web)?.links).toEqual([{source: src, alias: 'alias'}]);
		expect(list.find((c) => c.name === src)?.links).toEqual([]);
		const names = (await dockerOk(['ps', '--no-trunc', '--filter', `name=^/${src}$`, '--format', '{{.Names}}'])).trim();
		expect(names.split(',').sort()).toEqual([src, `${web}/alias`].sort());
	});

	it('networks with the IP address docker inspect reports', async () => {
		const list = await engine.listContainers(true);
		const ip = (await dockerOk(['inspect', '-f', '{{.NetworkSettings.Networks.bridge.IPAddress}}', web])).trim();
		expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
		const nets = list.find((c) => c.name === web)?.networks ?? [];
		expect(nets.map((n) => [n.name, n.ipAddress])).toEqual([['bridge', ip]]);
		const createdNets = list.find((c) => c.name === made)?.networks ?? [];
		expect(createdNets.map((n) => [n.name, n.ipAddress])).toEqual([['bridge', '']]);
	});
});

describe('inspectContainer', () => {
	it('matches docker inspect for a running container with bindings and a link', async () => {
		const [details, raw, nameOut] = await Promise.all([
			engine.inspectContainer(web),
			inspectJson(web),
			dockerOk(['inspect', '-f', '{{.Name}}', web]),
		]);
		expect(inspectName(details.name)).toBe(nameOut.trim());
		expect(details.name).toBe(web);
		expect(details.id).toBe(raw['Id']);
		expect(details.image).toBe('dnet/webapp');
		expect(details.imageId).toBe(raw['Image']);
		expect(details.command).toBe([raw['Path'], ...(raw['Args'] as string[])].join(' '));
		expect(details.command.length).toBeGreaterThan(0);
		expect(details.state.running).toBe(true);
		expect(details.state.status).toBe('running');
		expect(details.exposedPorts).toEqual(Object.keys(raw['Config']['ExposedPorts']).sort());
		expect(details.exposedPorts).toEqual(['5000/tcp', '5000/udp']);
		const asMap = (m: Record<string, Array<{HostIp: string; HostPort: string}> | null>): Record<string, unknown> =>
			Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v === null ? null : v.map((b) => ({hostIp: b.HostIp, hostPort: b.HostPort}))]));
		expect(details.portBindings).toEqual(asMap(raw['HostConfig']['PortBindings']));
		expect(details.ports).toEqual(asMap(raw['NetworkSettings']['Ports']));
		// asked for: a random port; bound: a real one
		expect(details.portBindings['5000/tcp']).toEqual(
			expect.arrayContaining([
				{hostIp: '127.0.0.1', hostPort: ''},
				{hostIp: '::1', hostPort: String(v6Port)},
			]),
		);
		const bound = details.ports['5000/tcp']?.find((b) => b.hostIp === '127.0.0.1');
		expect(Number(bound?.hostPort)).toBeGreaterThan(0);
		expect(details.ports['5000/udp']).toEqual([{hostIp: '127.0.0.1', hostPort: String(udpPort)}]);
		expect(details.autoRemove).toBe(false);
		expect(details.links).toEqual([{source: src, alias: 'alias'}]);
		expect(raw['HostConfig']['Links']).toEqual([`/${src}:/${web}/alias`]);
		expect(details.networks.map((n) => [n.name, n.ipAddress, n.gateway, n.macAddress])).toEqual([
			[
				'bridge',
				raw['NetworkSettings']['Networks']['bridge']['IPAddress'],
				raw['NetworkSettings']['Networks']['bridge']['Gateway'],
				raw['NetworkSettings']['Networks']['bridge']['MacAddress'],
			],
		]);
		expect(details.hostname).toBe(raw['Config']['Hostname']);
	});

	it('AutoRemove for --rm; not running: no bound ports, the requested bindings kept', async () => {
		const details = await engine.inspectContainer(autoRm);
		expect(details.autoRemove).toBe(true);
		expect(details.state.running).toBe(false);
		expect(details.state.status).toBe('created');
		expect(details.portBindings).toEqual({'5000/tcp': [{hostIp: '127.0.0.1', hostPort: ''}]});
		expect(details.ports).toEqual({});
		expect(details.links).toEqual([]);
		expect((await engine.inspectContainer(made)).autoRemove).toBe(false);
	});

	it('by id and by id prefix', async () => {
		const id = (await dockerOk(['inspect', '-f', '{{.Id}}', made])).trim();
		expect((await engine.inspectContainer(id)).name).toBe(made);
		expect((await engine.inspectContainer(id.slice(0, 12))).name).toBe(made);
	});

	it('inspectContainerRaw is the JSON docker inspect prints', async () => {
		const [raw, cli] = await Promise.all([engine.inspectContainerRaw(web), inspectJson(web)]);
		expect(raw).toEqual(cli);
	});
});

describe('control characters from the engine', () => {
	it('are stripped from labels, command and env in list and inspect', async () => {
		const row = (await engine.listContainers(true)).find((c) => c.name === evil);
		expect(row?.labels['x']).toBe('a[31mred');
		expect(row?.command).toBe('sleep 1000[2J');
		const details = await engine.inspectContainer(evil);
		expect(details.labels['x']).toBe('a[31mred');
		expect(details.command).toBe('sleep 1000[2J');
		expect(details.env).toContain('E=]0;titlev');
		// …while the engine really holds them
		const raw = await engine.inspectContainerRaw(evil);
		expect((raw['Config'] as {Labels: Record<string, string>}).Labels['x']).toBe(`a${ESC}[31mred`);
		const text = JSON.stringify([row, details]);
		expect(text).not.toMatch(/\\u001b|\\u0007/);
	});
});

describe('lifecycle', () => {
	it('create, start, stop (twice), restart, rename, remove', async () => {
		const id = await engine.createContainer(life, {Image: 'dnet/webapp', Cmd: ['sleep', '1000'], Labels: {purpose: 'test'}});
		expect(id).toMatch(/^[0-9a-f]{64}$/);
		const state = async (name: string): Promise<string> => (await dockerOk(['inspect', '-f', '{{.State.Status}}', name])).trim();
		expect((await dockerOk(['inspect', '-f', '{{.Id}} {{.Name}} {{index .Config.Labels "purpose"}}', life])).trim()).toBe(
			`${id} /${life} test`,
		);
		expect(await state(life)).toBe('created');

		await engine.startContainer(life);
		expect(await state(life)).toBe('running');
		await engine.startContainer(life); // already started: not an error

		await engine.stopContainer(life, 0);
		expect(await state(life)).toBe('exited');
		await engine.stopContainer(life, 0); // already stopped: not an error
		await engine.stopContainer(id.slice(0, 12)); // and without a timeout

		await engine.startContainer(id);
		const startedAt = (await dockerOk(['inspect', '-f', '{{.State.StartedAt}}', life])).trim();
		await engine.restartContainer(life, 0);
		expect(await state(life)).toBe('running');
		expect((await dockerOk(['inspect', '-f', '{{.State.StartedAt}}', life])).trim()).not.toBe(startedAt);

		await engine.renameContainer(life, lifeRenamed);
		expect((await dockerOk(['inspect', '-f', '{{.Id}}', lifeRenamed])).trim()).toBe(id);
		expect((await docker(['inspect', life])).code).not.toBe(0);

		// running: removing without force is a conflict, with force it goes
		expect((await rejection(engine.removeContainer(lifeRenamed))).kind).toBe('conflict');
		await engine.removeContainer(lifeRenamed, {force: true});
		expect((await docker(['inspect', lifeRenamed])).code).not.toBe(0);
		expect((await docker(['inspect', id])).code).not.toBe(0);
	});

	it('removeContainer without force removes a stopped one', async () => {
		const name = uniqueName('plainrm');
		all.push(name);
		await engine.createContainer(name, {Image: 'dnet/webapp'});
		await engine.removeContainer(name);
		expect((await docker(['inspect', name])).code).not.toBe(0);
	});

	it('createContainer without a name gets one from the engine', async () => {
		const id = await engine.createContainer(null, {Image: 'dnet/webapp', Labels: {dnet_test: all[0] as string}});
		try {
			expect((await dockerOk(['inspect', '-f', '{{.Name}}', id])).trim()).toMatch(/^\/[a-z]+_[a-z]+$/);
		} finally {
			await removeContainers([id]);
		}
	});
});

describe('errors from the real engine', () => {
	const missing = uniqueName('missing');

	it('unknown containers are not-found, on every operation', async () => {
		const ops: Array<[string, () => Promise<unknown>]> = [
			['inspect', () => engine.inspectContainer(missing)],
			['inspectRaw', () => engine.inspectContainerRaw(missing)],
			['start', () => engine.startContainer(missing)],
			['stop', () => engine.stopContainer(missing, 0)],
			['restart', () => engine.restartContainer(missing, 0)],
			['rename', () => engine.renameContainer(missing, uniqueName('x'))],
			['remove', () => engine.removeContainer(missing, {force: true})],
		];
		for (const [label, op] of ops) {
			const e = await rejection(op());
			expect(e.kind, label).toBe('not-found');
			expect(e.statusCode, label).toBe(404);
			expect(e.message, label).toContain(missing);
			expect(e.message, label).not.toMatch(/HTTP code|\n/);
		}
	});

	it('an unknown image is not-found', async () => {
		const e = await rejection(engine.createContainer(uniqueName('noimage'), {Image: 'dnet/does-not-exist:nope'}));
		expect(e.kind).toBe('not-found');
		expect(e.message).toMatch(/dnet\/does-not-exist/);
	});

	it('a name in use is a conflict, on create and on rename', async () => {
		const e = await rejection(engine.createContainer(src, {Image: 'dnet/webapp'}));
		expect(e.kind).toBe('conflict');
		expect(e.statusCode).toBe(409);
		expect(e.message).toContain(`/${src}`);
		const r = await rejection(engine.renameContainer(made, web));
		expect(r.kind).toBe('conflict');
		expect(r.message).toContain(web);
	});

	it('a bad create body is bad-request', async () => {
		const e = await rejection(
			engine.createContainer(uniqueName('bad'), {Image: 'dnet/webapp', HostConfig: {PortBindings: {'5000/tcp': [{HostPort: 'notaport'}]}}}),
		);
		expect(['bad-request', 'server']).toContain(e.kind);
		expect(e.message).toMatch(/port/i);
	});
});

describe('subscribe', () => {
	it('sees create, start, rename, die and destroy done by the docker CLI within a second, then closes cleanly', async () => {
		const events: EngineEvent[] = [];
		const ends: Array<EngineError | undefined> = [];
		const sub = engine.subscribe({onEvent: (e) => events.push(e), onEnd: (e) => ends.push(e)});
		// wait until the stream is open: a warm-up container's create shows up once it is
		let warmedUp = false;
		for (let attempt = 0; attempt < 5 && !warmedUp; attempt++) {
			const warm = (await dockerOk(['create', '--name', evWarm, 'dnet/webapp'])).trim();
			warmedUp = await waitFor(() => (events.some((e) => e.action === 'create' && e.id === warm) ? true : undefined), 1000, 'warm-up').catch(() => false);
			await dockerOk(['rm', evWarm]);
		}
		expect(warmedUp).toBe(true);
		expect(ends).toEqual([]);

		const seen = async (action: string, id: string, type = 'container'): Promise<EngineEvent> => {
			const started = Date.now();
			const event = await waitFor(() => events.find((e) => e.type === type && e.action === action && (type === 'container' ? e.id === id : e.attributes['container'] === id)), 1000, `${type} ${action} ${id}`);
			expect(Date.now() - started).toBeLessThan(1000);
			return event;
		};

		const id = (await dockerOk(['create', '--name', ev, 'dnet/webapp', 'sleep', '1000'])).trim();
		expect((await seen('create', id)).attributes['name']).toBe(ev);
		await dockerOk(['start', ev]);
		await seen('start', id);
		await seen('connect', id, 'network');
		await dockerOk(['rename', ev, evRenamed]);
		const rename = await seen('rename', id);
		expect(rename.attributes['name']).toBe(evRenamed);
		expect(rename.attributes['oldName']).toBe(`/${ev}`);
		await dockerOk(['stop', '-t', '0', evRenamed]);
		await seen('die', id);
		await dockerOk(['rm', evRenamed]);
		await seen('destroy', id);
		for (const e of events) expect(e.timeNano).toBeGreaterThan(0);

		sub.close();
		expect(ends).toEqual([undefined]);
		sub.close(); // closing twice: onEnd still once
		const count = events.length;
		await dockerOk(['create', '--name', evAfter, 'dnet/webapp']);
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(events.length).toBe(count);
		expect(ends).toEqual([undefined]);
	});

	it('engine.close() ends every open subscription', async () => {
		const other = privateEngine();
		const ends: Array<EngineError | undefined> = [];
		other.subscribe({onEvent: () => {}, onEnd: (e) => ends.push(e)});
		other.subscribe({onEvent: () => {}, onEnd: (e) => ends.push(e)});
		await new Promise((resolve) => setTimeout(resolve, 100));
		other.close();
		expect(ends).toEqual([undefined, undefined]);
	});
});
