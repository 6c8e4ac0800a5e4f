/**
 * Columns give way in a sensible order (issue 11, item 13): NAME and PORTS last, an address never
 * cut (`+N` for the bindings that do not fit), docker ps's PORTS text whole where it fits, the
 * scroll position in the status bar, GATEWAY kept in a narrow networks view.
 */
import fc from 'fast-check';
import {afterEach, describe, expect, it} from 'vitest';
import {columnWidths, GUTTER, GAP, portsCell, type Row} from '../../source/features/list/columns.js';
import {formatPortsColumn} from '../../source/model/ports/index.js';
import type {ContainerPort} from '../../source/model/container.js';
import {FakeEngine, summary} from '../support/fake-engine.js';
import {waitFor} from '../support/wait-for.js';
import {KEY, renderApp, type Rendered} from './render-app.js';

let app: Rendered | null = null;
afterEach(() => {
	app?.unmount();
	app = null;
});

const bound = (ip: string, publicPort: number, privatePort = 5000): ContainerPort => ({ip, privatePort, publicPort, type: 'tcp'});

function demo(): FakeEngine {
	return new FakeEngine([
		summary('web', {ports: [bound('0.0.0.0', 32768), bound('::', 32768), bound('127.0.0.1', 8080)], links: [{source: 'db', alias: 'db'}]}),
		summary('db', {image: 'dnet/postgres', ports: [{privatePort: 5432, type: 'tcp'}]}),
		summary('api', {ports: [bound('127.0.0.1', 8081)]}),
		summary('a-rather-long-container-name-for-testing', {state: 'exited', status: 'Exited (0) Less than a second ago', ports: []}),
	]);
}

const rowOf = (frame: string, name: string): string => frame.split('\n').find((l) => l.includes(` ${name} `)) ?? '';

