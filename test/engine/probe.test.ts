/** The ports view's probe and bindings loader against real published ports of the private engine. */
import net from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {probeAddress, probeTcp} from '../../source/engine/probe.js';
import {createBindingsLoader} from '../../source/features/ports/effects.js';
import type {Action} from '../../source/app/actions.js';
import {dockerOk, privateEngine, removeContainers, uniqueName} from '../support/engine.js';
import {waitFor} from '../support/wait-for.js';

const engine = privateEngine();
const web = uniqueName('probe-web');
const stopped = uniqueName('probe-stopped');

beforeAll(async () => {
	// 5000: the web app listens; 6000: nothing listens (docker-proxy accepts, then closes).
	await dockerOk(['run', '-d', '--name', web, '-p', '127.0.0.1::5000', '-p', '127.0.0.1::6000', '-P', 'dnet/webapp']);
	await dockerOk(['create', '--name', stopped, '-p', '127.0.0.1:24680:5000', '-p', '127.0.0.1::5001/udp', 'dnet/webapp']);
});
afterAll(async () => {
	await removeContainers([web, stopped]);
	engine.close();
});

async function hostPort(name: string, spec: string): Promise<number> {
	const line = (await dockerOk(['port', name, spec])).trim().split('\n')[0] ?? '';
	return Number(line.slice(line.lastIndexOf(':') + 1));
}

describe('probing published ports', () => {
	it('finds the web app open on its published loopback port, and on the wildcard via loopback', async () => {
		const port = await hostPort(web, '5000');
		const result = await waitFor(async () => {
			const r = await probeTcp('127.0.0.1', port, 1000);
			expect(r.status).toBe('open');
			return r;
		}, 10_000);
		expect(result.target).toBe(`127.0.0.1:${port}`);
		expect(result.ms).toBeGreaterThanOrEqual(0);
		expect(result.ms).toBeLessThan(1000);
		expect(probeAddress('0.0.0.0')).toBe('127.0.0.1');
		expect(probeAddress('::')).toBe('::1');
	});

	it('holds the connection: open when the container side keeps it, closed when it lets go at once', async () => {
		const listening = await hostPort(web, '5000');
		const open = await waitFor(async () => {
			const r = await probeTcp('127.0.0.1', listening, 1000, 300);
			expect(r.status).toBe('open');
			return r;
		}, 10_000);
		expect(open.heldMs).toBeGreaterThanOrEqual(290);
		const nobody = await hostPort(web, '6000');
		const closed = await probeTcp('127.0.0.1', nobody, 1000, 300);
		expect(closed).toMatchObject({status: 'closed', target: `127.0.0.1:${nobody}`});
		expect(closed.heldMs).toBeLessThan(300);
		expect(closed.ms).toBeLessThan(1000);
	});

	it('says refused for a port nobody listens on', async () => {
		const server = net.createServer();
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const port = (server.address() as net.AddressInfo).port;
		await new Promise<void>((resolve) => server.close(() => resolve()));
		const result = await probeTcp('127.0.0.1', port, 1000);
		expect(result.status).toBe('refused');
		expect(result.heldMs).toBeUndefined();
	});

	it('gathers live bindings of running and requested bindings of stopped containers', async () => {
		const actions: Action[] = [];
		const load = createBindingsLoader(engine);
		const containers = (await engine.listContainers(true)).filter((c) => c.name === web || c.name === stopped);
		await load(containers, (a) => actions.push(a));
		const loaded = actions.find((a): a is Extract<Action, {type: 'ports/loaded'}> => a.type === 'ports/loaded');
		expect(loaded).toBeDefined();
		const rows = loaded!.rows.map((r) => `${r.containerName === web ? 'web' : 'stopped'} ${r.hostIp} ${r.hostPort === null ? 'random' : 'fixed'} ${r.containerPort}/${r.protocol} ${r.requested}`);
		expect(rows).toContain('web 127.0.0.1 fixed 5000/tcp false');
		expect(rows).toContain('stopped 127.0.0.1 fixed 5000/tcp true');
		expect(rows).toContain('stopped 127.0.0.1 random 5001/udp true');
		const fixed = loaded!.rows.find((r) => r.containerName === stopped && r.hostPort !== null);
		expect(fixed?.hostPort).toBe(24680);
	});
});
