/**
 * Differential test of the port-spec model against the real docker CLI: for every case of the
 * table, `docker create` on the private engine (through a proxy that records the create body the
 * CLI sends) versus `buildPortConfig`: same ExposedPorts and PortBindings (in the request and in
 * `docker inspect`), or the same error message.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runCommand} from '../../source/commands/run.js';
import {buildPortConfig, PortSpecError, type EnginePortConfig} from '../../source/model/ports/index.js';
import {recordingContext} from '../commands/support.js';
import {dockerOk, privateHost, removeContainers, uniqueName} from '../support/engine.js';
import {flagCases, type FlagCase} from './port-specs.js';
import {cliError, dockerAt} from './support/docker-cli.js';
import {startCreateCapture, type CreateCapture} from './support/create-capture.js';
import {pool} from './support/pool.js';

type Outcome = {ok: true; config: EnginePortConfig} | {ok: false; message: string};

function dnetOutcome(flags: FlagCase): Outcome {
	const publish: string[] = [];
	const expose: string[] = [];
	let publishAll = false;
	for (let i = 0; i < flags.length; i++) {
		const flag = flags[i];
		if (flag === '-P') publishAll = true;
		else if (flag === '-p') publish.push(flags[++i] ?? '');
		else if (flag === '--expose') expose.push(flags[++i] ?? '');
	}
	try {
		return {ok: true, config: buildPortConfig({publish, expose, publishAll})};
	} catch (error) {
		if (error instanceof PortSpecError) return {ok: false, message: error.message};
		throw error;
	}
}

interface Observed {
	flags: FlagCase;
	name: string;
	code: number;
	stderr: string;
}

let capture: CreateCapture;
let observed: Observed[] = [];
let inspected = new Map<string, {exposed: unknown; bindings: unknown; publishAll: unknown}>();
let imageExposed: Record<string, unknown> = {};
let elapsedMs = 0;

describe(`port specs vs docker create (${flagCases.length} cases)`, () => {
	beforeAll(async () => {
		const started = Date.now();
		capture = await startCreateCapture({block: false});
		const image = JSON.parse(await dockerOk(['image', 'inspect', 'dnet/webapp'])) as Array<{Config?: {ExposedPorts?: Record<string, unknown>}}>;
		imageExposed = image[0]?.Config?.ExposedPorts ?? {};
		observed = await pool(flagCases, 12, async (flags, i) => {
			const name = uniqueName(`spec${i}`);
			const result = await dockerAt(capture.host, ['create', '--name', name, ...flags, 'dnet/webapp']);
			return {flags, name, code: result.code, stderr: result.stderr};
		});
		const created = observed.filter((o) => o.code === 0).map((o) => o.name);
		if (created.length > 0) {
			const raw = JSON.parse((await dockerAt(privateHost(), ['inspect', ...created])).stdout) as Array<{
				Name: string;
				Config: {ExposedPorts?: unknown};
				HostConfig: {PortBindings?: unknown; PublishAllPorts?: unknown};
			}>;
			inspected = new Map(
				raw.map((c) => [c.Name.slice(1), {exposed: c.Config.ExposedPorts, bindings: c.HostConfig.PortBindings, publishAll: c.HostConfig.PublishAllPorts}]),
			);
		}
		elapsedMs = Date.now() - started;
	}, 300_000);

	afterAll(async () => {
		await removeContainers(observed.filter((o) => o.code === 0).map((o) => o.name));
		await capture?.close();
	});

	it('covers at least 150 cases, valid and invalid', () => {
		expect(flagCases.length).toBeGreaterThanOrEqual(150);
		expect(observed.some((o) => o.code === 0)).toBe(true);
		expect(observed.some((o) => o.code !== 0)).toBe(true);
		// for the report
		console.info(`differential: ${observed.length} cases, ${observed.filter((o) => o.code === 0).length} valid, ${elapsedMs} ms`);
	});

	it.each(flagCases.map((flags, i) => [flags.join(' '), i] as const))('%s', (_label, i) => {
		const o = observed[i] as Observed;
		const dnet = dnetOutcome(o.flags);
		if (o.code !== 0) {
			const message = cliError(o.stderr);
			expect(message, `docker failed without a docker: line: ${o.stderr}`).not.toBeNull();
			expect(dnet).toEqual({ok: false, message});
			expect(capture.captured.has(o.name)).toBe(false);
			return;
		}
		expect(dnet.ok, `docker accepted it: ${dnet.ok ? '' : dnet.message}`).toBe(true);
		if (!dnet.ok) return;
		const sent = capture.captured.get(o.name)?.body as {ExposedPorts?: unknown; HostConfig?: {PortBindings?: unknown; PublishAllPorts?: unknown}};
		const expectedExposed = Object.keys(dnet.config.ExposedPorts).length > 0 ? dnet.config.ExposedPorts : undefined;
		expect(sent.ExposedPorts).toEqual(expectedExposed);
		expect(JSON.stringify(sent.HostConfig?.PortBindings)).toBe(JSON.stringify(dnet.config.PortBindings));
		expect(sent.HostConfig?.PublishAllPorts).toBe(dnet.config.PublishAllPorts);
		const after = inspected.get(o.name);
		expect(after?.bindings).toEqual(dnet.config.PortBindings);
		expect(after?.exposed).toEqual({...imageExposed, ...dnet.config.ExposedPorts});
		expect(after?.publishAll).toBe(dnet.config.PublishAllPorts);
	});

	it.each(flagCases.map((flags, i) => [flags.join(' '), i] as const))('dnet run --dry-run %s agrees with docker create', async (_label, i) => {
		const o = observed[i] as Observed;
		const rec = recordingContext(() => {
			throw new Error('--dry-run must not contact the engine');
		});
		const code = await runCommand(['--dry-run', ...o.flags, 'dnet/webapp'], rec.ctx);
		if (o.code !== 0) {
			expect({code, stderr: rec.stderr()}).toEqual({code: 125, stderr: `dnet: ${cliError(o.stderr)}\n\nRun 'dnet run --help' for more information\n`});
			return;
		}
		expect(code).toBe(0);
		const printed = JSON.parse(rec.stdout()) as {create: {ExposedPorts?: unknown; HostConfig: {PortBindings: unknown; PublishAllPorts: unknown}}};
		const sent = capture.captured.get(o.name)?.body as {ExposedPorts?: unknown; HostConfig?: {PortBindings?: unknown; PublishAllPorts?: unknown}};
		expect(JSON.stringify(printed.create.ExposedPorts)).toBe(JSON.stringify(sent.ExposedPorts));
		expect(JSON.stringify(printed.create.HostConfig.PortBindings)).toBe(JSON.stringify(sent.HostConfig?.PortBindings));
		expect(printed.create.HostConfig.PublishAllPorts).toBe(sent.HostConfig?.PublishAllPorts);
	});
});
