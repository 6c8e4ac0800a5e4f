/**
 * `formatPortsColumn` against the real `docker ps --format '{{.Ports}}'` (docker CLI as oracle),
 * on containers of the private engine with many binding shapes.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {formatPortsColumn} from '../../source/model/ports/format-ps.js';
import {docker, dockerOk, privateEngine, removeContainers, uniqueName} from '../support/engine.js';

// Below the ephemeral and the engine's random range (32768+), random per run to avoid stale bindings.
const base = 20000 + Math.floor(Math.random() * 100) * 100;
const p = (n: number): number => base + n;

const shapes: Array<{label: string; args: string[]; start: boolean}> = [
	{label: 'publish-all', args: ['-P'], start: true},
	{label: 'v4v6-udp', args: ['-p', `${p(0)}:5000`, '-p', `127.0.0.1:${p(1)}:5000/udp`], start: true},
	{
		label: 'ranges',
		args: ['-p', `127.0.0.9:${p(2)}-${p(4)}:${p(2)}-${p(4)}/udp`, '--expose', '6000-6003', '-p', `127.0.0.10:${p(5)}:${p(5)}`, '-p', `127.0.0.9:${p(5)}:${p(5)}`],
		start: true,
	},
	{label: 'ipv6-same', args: ['-p', `[::1]:${p(6)}:80`, '-p', `${p(7)}-${p(9)}:${p(7)}-${p(9)}`], start: true},
	{label: 'host-range', args: ['-p', `${p(10)}-${p(12)}:5000`, '-p', '127.0.0.1::7000/udp'], start: true},
	{label: 'stopped', args: ['-p', `${p(13)}:5000`, '--expose', '7000/sctp', '-p', '9000-9001/udp'], start: false},
	{label: 'exposed-gaps', args: ['--expose', '1-3', '--expose', '5', '--expose', '7-8/udp', '--expose', '65535'], start: true},
];

const names = shapes.map((s) => uniqueName(`ps-${s.label}`));

describe('PORTS column vs docker ps', () => {
	beforeAll(async () => {
		await Promise.all(
			shapes.map((shape, i) =>
				dockerOk([shape.start ? 'run' : 'create', ...(shape.start ? ['-d'] : []), '--name', names[i] as string, ...shape.args, 'dnet/webapp']),
			),
		);
	});
	afterAll(async () => {
		await removeContainers(names);
	});

	it('matches docker ps for every container', async () => {
		const engine = privateEngine();
		try {
			const listed = await engine.listContainers(true);
			const oracle = await docker(['ps', '-a', '--no-trunc', '--format', '{{.Names}}\t{{.Ports}}']);
			expect(oracle.code).toBe(0);
			const expected = new Map(
				oracle.stdout
					.split('\n')
					.filter((l) => l !== '')
					.map((l) => [l.slice(0, l.indexOf('\t')), l.slice(l.indexOf('\t') + 1)] as const),
			);
			for (const name of names) {
				const row = listed.find((c) => c.name === name);
				expect(row, name).toBeDefined();
				expect(formatPortsColumn(row?.ports ?? []), name).toBe(expected.get(name));
			}
		} finally {
			engine.close();
		}
	});
});
