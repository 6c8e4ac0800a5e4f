/**
 * The ports view's words for a probe: accepted and held (open), accepted then closed by the
 * container side (docker-proxy with nothing listening behind it), and a UDP binding said once.
 */
import {afterEach, describe, expect, it} from 'vitest';
import type {Prober, ProbeResult} from '../../source/engine/probe.js';
import {bindingNote} from '../../source/features/ports/view.js';
import {liveBindings} from '../../source/model/bindings.js';
import {FakeEngine, summary} from '../support/fake-engine.js';
import {waitFor} from '../support/wait-for.js';
import {KEY, renderApp, type Rendered} from './render-app.js';

let app: Rendered | null = null;
afterEach(() => {
	app?.unmount();
	app = null;
});

const lineWith = (frame: string, re: RegExp): string => frame.split('\n').find((l) => re.test(l)) ?? '';

describe('probe results in the ports view', () => {
	it('tells a held connection from one the container side closes at once, and words UDP once', async () => {
		const web = summary('web', {
			ports: [
				{ip: '127.0.0.1', privatePort: 5000, publicPort: 7081, type: 'tcp'},
				{ip: '127.0.0.1', privatePort: 6000, publicPort: 7080, type: 'tcp'},
				{ip: '127.0.0.1', privatePort: 53, publicPort: 7053, type: 'udp'},
			],
		});
		const results: Record<number, ProbeResult> = {
			7080: {status: 'closed', ms: 0.4, heldMs: 2.1, target: '127.0.0.1:7080'},
			7081: {status: 'open', ms: 0.5, heldMs: 300, target: '127.0.0.1:7081'},
		};
		const prober: Prober = async (_ip, port) => results[port] ?? {status: 'error', ms: 0, target: '?', code: 'EINVAL'};
		app = renderApp(new FakeEngine([web]), {columns: 200, prober});
		await waitFor(() => expect(app!.frame()).toContain('web'));
		app.press('P');
		await waitFor(() => expect(app!.frame()).toMatch(/7053\s+53\/udp/));
		app.press(KEY.enter);
		await waitFor(() => expect(lineWith(app!.frame(), /7053/)).toContain('UDP is not probed'));
		expect(app.frame()).not.toMatch(/not probed.*not probed/);
		app.press('j');
		app.press(KEY.enter);
		await waitFor(() =>
			expect(lineWith(app!.frame(), /7080/)).toContain('closed 127.0.0.1:7080: accepted, then closed by the container side after 2.1 ms (nothing listening?)'),
		);
		expect(lineWith(app.frame(), /7080/)).not.toContain('open');
		app.press('j');
		app.press(KEY.enter);
		await waitFor(() => expect(lineWith(app!.frame(), /7081/)).toContain('open 127.0.0.1:7081 in 0.5 ms: accepted and held'));
	});

	it('words a closed probe as a warning and an open one as ok', () => {
		const [row] = liveBindings(summary('web', {ports: [{ip: '127.0.0.1', privatePort: 6000, publicPort: 7080, type: 'tcp'}]}));
		expect(bindingNote(row!, {status: 'closed', ms: 1, heldMs: 3, target: '127.0.0.1:7080'}).tone).toBe('warn');
		expect(bindingNote(row!, {status: 'open', ms: 1, heldMs: 300, target: '127.0.0.1:7080'}).tone).toBe('ok');
		expect(bindingNote(row!, {status: 'not-probed', reason: 'web is not running'}).text).toBe('not probed: web is not running');
	});
});