/** The PORTS part of a row: from its first binding (or `+N`) to the end. */
const cellsOf = (row: string): string => row.replace(/^.*?(?=(\d+\.\d+\.\d+\.\d+:|\[|\d+\/tcp|\+\d))/, '');

describe('the list at every width', () => {
	it.each([60, 80, 100, 120])('at %i columns shows every binding whole or counted, never cut', async (columns) => {
		app = renderApp(demo(), {columns, rows: 14});
		await waitFor(() => expect(app!.frame()).toContain('web'));
		app.press('a');
		await waitFor(() => expect(app!.frame()).toContain('a-rather'));
		const frame = app.frame();
		for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(columns);
		const webPorts = formatPortsColumn(demo().containers[0]!.ports);
		const web = rowOf(frame, 'web');
		if (web.includes(webPorts)) return;
		// Not whole: the first bindings of docker's text, whole, then how many more.
		const shown = /((?:[^ ,]+->\d+\/tcp, )*)\+(\d)/.exec(web);
		expect(shown, web).not.toBeNull();
		const entries = webPorts.split(', ');
		const kept = shown![1]!.split(', ').filter(Boolean);
		expect(kept).toEqual(entries.slice(0, kept.length));
		expect(Number(shown![2])).toBe(entries.length - kept.length);
		expect(web).not.toMatch(/\d…|\.…|:…/);
		// Where it is whole, it is docker's text byte for byte.
		expect(rowOf(frame, 'api')).toContain('127.0.0.1:8081->5000/tcp');
		expect(rowOf(frame, 'db')).toContain('5432/tcp');
	});

	it('at 80 columns PORTS shows a whole address, not 127.0.0.1…', async () => {
		app = renderApp(demo(), {columns: 80, rows: 14});
		await waitFor(() => expect(app!.frame()).toContain('web'));
		expect(rowOf(app.frame(), 'web')).toContain('0.0.0.0:32768->5000/tcp, +2');
		expect(rowOf(app.frame(), 'web')).toContain('Up 2 minutes');
		expect(cellsOf(rowOf(app.frame(), 'api'))).toContain('127.0.0.1:8081->5000/tcp');
	});

	it('at 120 columns with a long name, STATUS stays whole', async () => {
		app = renderApp(demo(), {columns: 120, rows: 14});
		await waitFor(() => expect(app!.frame()).toContain('web'));
		app.press('a');
		await waitFor(() => expect(app!.frame()).toContain('a-rather'));
		const row = app.frame().split('\n').find((l) => l.includes('a-rather-long-container-name')) ?? '';
		expect(row).toContain('Exited (0) Less than a second ago');
	});

	it('says which rows are on screen when they do not all fit', async () => {
		const engine = new FakeEngine(Array.from({length: 30}, (_, i) => summary(`c${String(i).padStart(2, '0')}`)));
		app = renderApp(engine, {columns: 100, rows: 12});
		await waitFor(() => expect(app!.frame()).toContain('showing 1-8 of 30 (running)'));
		app.press(KEY.pageDown);
		await waitFor(() => expect(app!.frame()).toMatch(/showing \d+-\d+ of 30/));
		const [, from, to] = /showing (\d+)-(\d+) of 30/.exec(app.frame())!;
		expect(Number(to) - Number(from)).toBe(7);
		expect(app.frame()).toContain(` c${String(Number(from) - 1).padStart(2, '0')} `);
		app.press('G');
		await waitFor(() => expect(app!.frame()).toContain('showing 23-30 of 30'));
	});

	it('shows the plain count when every row fits', async () => {
		app = renderApp(demo(), {columns: 100, rows: 20});
		await waitFor(() => expect(app!.frame()).toContain('showing 3 (running)'));
	});
});

describe('the networks view when narrow', () => {
	it('keeps SUBNET and GATEWAY whole at 60 columns', async () => {
		app = renderApp(demo(), {columns: 60, rows: 14});
		await waitFor(() => expect(app!.frame()).toContain('web'));
		app.press('N');
		await waitFor(() => expect(app!.frame()).toContain('GATEWAY'));
		const bridge = app.frame().split('\n').find((l) => l.includes('bridge') && l.includes('172.17.0.0/16')) ?? '';
		expect(bridge).toContain('172.17.0.1');
		for (const line of app.frame().split('\n')) expect(line.length).toBeLessThanOrEqual(60);
	});
});

describe('column widths (pure)', () => {
	const entry = fc.tuple(fc.constantFrom('0.0.0.0', '127.0.0.1', '::', '10.0.0.1'), fc.integer({min: 1, max: 65535}), fc.integer({min: 1, max: 65535}));
	const row = fc.record({
		name: fc.stringMatching(/^[a-z][a-z0-9-]{0,45}$/),
		image: fc.stringMatching(/^[a-z/:.0-9]{1,40}$/),
		status: fc.constantFrom('Up 2 minutes', 'Exited (0) Less than a second ago', 'Created', 'Up About a minute (healthy)'),
		ports: fc.array(entry, {maxLength: 5}).map((es) => formatPortsColumn(es.map(([ip, pub, priv]) => bound(ip, pub, priv)))),
		links: fc.constantFrom('', 'db -> db', 'cache -> redis, db -> postgres-primary'),
	});

	it('never draws wider than the terminal, and PORTS shows whole bindings or a count', () => {
		fc.assert(
			fc.property(fc.array(row, {minLength: 1, maxLength: 8}), fc.integer({min: 60, max: 200}), (rs, total) => {
				const rows: Row[] = rs.map((r, i) => ({...r, id: String(i), up: true, marked: false}));
				const w = columnWidths(rows, total);
				const shown = [w.name, w.image, w.status, w.ports, w.links].filter((n) => n > 0);
				expect(GUTTER + shown.reduce((a, b) => a + b, 0) + GAP * (shown.length - 1)).toBeLessThanOrEqual(total);
				expect(w.ports).toBeGreaterThan(0);
				for (const r of rows) {
					const cell = portsCell(r.ports, w.ports);
					expect(cell.length).toBeLessThanOrEqual(w.ports);
					if (cell === r.ports) continue;
					const parts = cell.split(', ');
					const more = parts.pop()!;
					expect(more).toMatch(/^\+\d+$/);
					expect(parts).toEqual(r.ports.split(', ').slice(0, parts.length));
					expect(Number(more.slice(1))).toBe(r.ports.split(', ').length - parts.length);
				}
			}),
		);
	});
});
