/**
 * The built `dnet ps` against `docker ps` (CLI 28) on the private engine: names, order and the
 * PORTS text for containers with many mappings, `--json`, `-q`, `-l`, `-n`, and running-only by
 * default. Only this file's containers are compared: others may share the engine.
 */
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {selectForPs, type PsJson} from '../../source/commands/ps.js';
import type {ContainerSummary} from '../../source/model/container.js';
import {dockerOk, privateEnv, removeContainers, uniqueName} from '../support/engine.js';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'dist/cli.js');

async function dnet(args: string[]): Promise<string> {
	const {stdout} = await run(process.execPath, [cli, ...args], {env: privateEnv(), cwd: root, timeout: 30_000});
	return stdout;
}

/** True when `port` can be bound on 127.0.0.1 right now. */
async function isFree(port: number): Promise<boolean> {
	const s = net.createServer();
	return new Promise((resolve) => {
		s.once('error', () => resolve(false));
		s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
	});
}

/** A run of `count` consecutive free ports on 127.0.0.1 (also checked on ::1 when asked). */
async function freeRange(count: number): Promise<number> {
	for (let attempt = 0; attempt < 50; attempt++) {
		const base = 20000 + Math.floor(Math.random() * 9000) * 4;
		const free = await Promise.all(Array.from({length: count}, (_, i) => isFree(base + i)));
		if (free.every(Boolean)) return base;
	}
	throw new Error('no free port range found');
}

/** Splits the fixed-width table `dnet ps` prints into rows keyed by header. */
function parseTable(text: string): Array<Record<string, string>> {
	const [header = '', ...lines] = text.split('\n').filter((l) => l !== '');
	const columns = ['CONTAINER ID', 'NAME', 'IMAGE', 'STATUS', 'PORTS', 'LINKS'];
	const starts = columns.map((c) => header.indexOf(c));
	expect(starts.every((s, i) => s >= 0 && (i === 0 || s > (starts[i - 1] as number))), header).toBe(true);
	return lines.map((line) =>
		Object.fromEntries(columns.map((c, i) => [c, line.slice(starts[i], i + 1 < columns.length ? starts[i + 1] : undefined).trim()])),
	);
}

/** `docker ps <args> --format '{{.Names}}\t{{.Ports}}'`, keyed by primary name, in docker's order. */
async function dockerPs(args: string[]): Promise<Array<{name: string; ports: string; names: string[]}>> {
	const out = await dockerOk(['ps', ...args, '--no-trunc', '--format', '{{.Names}}\t{{.Ports}}']);
	return out
		.split('\n')
		.filter((l) => l !== '')
		.map((l) => {
			const tab = l.indexOf('\t');
			const names = l.slice(0, tab).split(',');
			// link names look like recipient/alias; the primary name has no slash
			return {name: names.find((n) => !n.includes('/')) ?? '', ports: l.slice(tab + 1), names};
		});
}

const prefix = uniqueName('ps');
const n = (label: string): string => `${prefix}-${label}`;
const names = {
	v4v6: n('v4v6'),
	all: n('publishall'),
	udp: n('udp'),
	range: n('range'),
	link: n('link'),
	created: n('created'),
	exited: n('exited'),
	plain: n('plain'),
};
const mine = Object.values(names);
const isMine = (name: string): boolean => name.startsWith(`${prefix}-`);
let same = 0;

beforeAll(async () => {
	const needsBuild = !existsSync(cli);
	const [rangeBase, single, sameBase] = await Promise.all([freeRange(3), freeRange(3), freeRange(3)]);
	same = sameBase;
	const building = needsBuild ? run('npm', ['run', 'build'], {cwd: root, timeout: 120_000}) : Promise.resolve();
	await Promise.all([
		building,
		dockerOk(['run', '-d', '--name', names.v4v6, '-p', `127.0.0.1:${single}:5000`, '-p', `[::1]:${single + 1}:5000`, '-p', '[::1]::5000/udp', 'dnet/webapp']),
		dockerOk(['run', '-d', '--name', names.all, '-P', '--expose', '7000-7001/udp', 'dnet/webapp']),
		dockerOk(['run', '-d', '--name', names.udp, '-p', '127.0.0.1::5000/udp', '-p', `127.0.0.1:${single + 2}:5000`, '--expose', '6000-6003', 'dnet/webapp']),
		dockerOk([
			'run',
			'-d',
			'--name',
			names.range,
			'-p',
			`127.0.0.1:${rangeBase}-${rangeBase + 2}:5000-5002`,
			'-p',
			`127.0.0.1:${sameBase}-${sameBase + 2}:${sameBase}-${sameBase + 2}/udp`,
			'dnet/webapp',
		]),
		dockerOk(['create', '--name', names.created, '-p', '127.0.0.1::5000', 'dnet/webapp']),
		dockerOk(['run', '-d', '--name', names.exited, '-p', '127.0.0.1::5000', 'dnet/webapp', 'echo', 'done']),
		dockerOk(['create', '--name', names.plain, 'dnet/webapp', 'sleep', '1000']),
	]);
	await dockerOk(['run', '-d', '--name', names.link, '--link', `${names.v4v6}:alias`, '--link', `${names.all}:pa`, 'dnet/webapp', 'sleep', '1000']);
	await dockerOk(['wait', names.exited]);
});

