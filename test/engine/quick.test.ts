/**
 * The start-up reads without dockerode (engine/quick.ts) answer exactly as DockerEngine does, on the
 * real private engine; whatever they cannot do goes to the full engine, with its words.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {resolveEndpoint} from '../../source/engine/connection.js';
import {DockerEngine} from '../../source/engine/docker-engine.js';
import {EngineError, type Engine} from '../../source/engine/engine.js';
import {pingInfo, withQuickReads} from '../../source/engine/quick.js';
import {dockerOk, privateEngine, privateHost, removeContainers, uniqueName} from '../support/engine.js';

const full = privateEngine();
const endpoint = resolveEndpoint(privateHost(), {});
let loads = 0;
const lazy = withQuickReads(endpoint, async () => {
	loads += 1;
	return new DockerEngine(endpoint);
});
const quick: Engine = lazy.engine;
const db = uniqueName('db');
const web = uniqueName('web');
let webId = '';

beforeAll(async () => {
	await dockerOk(['run', '-d', '--name', db, 'dnet/webapp']);
	webId = (await dockerOk(['create', '--name', web, '--link', `${db}:db`, '-p', '127.0.0.1::5000', 'dnet/webapp'])).trim();
}, 60_000);

afterAll(async () => {
	await removeContainers([web, db]);
	full.close();
	quick.close();
});

describe('quick reads', () => {
	it('version, list, a list of some ids and inspect are what DockerEngine reads, without loading it', async () => {
		expect(await quick.info()).toEqual(await full.info());
		const [a, b] = await Promise.all([quick.listContainers(true), full.listContainers(true)]);
		const byId = (list: typeof a) => [...list].sort((x, y) => x.id.localeCompare(y.id)).map((c) => ({...c, status: c.status.replace(/\d+/g, 'N')}));
		expect(byId(a)).toEqual(byId(b));
		expect(await quick.listContainers(false, [webId])).toEqual([]);
		expect((await quick.listContainers(true, [webId])).map((c) => c.name)).toEqual([web]);
		expect(await quick.inspectContainer(web)).toEqual(await full.inspectContainer(web));
		expect(quick.endpoint).toBe(full.endpoint);
		expect(quick.isLocal).toBe(full.isLocal);
		expect(loads).toBe(0);
	});

	it("the first frame's version comes from a ping: the same version and API as GET /version, no architecture", async () => {
		const info = await full.info();
		expect(await pingInfo(endpoint)).toEqual({...info, arch: ''});
		expect(await lazy.firstInfo()).toEqual({...info, arch: ''});
		expect(loads).toBe(0);
		// An engine that does not answer a ping with its version: the full /version is read.
		expect(await pingInfo(resolveEndpoint('unix:///nonexistent/docker.sock', {}))).toBeUndefined();
	});

	it("a failure goes to the full engine, which words it (the docker CLI's words)", async () => {
		const error = await quick.inspectContainer('no-such-container-here').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(EngineError);
		expect(String((error as EngineError).message)).toMatch(/No such container: no-such-container-here/);
		expect(loads).toBe(1);
	});

	it('an endpoint it does not speak (TLS, ssh) is read by the full engine', async () => {
		let loaded = 0;
		const tls = withQuickReads({kind: 'tcp', host: '127.0.0.1', port: 1, tls: {verify: true}, display: 'tcp://127.0.0.1:1'}, async () => {
			loaded += 1;
			return full;
		});
		expect((await tls.engine.listContainers(true)).length).toBeGreaterThan(0);
		expect(loaded).toBe(1);
	});

	it('every other method waits for the full engine; ready() loads it for the live link', async () => {
		const other = withQuickReads(endpoint, async () => new DockerEngine(endpoint));
		expect(Array.isArray(await other.engine.listNetworks())).toBe(true);
		const engine = await other.ready();
		const subscription = other.engine.subscribe({onEvent: () => {}, onEnd: () => {}});
		subscription.close();
		engine.close();
	});

	it('once loaded, the endpoint and locality are the full engine\'s (after a :ctx switch they are another engine\'s)', async () => {
		const remote = resolveEndpoint('ssh://someone@127.0.0.1:1', {});
		const other = withQuickReads(endpoint, async () => new DockerEngine(remote));
		expect(other.engine.isLocal).toBe(true);
		const engine = await other.ready();
		expect(other.engine.endpoint).toBe(engine.endpoint);
		expect(other.engine.endpoint).not.toBe(quick.endpoint);
		expect(other.engine.isLocal).toBe(false);
		engine.close();
	});
});
