/**
 * dnet on a faulty engine (README, "Reliability"): the fault proxy (test/support/fault-proxy.ts)
 * between dnet and the private engine adds latency, answers 500/409, cuts answers, mangles their
 * JSON, never answers, stalls and drops the event stream. Every engine call ends in a one-line
 * EngineError (never a crash, never a wait without end for a read); the TUI keeps taking keys, says
 * what is wrong, and its list is the engine's again once the engine recovers.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {AppStore} from '../../source/app/app-store.js';
import type {Engine} from '../../source/engine/engine.js';
import type {DockerEngine} from '../../source/engine/docker-engine.js';
import type {FaultProxy, FaultRule} from '../support/fault-proxy.js';
import {dockerOk, removeContainers, uniqueName} from '../support/engine.js';
import {freePort} from '../support/ports.js';
import {renderApp} from '../ui/render-app.js';
import {waitFor} from '../support/wait-for.js';
import {faultyEngine, isOneLineEngineError, outcome, PATHS} from './support.js';

let proxy: FaultProxy;
let raw: DockerEngine;
let engine: Engine;
const web = uniqueName('web');
const late = uniqueName('late');

beforeAll(async () => {
	({proxy, raw, engine} = await faultyEngine(1500));
	await dockerOk(['run', '-d', '--name', web, '-p', `127.0.0.1:${await freePort()}:5000`, 'dnet/webapp']);
});

afterAll(async () => {
	proxy.clear();
	raw.close();
	await proxy.close();
	await removeContainers([web, late]);
});

describe('every engine call under a fault ends in one line', () => {
	const cases: Array<[string, Omit<FaultRule, 'path'> & {path: RegExp}, () => Promise<unknown>]> = [
		['a 500 on the list', {path: PATHS.list, fault: {kind: 'status', status: 500, message: 'boom\u001b]0;pwned\u0007'}}, () => engine.listContainers(true)],
		['a 409 on a rename', {path: PATHS.rename, fault: {kind: 'status', status: 409, message: 'Conflict. injected'}}, () => engine.renameContainer(web, web)],
		['a reset mid-answer of the list', {path: PATHS.list, fault: {kind: 'reset'}}, () => engine.listContainers(true)],
		['a truncated inspect', {path: PATHS.inspect, fault: {kind: 'truncate'}}, () => engine.inspectContainer(web)],
		['invalid JSON for the list', {path: PATHS.list, fault: {kind: 'invalid-json'}}, () => engine.listContainers(true)],
		['an inspect never answered', {path: PATHS.inspect, fault: {kind: 'hang'}}, () => engine.inspectContainer(web)],
		['a version never answered', {path: PATHS.version, fault: {kind: 'hang'}}, () => engine.info()],
		['a network list never answered', {path: PATHS.networks, fault: {kind: 'hang'}}, () => engine.listNetworks()],
	];
	it.each(cases)('%s', async (_name, rule, call) => {
		const remove = proxy.inject({...rule, times: 1});
		const result = await outcome(call()).finally(remove);
		expect(result.ok).toBe(false);
		const error = (result as {error: unknown}).error;
		expect(isOneLineEngineError(error), String(error)).toBe(true);
		expect((error as Error).message).not.toMatch(/pwned\u0007|\u001b/);
		// The engine answers normally again right after.
		expect((await engine.inspectContainer(web)).name).toBe(web);
	});

	it('added latency of 1 ms to 3 s per request changes no answer', async () => {
		const expected = (await engine.listContainers(true)).map((c) => c.name).sort();
		const remove = proxy.inject({path: /./, fault: {kind: 'latency', ms: [1, 1200]}});
		// Through the engine without the read deadline: a network list is many requests.
		const answers = await Promise.all([raw.listContainers(true), raw.inspectContainer(web), raw.listNetworks(), raw.info()]).finally(remove);
		const slow = proxy.inject({path: PATHS.inspect, fault: {kind: 'latency', ms: 3000}, times: 1});
		const slowest = await outcome(raw.inspectContainer(web)).finally(slow);
		expect(answers[0].map((c) => c.name).sort()).toEqual(expected);
		expect(answers[1].name).toBe(web);
		expect(slowest.ok).toBe(true);
	});
});

describe('the TUI on a faulty engine', () => {
	let store: AppStore;
	let frame: () => string;
	let press: (keys: string) => void;
	let unmount: () => void;

	beforeAll(() => {
		({store, frame, press, unmount} = renderApp(engine, {columns: 120, rows: 30}));
	});
	afterAll(() => unmount());

	it('a list that never comes: keys still work, the footer says the engine does not answer, the list comes back', async () => {
		await waitFor(() => expect(frame()).toContain(web), 10_000);
		proxy.inject({path: PATHS.list, fault: {kind: 'hang'}});
		await dockerOk(['run', '-d', '--name', late, 'dnet/webapp']);
		await waitFor(() => expect(frame()).toMatch(/did not answer/), 10_000);
		expect(frame()).toMatch(/disconnected, retrying/);
		press('?');
		await waitFor(() => expect(frame()).toMatch(/keys/i));
		press('\u001b');
		await waitFor(() => expect(frame()).toContain(web));
		proxy.clear();
		await waitFor(() => expect(frame()).toContain(late), 15_000);
		await waitFor(() => expect(frame()).toMatch(/connected/));
	});

	it('a dropped event stream: the status says so, and no stale row stays once the stream is back', async () => {
		await waitFor(() => expect(store.getState().connection.status).toBe('connected'), 15_000);
		await waitFor(() => expect(proxy.eventStreams()).toBe(1));
		proxy.dropEvents({refuse: true});
		await waitFor(() => expect(store.getState().connection.status).not.toBe('connected'));
		await dockerOk(['rm', '-f', late]);
		await waitFor(() => expect(frame()).toMatch(/disconnected|connecting/));
		proxy.acceptEvents();
		await waitFor(() => expect(store.getState().connection.status).toBe('connected'), 15_000);
		await waitFor(() => expect(frame()).not.toContain(late));
		expect(store.getState().containers.map((c) => c.name)).not.toContain(late);
	});

	it('a stalled event stream delays changes until it flows again, then the list is right', async () => {
		proxy.stallEvents();
		await dockerOk(['run', '-d', '--name', late, 'dnet/webapp']);
		// Nothing tells a quiet stream from a stalled one: the row appears once the events flow.
		proxy.resumeEvents();
		await waitFor(() => expect(frame()).toContain(late), 10_000);
	});
});