afterAll(async () => {
	await removeContainers(mine);
});

describe('dnet ps -a vs docker ps -a', () => {
	it('the same containers, in the same order, with the same PORTS text', async () => {
		const [table, oracle] = await Promise.all([dnet(['ps', '-a']), dockerPs(['-a'])]);
		const rows = parseTable(table).filter((r) => isMine(r['NAME'] ?? ''));
		const expected = oracle.filter((o) => isMine(o.name));
		expect(expected.map((o) => o.name).sort()).toEqual([...mine].sort());
		expect(rows.map((r) => r['NAME'])).toEqual(expected.map((o) => o.name));
		for (const o of expected) {
			const row = rows.find((r) => r['NAME'] === o.name);
			expect(row?.['PORTS'], o.name).toBe(o.ports);
		}
		// sanity: the shapes really are varied
		const ports = new Map(expected.map((o) => [o.name, o.ports]));
		expect(ports.get(names.v4v6)).toMatch(/\[::1\]:\d+->5000\/tcp/);
		expect(ports.get(names.v4v6)).toMatch(/->5000\/udp/);
		// docker collapses a range only where host and container ports are equal
		expect(ports.get(names.range)).toMatch(/127\.0\.0\.1:\d+->5000\/tcp, 127\.0\.0\.1:\d+->5001\/tcp/);
		expect(ports.get(names.range)).toContain(`127.0.0.1:${same}-${same + 2}->${same}-${same + 2}/udp`);
		expect(ports.get(names.all)).toMatch(/0\.0\.0\.0:\d+->7001\/udp/);
		expect(ports.get(names.all)).toMatch(/\[::\]:\d+->5000\/tcp/);
		expect(ports.get(names.udp)).toMatch(/6000-6003\/tcp/);
		expect(ports.get(names.created)).toBe('');
	});

	it('docker lists link names on the source; dnet shows the link on the recipient', async () => {
		const [table, oracle] = await Promise.all([dnet(['ps', '-a']), dockerPs(['-a'])]);
		const source = oracle.find((o) => o.name === names.v4v6);
		expect(source?.names).toContain(`${names.link}/alias`);
		const row = parseTable(table).find((r) => r['NAME'] === names.link);
		expect(row?.['LINKS']?.split(', ').sort()).toEqual([`alias->${names.v4v6}`, `pa->${names.all}`]);
		expect(parseTable(table).find((r) => r['NAME'] === names.v4v6)?.['LINKS']).toBe('');
	});

	it('IDs and images as docker ps', async () => {
		const [table, oracle] = await Promise.all([
			dnet(['ps', '-a']),
			dockerOk(['ps', '-a', '--format', '{{.ID}}\t{{.Image}}\t{{.Names}}']),
		]);
		const rows = parseTable(table).filter((r) => isMine(r['NAME'] ?? ''));
		const byName = new Map(
			oracle
				.split('\n')
				.filter(Boolean)
				.map((l) => l.split('\t'))
				.map(([id, image, name]) => [name, `${id} ${image}`] as const),
		);
		for (const r of rows) expect(`${r['CONTAINER ID']} ${r['IMAGE']}`, r['NAME']).toBe(byName.get(r['NAME'] ?? ''));
	});
});

describe('dnet ps without -a', () => {
	it('shows the running ones only, as docker ps does', async () => {
		const [table, oracle] = await Promise.all([dnet(['ps']), dockerPs([])]);
		const shown = parseTable(table)
			.map((r) => r['NAME'] ?? '')
			.filter(isMine);
		expect(shown).toEqual(oracle.map((o) => o.name).filter(isMine));
		expect(shown).not.toContain(names.created);
		expect(shown).not.toContain(names.exited);
		expect(shown).not.toContain(names.plain);
		expect(shown).toContain(names.link);
	});
});

