/**
 * Swarm services on a real single-node swarm (the private engine, `docker swarm init
 * --advertise-addr 127.0.0.1`, left at the end): the Engine's service, task and node methods
 * against `docker service ls`/`ps`, published ports (host mode answers on loopback; the ingress
 * routing mesh needs IPVS, which this kernel lacks: its port is checked as the engine reports it),
 * a real rolling update of the ports and a failed one rolled back.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {EngineError} from '../../source/engine/engine.js';
import {formatReplicas, formatServicePorts, serviceUpdateLines} from '../../source/model/swarm/format.js';
import {parsePublish, portKey} from '../../source/model/swarm/publish.js';
import type {ServicePort} from '../../source/model/swarm/types.js';
import {changeServicePorts, loadSwarm, type ServiceProgress} from '../../source/operations/services.js';
import {docker, dockerOk, privateEngine, removeContainers, uniqueName} from '../support/engine.js';
import {waitFor} from '../support/wait-for.js';
import {createService, httpGet, initSwarm, leaveSwarm} from './swarm-support.js';
import {serviceCommand} from '../../source/commands/swarm/service-ports.js';
import {servicesCommand} from '../../source/commands/swarm/services.js';
import {recordingContext} from '../commands/support.js';

const engine = privateEngine();
const tag = `${process.pid % 1000}`;
const web = `dnet-sw-web-${tag}`;
const glob = `dnet-sw-glob-${tag}`;
const twin = `dnet-sw-twin-${tag}`;
const holder = uniqueName('holder');
// Host ports of this file only (other tests use 18xxx below 18100).
const P = {web: 18401, web2: 18402, glob: 18411, glob2: 18412, held: 18421};

const keys = (ports: ServicePort[]): string[] => ports.map(portKey).sort();

beforeAll(async () => {
	await leaveSwarm();
}, 60_000);

afterAll(async () => {
	await removeContainers([holder]);
	await leaveSwarm();
	engine.close();
}, 60_000);

describe('an engine that is not a swarm manager', () => {
	it('says so: swarmState inactive, loadSwarm gives the state, listing services fails with the engine words', async () => {
		const swarm = await engine.swarmState();
		expect(swarm).toMatchObject({localState: 'inactive', manager: false});
		expect(await loadSwarm(engine)).toEqual({manager: false, swarm});
		const error = await engine.listServices().catch((e: unknown) => e);
		expect(error).toBeInstanceOf(EngineError);
		expect((error as EngineError).message).toMatch(/not a swarm manager/);
	});
});

describe('a single-node swarm', () => {
	beforeAll(async () => {
		await initSwarm();
		await createService(web, ['--replicas', '2', '--update-parallelism', '0', '--publish', `${P.web}:5000`, '--publish', 'published=18403,target=53,protocol=udp']);
		await createService(glob, ['--mode', 'global', '--publish', `published=${P.glob},target=5000,mode=host`]);
		await waitFor(async () => {
			const out = await dockerOk(['service', 'ls', '--format', '{{.Replicas}}']);
			expect(out.trim().split('\n').sort()).toEqual(['1/1', '2/2']);
		}, 60_000, 250);
	}, 120_000);

	it('lists services as docker service ls shows them: mode, replicas, image, PORTS', async () => {
		const cli = (await dockerOk(['service', 'ls', '--format', '{{.Name}}|{{.Mode}}|{{.Replicas}}|{{.Image}}|{{.Ports}}'])).trim().split('\n').sort();
		const mine = (await engine.listServices()).map((s) => `${s.name}|${s.mode}|${formatReplicas(s)}|${s.image}|${formatServicePorts(s.ports)}`).sort();
		expect(mine).toEqual(cli);
		expect(cli.find((l) => l.startsWith(web))).toContain(`*:${P.web}->5000/tcp`);
	});

	it('reads tasks with their node and state, host-mode ports per task, and the nodes', async () => {
		const load = await loadSwarm(engine);
		if (!load.manager) throw new Error('not a manager');
		const {snapshot} = load;
		expect(snapshot.nodes).toHaveLength(1);
		const node = snapshot.nodes[0];
		expect(node).toMatchObject({id: snapshot.swarm.nodeId, addr: '127.0.0.1', role: 'manager', state: 'ready', leader: true});
		const webId = snapshot.services.find((s) => s.name === web)?.id ?? '';
		const webTasks = snapshot.tasks.filter((t) => t.serviceId === webId && t.desiredState === 'running');
		expect(webTasks.map((t) => t.slot).sort()).toEqual([1, 2]);
		for (const t of webTasks) expect(t).toMatchObject({nodeId: node?.id, state: 'running'});
		const globTask = snapshot.tasks.find((t) => t.serviceId !== webId && t.desiredState === 'running');
		expect(globTask?.hostPorts).toEqual([{protocol: 'tcp', targetPort: 5000, publishedPort: P.glob, publishMode: 'host'}]);
		const cliPs = await dockerOk(['service', 'ps', web, '--filter', 'desired-state=running', '--format', '{{.Name}} {{.CurrentState}}']);
		expect(cliPs.split('\n').filter((l) => l.includes('Running'))).toHaveLength(2);
	});

	it('a host-mode port answers on the node address (loopback); the ingress port is published by the engine', async () => {
		expect(await waitFor(async () => {
			const r = await httpGet('127.0.0.1', P.glob);
			expect(r).toBe(200);
			return r;
		}, 20_000, 200)).toBe(200);
		const {service} = await engine.inspectService(web);
		expect(service.ports).toContainEqual({protocol: 'tcp', targetPort: 5000, publishedPort: P.web, publishMode: 'ingress'});
		expect(service.vips.length).toBeGreaterThan(0);
		// The routing mesh needs IPVS: where the kernel has it the port answers, here it is refused.
		expect([200, 'ECONNREFUSED']).toContain(await httpGet('127.0.0.1', P.web));
	});

	it('changes ingress ports in place (service update), following the update', async () => {
		const progress: ServiceProgress[] = [];
		const after = [...parsePublish(`${P.web2}:5000`), ...parsePublish('published=18403,target=53,protocol=udp')];
		const result = await changeServicePorts(engine, web, after, {onProgress: (p) => progress.push(p), pollMs: 200});
		expect(result.outcome).toBe('completed');
		expect(keys(result.after)).toEqual(keys(after));
		expect(progress.length).toBeGreaterThan(0);
		const spec = JSON.parse(await dockerOk(['service', 'inspect', web, '--format', '{{json .Spec.EndpointSpec.Ports}}'])) as unknown[];
		expect(spec).toHaveLength(2);
		expect((await dockerOk(['service', 'ls', '--filter', `name=${web}`, '--format', '{{.Ports}}'])).trim()).toBe(`*:${P.web2}->5000/tcp, *:18403->53/udp`);
	}, 60_000);

	it('the docker service update line dnet prints makes the same change with the real CLI', async () => {
		await createService(twin, ['--publish', '8501:5000', '--publish', '8502:5000', '--publish', 'published=8503,target=53,mode=host']);
		const {service} = await engine.inspectService(twin);
		const after = [...parsePublish('8502:5000'), ...parsePublish('8504:5001/udp')];
		const lines = serviceUpdateLines(twin, service.specPorts, after);
		expect(lines).toHaveLength(2);
		// Unquoted words only here: `docker service update --publish-rm … SERVICE`.
		for (const line of lines) await dockerOk(['service', 'update', '--detach', ...line.split(' ').slice(3)]);
		const {service: changed} = await engine.inspectService(twin);
		expect(keys(changed.specPorts)).toEqual(keys(after));
	}, 60_000);
});

describe('the commands', () => {
	it('dnet services prints docker service ls (ID NAME MODE REPLICAS IMAGE PORTS); --json the ports in full', async () => {
		const r = recordingContext(() => engine);
		expect(await servicesCommand([], r.ctx)).toBe(0);
		const cli = await dockerOk(['service', 'ls']);
		const norm = (t: string): string[] => t.trim().split('\n').map((l) => l.trim().split(/\s{2,}/).join('|')).sort();
		expect(norm(r.stdout())).toEqual(norm(cli));
		const j = recordingContext(() => engine);
		expect(await servicesCommand(['--json'], j.ctx)).toBe(0);
		const out = JSON.parse(j.stdout()) as Array<{name: string; published: unknown[]; tasks: Array<{addr: string; state: string}>}>;
		expect(out.find((s) => s.name === web)?.published).toContainEqual({published: P.web2, target: 5000, protocol: 'tcp', mode: 'ingress'});
		expect(out.find((s) => s.name === glob)?.tasks).toEqual([expect.objectContaining({addr: '127.0.0.1', state: 'running'})]);
	});

	it('dnet service publish replaces the port of the same target; unpublish removes it; a bad spec is the CLI line, nothing sent', async () => {
		const bad = recordingContext(() => engine);
		expect(await serviceCommand(['publish', twin, 'published=x,target=80'], bad.ctx)).toBe(125);
		expect(bad.stderr()).toBe('dnet: invalid argument "published=x,target=80" for "--publish-add" flag: invalid published port (x): value must be an integer: invalid syntax\n');
		const pub = recordingContext(() => engine);
		expect(await serviceCommand(['publish', twin, '8505:5001/udp'], pub.ctx)).toBe(0);
		expect(pub.stdout()).toContain('- published=8504,target=5001,protocol=udp');
		expect(pub.stdout()).toContain('+ published=8505,target=5001,protocol=udp');
		expect(pub.stderr()).toContain('dnet: docker service update --publish-rm 5001/udp --publish-add 8505:5001/udp');
		const un = recordingContext(() => engine);
		expect(await serviceCommand(['unpublish', twin, '5001/udp'], un.ctx)).toBe(0);
		const {service} = await engine.inspectService(twin);
		expect(keys(service.specPorts)).toEqual(keys(parsePublish('8502:5000')));
		const none = recordingContext(() => engine);
		expect(await serviceCommand(['unpublish', twin, '9999'], none.ctx)).toBe(1);
		expect(none.stderr()).toBe(`dnet: no published port of ${twin} matches 9999\n`);
	}, 60_000);
});

describe('a rolling update of host-mode ports', () => {
	it('replaces the tasks: the new port answers, the old one no more', async () => {
		const states: string[] = [];
		const result = await changeServicePorts(engine, glob, parsePublish(`published=${P.glob2},target=5000,mode=host`), {onProgress: (p) => states.push(p.state), pollMs: 200});
		expect(result.outcome).toBe('completed');
		expect(states).toContain('updating');
		expect(states.at(-1)).toBe('completed');
		expect(await waitFor(async () => {
			const r = await httpGet('127.0.0.1', P.glob2);
			expect(r).toBe(200);
			return r;
		}, 20_000, 200)).toBe(200);
		expect(await httpGet('127.0.0.1', P.glob)).toBe('ECONNREFUSED');
	}, 90_000);

	it('a failed update (the host port is held by a container) is rolled back, with the reason', async () => {
		await dockerOk(['run', '-d', '--name', holder, '-p', `${P.held}:5000`, 'dnet/webapp']);
		const result = await changeServicePorts(engine, glob, parsePublish(`published=${P.held},target=5000,mode=host`), {pollMs: 200});
		expect(result.outcome).toBe('rolled-back');
		expect(result.reason).toMatch(/paused|fail/i);
		expect(result.reason).toMatch(/allocated|in use|bind/i);
		expect(keys(result.after)).toEqual(keys(parsePublish(`published=${P.glob2},target=5000,mode=host`)));
		const state = (await dockerOk(['service', 'inspect', glob, '--format', '{{.UpdateStatus.State}}'])).trim();
		expect(state).toBe('rollback_completed');
		expect(await waitFor(async () => {
			const r = await httpGet('127.0.0.1', P.glob2);
			expect(r).toBe(200);
			return r;
		}, 30_000, 200)).toBe(200);
	}, 120_000);

	it('leaves the swarm at the end: the engine is no manager', async () => {
		await leaveSwarm();
		expect((await engine.swarmState()).manager).toBe(false);
		expect((await docker(['service', 'ls'])).code).not.toBe(0);
	}, 60_000);
});
