/**
 * Hostile data in every view (README, "Reliability"): one set of engine answers carrying ESC, CSI,
 * OSC (a terminal title), DCS, C1 controls, a bidi override (U+202E), zero-width characters,
 * 10,000-character values and wide characters in every field a view shows, driven through every
 * screen on the fake engine. The raw bytes Ink writes hold no control character but the newline,
 * no bidi or zero-width character, never a title change, and no line wider than the terminal.
 */
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import {afterEach, describe, expect, it} from 'vitest';
import {createAppStore, type AppStore} from '../../source/app/app-store.js';
import {App} from '../../source/app/view/app.js';
import {makeTheme, ThemeContext} from '../../source/app/view/theme.js';
import {EngineError} from '../../source/engine/engine.js';
import {detailsOf, FakeEngine, network, summary} from '../support/fake-engine.js';
import {waitFor} from '../support/wait-for.js';

/** Everything a terminal could act on, and what could hide or reorder text. */
const ATTACK = '\u001b]0;PWNED\u0007\u001b]2;PWNED\u001b\\\u001b[2J\u001b[31mred\u009b1;1H\u001bP1$r\u001b\\\u0090dcs\u009c\u009d0;T\u0007\u202eevil\u200bzw\u200d\u2060\ufeff\u0008\u007f\r\n\t';
const WIDE = '漢字ｗｉｄｅ🙂';
const hostile = (label: string): string => `${label}${ATTACK}${WIDE}`;
const LONG = `long${ATTACK}${'x'.repeat(10_000)}`;
/** Forbidden in what reaches the terminal: C0 but the newline, DEL, C1, bidi controls, zero-width characters. */
const FORBIDDEN = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;
const COLUMNS = 100;

function hostileEngine(): FakeEngine {
	const net = hostile('net');
	const web = summary('web', {
		image: hostile('img'),
		command: LONG,
		status: hostile('Up 2 minutes'),
		labels: {[hostile('label')]: LONG},
		ports: [{ip: '127.0.0.1', privatePort: 5000, publicPort: 8080, type: 'tcp'}],
		links: [{source: 'db', alias: hostile('alias')}],
		networks: [{name: net, ipAddress: hostile('10.0.0.2'), gateway: '10.0.0.1', aliases: [hostile('alias'), LONG]}],
	});
	const db = summary('db', {image: LONG, command: hostile('cmd')});
	const engine = new FakeEngine([web, db]);
	engine.details.set(
		web.id,
		detailsOf(web, {
			env: [hostile('ENV=value'), `LONG=${LONG}`],
			labels: web.labels,
			hostname: hostile('host'),
			restartPolicy: hostile('no'),
			portBindings: {'5000/tcp': [{hostIp: '127.0.0.1', hostPort: '8080'}]},
			ports: {'5000/tcp': [{hostIp: '127.0.0.1', hostPort: '8080'}]},
			state: {status: 'running', running: true, paused: false, restarting: false, exitCode: 0, startedAt: '2026-11-27T10:00:01Z', finishedAt: '', error: hostile('err')},
		}),
	);
	engine.networks.push(network(net, {containers: [{id: web.id, name: 'web', ipv4: '10.0.0.2', aliases: [hostile('alias')]} as never]}));
	engine.images = [{id: `sha256:${'a'.repeat(64)}`, tags: [hostile('repo:tag'), `${LONG}:latest`], created: 1_700_000_000, size: 1}];
	engine.imageExposed.set(hostile('img'), [hostile('5000/tcp')]);
	engine.info = () => Promise.resolve({version: hostile('28.0'), apiVersion: '1.47', os: hostile('linux'), arch: 'amd64'});
	engine.startError = new EngineError('server', hostile('driver failed: port is already allocated'), undefined, 500);
	return engine;
}

let store: AppStore | null = null;
let unmount: (() => void) | null = null;
afterEach(() => {
	unmount?.();
	store?.stop();
	unmount = null;
	store = null;
});