describe('dnet ps --json', () => {
	it('has the documented shape and the values docker reports', async () => {
		const [text, oracle] = await Promise.all([dnet(['ps', '-a', '--json']), dockerPs(['-a'])]);
		const parsed = JSON.parse(text) as PsJson[];
		expect(Array.isArray(parsed)).toBe(true);
		const rows = parsed.filter((r) => isMine(r.name));
		expect(rows.map((r) => r.name).sort()).toEqual([...mine].sort());
		const keys = ['id', 'name', 'image', 'command', 'created', 'state', 'status', 'portsText', 'ports', 'links', 'networks'];
		for (const r of parsed) expect(Object.keys(r).sort()).toEqual([...keys].sort());

		const inspected = JSON.parse(await dockerOk(['inspect', ...mine])) as Array<Record<string, any>>;
		for (const r of rows) {
			const raw = inspected.find((i) => i['Name'] === `/${r.name}`) as Record<string, any>;
			expect(r.id).toBe(raw['Id']);
			expect(r.image).toBe('dnet/webapp');
			expect(r.state).toBe(raw['State']['Status']);
			expect(Math.abs(r.created - Date.parse(raw['Created']) / 1000)).toBeLessThan(1);
			expect(r.portsText).toBe(oracle.find((o) => o.name === r.name)?.ports);
			expect(typeof r.command).toBe('string');
			expect(typeof r.status).toBe('string');
			for (const p of r.ports) {
				expect(Object.keys(p).sort()).toEqual(['ip', 'privatePort', 'protocol', 'publicPort']);
				expect(['tcp', 'udp', 'sctp']).toContain(p.protocol);
			}
			expect(r.networks.map((x) => [x.name, x.ipAddress])).toEqual(
				Object.entries(raw['NetworkSettings']['Networks'] as Record<string, {IPAddress: string}>).map(([k, v]) => [k, v.IPAddress]),
			);
		}
		const v4v6 = rows.find((r) => r.name === names.v4v6);
		const bound = (await dockerOk(['port', names.v4v6, '5000/udp'])).trim();
		const udp = v4v6?.ports.find((p) => p.protocol === 'udp');
		expect(`[${udp?.ip}]:${udp?.publicPort}`).toBe(bound);
		const plain = rows.find((r) => r.name === names.plain);
		expect(plain?.ports).toEqual([]);
		expect(plain?.command).toBe('sleep 1000');
		expect(plain?.state).toBe('created');
		// -P publishes every exposed port (5000/tcp, 7000-7001/udp) on 0.0.0.0 and ::, as docker port says
		const publishAll = rows.find((r) => r.name === names.all);
		const fromDocker = (await dockerOk(['port', names.all]))
			.split('\n')
			.filter(Boolean)
			.map((line) => {
				const m = /^(\d+)\/(\w+) -> \[?([^\]]*?)\]?:(\d+)$/.exec(line.trim());
				if (!m) throw new Error(`unexpected docker port line: ${line}`);
				return `${m[3]} ${m[4]} ${m[1]} ${m[2]}`;
			})
			.sort();
		expect(fromDocker.length).toBe(6);
		expect(publishAll?.ports.map((p) => `${p.ip} ${p.publicPort} ${p.privatePort} ${p.protocol}`).sort()).toEqual(fromDocker);
		// running, exposed by the image, not published
		expect(rows.find((r) => r.name === names.link)?.ports).toEqual([{ip: null, privatePort: 5000, publicPort: null, protocol: 'tcp'}]);
		expect(rows.find((r) => r.name === names.link)?.links.sort((a, b) => a.alias.localeCompare(b.alias))).toEqual([
			{alias: 'alias', source: names.v4v6},
			{alias: 'pa', source: names.all},
		]);
		expect(rows.find((r) => r.name === names.exited)?.status).toMatch(/^Exited \(0\) /);
	});
});

