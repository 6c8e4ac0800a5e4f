/**
 * The Engine's network operations against the real private engine: create (with a subnet and
 * gateway), list and inspect (members with IPs and aliases), connect with an alias and reach the
 * alias from another container, disconnect, remove.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {DockerEngine} from '../../source/engine/docker-engine.js';
import {EngineError} from '../../source/engine/engine.js';
import {failure} from '../../source/features/net-ops/effects.js';
import {docker, dockerOk, privateEngine, removeContainers, uniqueName} from '../support/engine.js';

const n = 10 + (process.pid % 200);
const subnet = `10.251.${n}.0/24`;
const gateway = `10.251.${n}.1`;
const net = uniqueName('net');
const server = uniqueName('server');
const client = uniqueName('client');
let engine: DockerEngine;

beforeAll(async () => {
	engine = privateEngine();
	await dockerOk(['run', '-d', '--name', server, 'dnet/webapp']);
	// busybox wget in dnet/webapp crashes on name lookups; the nc of dnet/postgres resolves names.
	await dockerOk(['create', '--name', client, 'dnet/postgres']);
});

afterAll(async () => {
	await removeContainers([server, client]);
	await docker(['network', 'rm', net]);
	engine.close();
});

/** `GET /` on HOST:5000 from the client, by name (what nc answers, empty when unreachable). */
async function httpGet(host: string): Promise<string> {
	const got = await docker(['exec', client, 'sh', '-c', `printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 3 ${host} 5000`]);
	return got.stdout;
}

describe('network operations', () => {
	it('creates a network with a subnet and gateway and lists it with the predefined ones', async () => {
		const id = await engine.createNetwork(net, {subnet, gateway});
		expect(id).toMatch(/^[0-9a-f]{64}$/);
		const networks = await engine.listNetworks();
		const mine = networks.find((x) => x.name === net);
		expect(mine).toMatchObject({id, driver: 'bridge', scope: 'local', internal: false, predefined: false, pools: [{subnet, gateway}], containers: []});
		expect(networks.find((x) => x.name === 'bridge')).toMatchObject({predefined: true, driver: 'bridge'});
		expect(networks.map((x) => x.name)).toEqual([...networks.map((x) => x.name)].sort((a, b) => a.localeCompare(b)));
		const bridge = networks.find((x) => x.name === 'bridge');
		const serverId = (await dockerOk(['inspect', '-f', '{{.Id}}', server])).trim();
		const onBridge = bridge?.containers.find((c) => c.id === serverId);
		expect(onBridge?.name).toBe(server);
		expect(onBridge?.ipv4).toBe((await dockerOk(['inspect', '-f', '{{.NetworkSettings.Networks.bridge.IPAddress}}', server])).trim());
		await expect(engine.createNetwork(net)).rejects.toMatchObject({kind: 'conflict'});
	});

	it('connects a container with an alias that another container on the network reaches', async () => {
		await engine.connectNetwork(net, server, {Aliases: ['svc', 'svc2']});
		await engine.connectNetwork(net, client, {});
		await dockerOk(['start', client]);
		const info = await engine.inspectNetwork(net);
		const member = info.containers.find((c) => c.name === server);
		expect(member?.aliases).toEqual(['svc', 'svc2']);
		expect(member?.ipv4).toMatch(new RegExp(`^10\\.251\\.${n}\\.\\d+$`));
		expect(info.containers.map((c) => c.name)).toEqual([server, client].sort());
		const got = await httpGet('svc');
		expect(got).toMatch(/^HTTP\/1\.1 200 OK/);
		expect(got).toContain('Hello from the dnet web app');
	});

	it('disconnects and removes; a missing network is not-found', async () => {
		await engine.disconnectNetwork(net, server);
		expect((await engine.inspectNetwork(net)).containers.map((c) => c.name)).toEqual([client]);
		expect(await httpGet('svc')).not.toContain('200 OK');
		const busy = await engine.removeNetwork(net).catch((error: unknown) => error);
		expect(busy).toBeInstanceOf(EngineError);
		// Worded for the user: no internal function name, the cause and who is still attached.
		const said = await failure(engine, {kind: 'removeNetwork', name: net}, busy);
		expect(said.short).toBe(`cannot remove the network ${net}: it has active endpoints (${client})`);
		expect(said.full).toBe(`cannot remove the network ${net}: ${(busy as EngineError).message}`);
		expect(said.full).toMatch(/has active endpoints/);
		await engine.disconnectNetwork(net, client, true);
		await engine.removeNetwork(net);
		expect((await engine.listNetworks()).some((x) => x.name === net)).toBe(false);
		await expect(engine.removeNetwork(net)).rejects.toMatchObject({kind: 'not-found'});
		await expect(engine.inspectNetwork(net)).rejects.toMatchObject({kind: 'not-found'});
		expect((await dockerOk(['ps', '-a', '--filter', `name=^${server}$`, '--format', '{{.State}}'])).trim()).toBe('running');
	});
});

describe('a network made with a subnet only', () => {
	const bare = uniqueName('bare');
	const member = uniqueName('member');
	afterAll(async () => {
		await removeContainers([member]);
		await docker(['network', 'rm', bare]);
	});

	it('lists the gateway the engine gave it (its IPAM config has none), as the member sees it', async () => {
		const m = 10 + ((process.pid + 7) % 200);
		await dockerOk(['network', 'create', '--subnet', `10.250.${m}.0/24`, bare]);
		expect((await dockerOk(['network', 'inspect', bare, '-f', '{{range .IPAM.Config}}{{.Gateway}}{{end}}'])).trim()).toBe('');
		await dockerOk(['run', '-d', '--name', member, '--network', bare, 'dnet/webapp']);
		const seen = (await dockerOk(['inspect', member, '-f', `{{(index .NetworkSettings.Networks "${bare}").Gateway}}`])).trim();
		expect(seen).toMatch(/^10\.250\.\d+\.\d+$/);
		const listed = (await engine.listNetworks()).find((x) => x.name === bare);
		expect(listed?.pools).toEqual([{subnet: `10.250.${m}.0/24`, gateway: seen}]);
	});
});
