/**
 * A real three-node swarm on this machine (test/support/swarm-lab.sh: three dockerds, each in a
 * network namespace of its own on a private bridge with no route out, joined into one swarm): the
 * services view's data and text, the tasks per node, and host-mode published ports answering on
 * each node's address. The ingress routing mesh is not tested here: it needs IPVS, which the
 * kernels this runs on lack (see the README, "Swarm services").
 */
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {servicesCommand} from '../../source/commands/swarm/services.js';
import {resolveEndpoint} from '../../source/engine/connection.js';
import {DockerEngine} from '../../source/engine/docker-engine.js';
import {pageLines} from '../../source/features/services/lines.js';
import {formatReplicas} from '../../source/model/swarm/format.js';
import {loadSwarm} from '../../source/operations/services.js';
import {recordingContext} from '../commands/support.js';
import {privateEnv} from '../support/engine.js';
import {waitFor} from '../support/wait-for.js';
import {httpGet} from './swarm-support.js';

const run = promisify(execFile);
const LAB = new URL('../support/swarm-lab.sh', import.meta.url).pathname;
const DIR = `/tmp/dnetlab-${process.pid}`;
const ADDRS = ['10.213.77.11', '10.213.77.12', '10.213.77.13'];
const labEnv = {...privateEnv(), SWARM_LAB_DIR: DIR};
const lab = (...args: string[]) => run('bash', [LAB, ...args], {env: labEnv, timeout: 120_000});
const node1 = `unix://${DIR}/n1/docker.sock`;
const onNode1 = (args: string[]) => run('docker', ['--host', node1, ...args], {env: labEnv, timeout: 60_000});

let engine: DockerEngine;

beforeAll(async () => {
	await lab('up', '3');
	await lab('load', 'dnet/webapp');
	engine = new DockerEngine(resolveEndpoint(node1, {}));
	await onNode1(['service', 'create', '--detach', '--no-resolve-image', '--name', 'edge', '--mode', 'global', '--stop-grace-period', '1s', '--publish', 'published=18601,target=5000,mode=host', 'dnet/webapp']);
	await onNode1(['service', 'create', '--detach', '--no-resolve-image', '--name', 'api', '--replicas', '3', '--replicas-max-per-node', '1', '--stop-grace-period', '1s', '--publish', '18602:5000', 'dnet/webapp']);
	await waitFor(async () => {
		const out = (await onNode1(['service', 'ls', '--format', '{{.Replicas}}'])).stdout;
		expect(out.trim().split('\n').sort()).toEqual(['3/3', '3/3 (max 1 per node)']);
	}, 90_000, 500);
}, 240_000);

afterAll(async () => {
	engine?.close();
	await lab('down');
}, 120_000);

describe('a three-node swarm', () => {
	it('lists the three nodes with their addresses, and each service as docker service ls', async () => {
		const load = await loadSwarm(engine);
		if (!load.manager) throw new Error('node 1 is not a manager');
		const {nodes, services} = load.snapshot;
		expect(nodes.map((n) => n.addr).sort()).toEqual(ADDRS);
		expect(nodes.filter((n) => n.role === 'manager')).toHaveLength(1);
		expect(services.map((s) => `${s.name} ${s.mode} ${formatReplicas(s)}`)).toEqual(['api replicated 3/3 (max 1 per node)', 'edge global 3/3']);
	});

	it('puts one task of each service on each node; the host-mode port of each task is on its node', async () => {
		const load = await loadSwarm(engine);
		if (!load.manager) throw new Error('not a manager');
		const {tasks, nodes, services} = load.snapshot;
		for (const s of services) {
			const running = tasks.filter((t) => t.serviceId === s.id && t.desiredState === 'running' && t.state === 'running');
			expect(running.map((t) => nodes.find((n) => n.id === t.nodeId)?.addr).sort()).toEqual(ADDRS);
		}
		const edge = services.find((s) => s.name === 'edge');
		if (!edge) throw new Error('no edge');
		const text = pageLines(edge, load.snapshot, {}).map((l) => l.text);
		for (const addr of ADDRS) expect(text.some((l) => l.includes(`${addr}:18601->5000/tcp`) && l.includes('running'))).toBe(true);
	});

	it('a host-mode port answers on each node address', async () => {
		for (const addr of ADDRS) {
			expect(await waitFor(async () => {
				const r = await httpGet(addr, 18601);
				expect(r).toBe(200);
				return r;
			}, 30_000, 250)).toBe(200);
		}
	}, 120_000);

	it('dnet services --json lists the tasks per node', async () => {
		const r = recordingContext(() => engine);
		expect(await servicesCommand(['--json'], r.ctx)).toBe(0);
		const out = JSON.parse(r.stdout()) as Array<{name: string; tasks: Array<{addr: string; hostPorts: unknown[]}>}>;
		const edge = out.find((s) => s.name === 'edge');
		expect(edge?.tasks.map((t) => t.addr).sort()).toEqual(ADDRS);
		expect(edge?.tasks.every((t) => t.hostPorts.length === 1)).toBe(true);
	});
});
