/**
 * The session's engine switch and `:ports all` on real engines (issue 12): contexts made by
 * `docker context create`; a switch moves every call to the new engine, a context that does not
 * answer is refused and the old engine kept; `use` writes what `docker context show` then reports;
 * `:ports all` lists each context's published ports, an unreachable context as such.
 */
import {execFile} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Action} from '../../source/app/actions.js';
import {resolveTarget, type ConnectionEnv} from '../../source/engine/connection.js';
import {DockerEngine} from '../../source/engine/docker-engine.js';
import {engineSwitch, switchableEngine} from '../../source/engine/endpoint/switch.js';
import {loadAllPorts} from '../../source/features/contexts/all-ports.js';
import {dockerOk, privateHost, removeContainers} from '../support/engine.js';

const exec = promisify(execFile);
const config = mkdtempSync(path.join(tmpdir(), 'dnet-switch-'));
const env: ConnectionEnv = {DOCKER_CONFIG: config, HOME: config};
const name = `ctxswitch${process.pid}`;
let port = 0;

const docker = (args: string[]): Promise<string> =>
	exec('docker', args, {env: {PATH: process.env['PATH'], DOCKER_CONFIG: config}}).then((r) => r.stdout.trim());

beforeAll(async () => {
	port = await new Promise<number>((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const a = server.address();
			server.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
		});
	});
	await removeContainers([name]);
	await dockerOk(['run', '-d', '--name', name, '-p', `127.0.0.1:${port}:5000`, 'dnet/webapp']);
	await docker(['context', 'create', 'priv', '--docker', `host=${privateHost()}`]);
	await docker(['context', 'create', 'priv-too', '--description', 'the same engine', '--docker', `host=${privateHost()}`]);
	await docker(['context', 'create', 'down', '--docker', 'host=unix:///tmp/dnet-no-engine-here.sock']);
}, 60_000);

afterAll(async () => {
	await removeContainers([name]);
	rmSync(config, {recursive: true, force: true});
});

describe('the engine switch', () => {
	it('moves every call to the new engine, refuses one that does not answer, and use() is docker context use', async () => {
		const engine = switchableEngine(resolveTarget({context: 'priv'}, env), {context: 'priv'}, env, {DockerEngine});
		const control = engineSwitch(engine)!;
		try {
			expect(control.label()).toBe(`priv (${privateHost()})`);
			expect((await engine.listContainers(true)).map((c) => c.name)).toContain(name);
			let switched = 0;
			control.onSwitch(() => (switched += 1));
			await expect(control.switchTo('down')).rejects.toThrow(/no such socket/);
			expect(control.context()).toBe('priv');
			expect(switched).toBe(0);
			await control.switchTo('priv-too');
			expect(control.context()).toBe('priv-too');
			expect(switched).toBe(1);
			expect((await engine.inspectContainer(name)).name).toBe(name);
			expect(control.rows().find((r) => r.current)?.name).toBe('priv-too');
			control.use('priv-too');
			expect(await docker(['context', 'show'])).toBe('priv-too');
			control.use('default');
			expect(await docker(['context', 'show'])).toBe('default');
			expect(() => control.use('nope')).toThrow(/context "nope": context not found/);
		} finally {
			engine.close();
		}
	});

	it(':ports all lists every context, the one that does not answer said so', async () => {
		const engine = switchableEngine(resolveTarget({context: 'priv'}, env), {context: 'priv'}, env, {DockerEngine});
		const actions: Action[] = [];
		try {
			await loadAllPorts({engine, dispatch: (a) => actions.push(a), prober: () => Promise.reject(new Error('no')), terminal: {copy: () => undefined, suspend: () => undefined}}, engineSwitch(engine)!);
		} finally {
			engine.close();
		}
		const listed = actions.find((a) => a.type === 'contexts/hosts');
		expect(listed?.type === 'contexts/hosts' && listed.hosts.map((h) => `${h.context}:${h.status}`)).toEqual(['default:reading', 'down:reading', 'priv:reading', 'priv-too:reading']);
		const done = new Map(actions.flatMap((a) => (a.type === 'contexts/hostPorts' ? [[a.host.context, a.host] as const] : [])));
		expect(done.get('down')?.status).toBe('error');
		expect(done.get('down')?.error).toMatch(/no such socket/);
		for (const ctx of ['priv', 'priv-too']) {
			expect(done.get(ctx)?.rows).toContainEqual({hostIp: '127.0.0.1', hostPort: port, containerPort: 5000, protocol: 'tcp', container: name, state: 'running'});
		}
	});
});