/** Runs `dnet` and `docker` views that depend on the whole engine; retries when others changed it in between. */
async function agree(dnetArgs: string[], dockerArgs: string[]): Promise<void> {
	let last: [string[], string[]] = [[], []];
	for (let attempt = 0; attempt < 3; attempt++) {
		const [ours, theirs] = await Promise.all([dnet(dnetArgs), dockerOk(dockerArgs)]);
		last = [ours.split('\n').filter(Boolean), theirs.split('\n').filter(Boolean)];
		if (JSON.stringify(last[0]) === JSON.stringify(last[1])) break;
	}
	expect(last[0], `dnet ${dnetArgs.join(' ')}`).toEqual(last[1]);
}

describe('dnet ps -q, -l, -n', () => {
	it('-q prints the short ids docker ps -q prints', async () => {
		const ids = new Set(
			(await dockerOk(['ps', '-a', '--filter', `name=^/${prefix}-`, '--format', '{{.ID}}'])).split('\n').filter(Boolean),
		);
		expect(ids.size).toBe(mine.length);
		const [ours, theirs] = await Promise.all([dnet(['ps', '-a', '-q']), dockerOk(['ps', '-a', '-q'])]);
		const pick = (s: string): string[] => s.split('\n').filter((id) => ids.has(id));
		expect(pick(ours)).toEqual(pick(theirs));
		for (const line of ours.split('\n').filter(Boolean)) expect(line).toMatch(/^[0-9a-f]{12}$/);
		const running = await Promise.all([dnet(['ps', '-q']), dockerOk(['ps', '-q'])]);
		expect(pick(running[0])).toEqual(pick(running[1]));
	});

	it('-l is the latest created container, of any state', async () => {
		await agree(['ps', '-l', '-q'], ['ps', '-l', '-q']);
	});

	it('-n 2 and -n 5 are the last created, newest first', async () => {
		await agree(['ps', '-n', '2', '-q'], ['ps', '-n', '2', '-q']);
		await agree(['ps', '-n', '5', '-q'], ['ps', '-n', '5', '-q']);
	});

	it('-n 0 means no limit (running only), as in docker', async () => {
		const [ours, theirs] = await Promise.all([dnet(['ps', '-n', '0', '-q']), dockerOk(['ps', '-n', '0', '-q'])]);
		const mineIds = new Set(
			(await dockerOk(['ps', '-a', '--filter', `name=^/${prefix}-`, '--format', '{{.ID}}'])).split('\n').filter(Boolean),
		);
		const pick = (s: string): string[] => s.split('\n').filter((id) => mineIds.has(id));
		expect(pick(theirs).length).toBeGreaterThan(0);
		expect(pick(ours)).toEqual(pick(theirs));
	});
});

describe('selectForPs (no engine)', () => {
	const row = (name: string, created: number, state = 'running'): ContainerSummary => ({
		id: `${name}-id`,
		name,
		image: 'i',
		command: '',
		created,
		state,
		status: '',
		ports: [],
		links: [],
		networks: [],
		labels: {},
	});
	// the engine lists newest first with nanosecond precision; `created` is only seconds
	const fromEngine = [row('zeta', 20), row('alpha', 20, 'exited'), row('mid', 15, 'paused'), row('old', 10, 'created')];
	const namesOf = (list: ContainerSummary[]): string[] => list.map((c) => c.name);

	it('keeps the engine order for containers created in the same second', () => {
		expect(namesOf(selectForPs(fromEngine, {all: true}))).toEqual(['zeta', 'alpha', 'mid', 'old']);
	});
	it('sorts newest first when given out of order', () => {
		// reversed: old, mid, alpha, zeta; ties keep the order they came in
		expect(namesOf(selectForPs([...fromEngine].reverse(), {all: true}))).toEqual(['alpha', 'zeta', 'mid', 'old']);
	});
	it('running and paused only by default; -l, -n N include every state', () => {
		expect(namesOf(selectForPs(fromEngine, {}))).toEqual(['zeta', 'mid']);
		expect(namesOf(selectForPs(fromEngine, {latest: true}))).toEqual(['zeta']);
		expect(namesOf(selectForPs(fromEngine, {last: 3}))).toEqual(['zeta', 'alpha', 'mid']);
	});
	it('-n 0 (and negative) is no limit, as docker ps', () => {
		expect(namesOf(selectForPs(fromEngine, {last: 0}))).toEqual(['zeta', 'mid']);
		expect(namesOf(selectForPs(fromEngine, {last: -1}))).toEqual(['zeta', 'mid']);
		expect(namesOf(selectForPs(fromEngine, {last: 0, all: true}))).toEqual(['zeta', 'alpha', 'mid', 'old']);
	});
});
