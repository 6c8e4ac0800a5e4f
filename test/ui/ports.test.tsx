import {afterEach, describe, expect, it} from 'vitest';
import type {Prober} from '../../source/engine/probe.js';
import {FakeEngine, detailsOf, summary} from '../support/fake-engine.js';
import {waitFor} from '../support/wait-for.js';
import {KEY, renderApp, type Rendered} from './render-app.js';

let app: Rendered | null = null;
afterEach(() => {
	app?.unmount();
	app = null;
});

function scenario(): FakeEngine {
	const web = summary('web', {ports: [{ip: '0.0.0.0', privatePort: 5000, publicPort: 8080, type: 'tcp'}]});
	const dns = summary('dns', {ports: [{ip: '127.0.0.1', privatePort: 53, publicPort: 5353, type: 'udp'}]});
	const old = summary('old', {state: 'exited', status: 'Exited (0) 1 hour ago'});
	const engine = new FakeEngine([web, dns, old]);
	engine.details.set(old.id, detailsOf(old, {portBindings: {'80/tcp': [{hostIp: '', hostPort: '8080'}]}}));
	return engine;
}

const lineWith = (frame: string, re: RegExp): string => frame.split('\n').find((l) => re.test(l)) ?? '';

describe('the ports view', () => {
	it('lists every binding sorted by host port, with a stopped container requesting the same port flagged', async () => {
		app = renderApp(scenario(), {columns: 140});
		await waitFor(() => expect(app!.frame()).toContain('web'));
		app.press('P');
		await waitFor(() => expect(app!.frame()).toContain('CONFLICT with old'));
		const frame = app.frame();
		expect(frame).toMatch(/HOST IP\s+HOST PORT\s+CONTAINER\s+NAME\s+STATE/);
		const order = ['5353', '8080\\s+80/tcp\\s+old', '8080\\s+5000/tcp\\s+web'].map((p) => frame.split('\n').findIndex((l) => new RegExp(p).test(l)));
		expect(order.every((i, k) => i > 0 && (k === 0 || i > (order[k - 1] ?? 0)))).toBe(true);
		expect(lineWith(frame, /8080\s+80\/tcp\s+old/)).toContain('CONFLICT with web');
		expect(lineWith(frame, /5353/)).toMatch(/127\.0\.0\.1\s+5353\s+53\/udp\s+dns/);
	});

	it('finds who holds a port with /', async () => {
		app = renderApp(scenario(), {columns: 140});
		await waitFor(() => expect(app!.frame()).toContain('web'));
		app.press('P');
		await waitFor(() => expect(app!.frame()).toMatch(/5353\s+53\/udp/));
		app.press('/');
		app.press('5353');
		await waitFor(() => expect(app!.frame()).not.toContain('8080'));
		expect(app.frame()).toContain('dns');
	});

	it('probes a TCP binding on Enter (wildcard on loopback) and says UDP is not probed', async () => {
		const calls: string[] = [];
		const prober: Prober = async (ip, port) => {
			calls.push(`${ip}:${port}`);
			return {status: 'open', ms: 1.5, target: `127.0.0.1:${port}`};
		};
		app = renderApp(scenario(), {columns: 140, prober});
		await waitFor(() => expect(app!.frame()).toContain('web'));
		app.press('P');
		await waitFor(() => expect(app!.frame()).toMatch(/5353\s+53\/udp/));
		app.press(KEY.enter);
		await waitFor(() => expect(app!.frame()).toContain('UDP is not probed'));
		expect(app.frame()).not.toContain('not probed: UDP');
		app.press('j');
		app.press(KEY.enter);
		await waitFor(() => expect(app!.frame()).toContain('not probed: old is not running'));
		expect(calls).toEqual([]);
		app.press('j');
		await waitFor(() => expect(lineWith(app!.frame(), /›.*8080/)).toContain('web'));
		app.press(KEY.enter);
		await waitFor(() => expect(app!.frame()).toContain('open 127.0.0.1:8080 in 1.5 ms'));
		expect(calls).toEqual(['0.0.0.0:8080']);
		expect(calls).toHaveLength(1);
	});

	it('opens with :ports and returns with :containers; an unknown word says what exists', async () => {
		app = renderApp(scenario(), {columns: 140});
		await waitFor(() => expect(app!.frame()).toContain('web'));
		app.press(':');
		await waitFor(() => expect(app!.frame()).toContain('Enter run'));
		app.press('ports');
		app.press(KEY.enter);
		await waitFor(() => expect(app!.frame()).toContain('HOST PORT'));
		app.press(':');
		app.press('nope');
		app.press(KEY.enter);
		await waitFor(() => expect(app!.frame()).toContain('unknown command :nope (try ports, containers'));
		app.press(':con');
		app.press(KEY.enter);
		await waitFor(() => expect(app!.frame()).toContain('LINKS'));
	});
});