describe('hostile data in every view', () => {
	it('reaches the terminal as plain, aligned text on every screen', async () => {
		const engine = hostileEngine();
		store = createAppStore(engine, {columns: COLUMNS, rows: 30}, {prober: (ip, port) => Promise.resolve({status: 'refused' as const, ms: 1, target: `${ip}:${port}`})});
		const instance = render(
			<ThemeContext.Provider value={makeTheme({color: false, ascii: false})}>
				<App store={store} />
			</ThemeContext.Provider>,
		);
		unmount = instance.unmount;
		const frame = (): string => instance.lastFrame() ?? '';
		const visit = async (keys: string, shows: RegExp, screen: string): Promise<void> => {
			instance.stdin.write(keys);
			await waitFor(() => expect(frame(), screen).toMatch(shows), 5000);
		};
		await waitFor(() => expect(frame()).toContain('web'), 5000);
		const screens: Array<[string, RegExp, string]> = [
			['', /NAME/, 'list'],
			['j\r', /Name\s+\/web/, 'details'],
			['\u001b', /NAME/, 'list again'],
			['P', /5000\/tcp/, 'ports view'],
			['\u001b', /NAME/, 'list again'],
			['p', /Ports of|port/i, 'editor'],
			['a127.0.0.1:9090:5000\r', /9090/, 'editor row'],
			['w', /apply|review/i, 'review'],
			['y', /allocated/, 'the error of the apply'],
			['!', /allocated/, 'the whole error'],
			['\u001b', /./, 'closed'],
			['\u001b', /./, 'editor left'],
			['y', /./, 'discarded'],
			['L', /alias|link/i, 'link graph'],
			['\u001b', /NAME/, 'list again'],
			['N', /net/, 'networks'],
			['\u001b', /NAME/, 'list again'],
			['l', /./, 'link picker'],
			['\u001b', /NAME/, 'list again'],
			['n', /image/i, 'new container form'],
			['i', /repo:tag|latest/, 'image picker'],
			['\u001b', /./, 'picker closed'],
			['\u001b', /./, 'form left'],
			['?', /keys|help/i, 'help'],
			['\u001b', /NAME/, 'list at the end'],
		];
		for (const [keys, shows, screen] of screens) {
			if (keys) await visit(keys, shows, screen);
			for (const line of frame().split('\n')) expect(stringWidth(line), `${screen}: ${line}`).toBeLessThanOrEqual(COLUMNS);
		}
		const written = instance.frames.join('\n');
		const bad = FORBIDDEN.exec(written);
		expect(bad ? `U+${bad[0].codePointAt(0)!.toString(16).padStart(4, '0')} near ${JSON.stringify(written.slice(Math.max(0, bad.index - 40), bad.index + 10))}` : null).toBeNull();
		expect(written).not.toMatch(/\u001b\]/);
	}, 60_000);

	it('keeps the list columns aligned with wide characters in images and commands', async () => {
		const engine = hostileEngine();
		store = createAppStore(engine, {columns: COLUMNS, rows: 30});
		const instance = render(
			<ThemeContext.Provider value={makeTheme({color: false, ascii: false})}>
				<App store={store} />
			</ThemeContext.Provider>,
		);
		unmount = instance.unmount;
		await waitFor(() => expect(instance.lastFrame()).toMatch(/web/), 5000);
		const lines = (instance.lastFrame() ?? '').split('\n');
		const header = lines.find((l) => l.includes('NAME') && l.includes('IMAGE'))!;
		const rows = lines.filter((l) => /^[› ] (web|db)\b/.test(l));
		expect(rows).toHaveLength(2);
		// Each column starts at the same display column as its heading.
		const at = (line: string, index: number): number => stringWidth(line.slice(0, index));
		for (const heading of ['IMAGE', 'STATUS']) {
			const column = header.indexOf(heading);
			for (const row of rows) {
				const cells = [...row.matchAll(/\S+/g)].map((m) => at(row, m.index));
				expect(cells, `${heading} in ${row}`).toContain(column);
			}
		}
	});
});
