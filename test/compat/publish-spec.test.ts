/**
 * Differential test of the service `--publish` parser (`model/swarm/publish.ts`) against the real
 * CLI: for every value, `docker service create --publish VALUE` through a proxy that records the
 * spec the CLI sends (and refuses it, so nothing is created and no swarm is needed) versus
 * `parsePublish`: the same `EndpointSpec.Ports` (as a set: the CLI's short syntax goes through a
 * Go map), or the same error line.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {PortSpecError} from '../../source/model/ports/index.js';
import {parsePublish, portKey, publishFlagError} from '../../source/model/swarm/publish.js';
import {mapPort} from '../../source/engine/services.js';
import {dockerAt} from './support/docker-cli.js';
import {pool} from './support/pool.js';
import {SERVICE_BLOCKED, startServiceCapture, type ServiceCapture} from './support/service-capture.js';
import {publishCases} from './publish-specs.js';

type Outcome = {ok: true; ports: string[]} | {ok: false; message: string};

function dnet(value: string): Outcome {
	try {
		return {ok: true, ports: parsePublish(value).map(portKey).sort()};
	} catch (error) {
		if (error instanceof PortSpecError) return {ok: false, message: publishFlagError(value, error.message)};
		throw error;
	}
}

let capture: ServiceCapture;
let cli: Array<{value: string; outcome: Outcome | {other: string}}> = [];

describe(`service --publish vs docker service create (${publishCases.length} values)`, () => {
	beforeAll(async () => {
		capture = await startServiceCapture();
		cli = await pool([...publishCases], 8, async (value, i) => {
			const name = `dnet-pub-${process.pid}-${i}`;
			const r = await dockerAt(capture.host, ['service', 'create', '--detach', '--no-resolve-image', '--name', name, '--publish', value, 'dnet/webapp']);
			const spec = capture.captured.get(name);
			if (spec) {
				const ports = ((spec['EndpointSpec'] as {Ports?: unknown[]} | undefined)?.Ports ?? []).map((p) => portKey(mapPort(p))).sort();
				return {value, outcome: {ok: true as const, ports}};
			}
			const line = r.stderr.split('\n').find((l) => l.startsWith('invalid argument '));
			return {value, outcome: line ? {ok: false as const, message: line} : {other: `${r.code} ${r.stderr}`}};
		});
	}, 240_000);

	afterAll(async () => {
		await capture?.close();
	});

	it('covers at least 60 values, valid and invalid', () => {
		expect(publishCases.length).toBeGreaterThanOrEqual(60);
		expect(cli.filter((c) => 'ok' in c.outcome && c.outcome.ok).length).toBeGreaterThanOrEqual(20);
		expect(cli.filter((c) => 'ok' in c.outcome && !c.outcome.ok).length).toBeGreaterThanOrEqual(30);
		expect(capture.captured.size).toBeGreaterThan(0);
		expect(SERVICE_BLOCKED).toContain('blocked');
	});

	it('reads every value as the CLI does: the same ports, or the same error line', () => {
		const mismatches = cli.filter((c) => JSON.stringify(c.outcome) !== JSON.stringify(dnet(c.value))).map((c) => ({value: c.value, cli: c.outcome, dnet: dnet(c.value)}));
		expect(mismatches).toEqual([]);
	});
});
