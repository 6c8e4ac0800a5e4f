/**
 * Fuzzing the command line (README, "Reliability"): 100,000 generated `-p`, `--expose`, `--link`
 * and `--name` values and whole `dnet run` argument vectors through the parser (fast-check, seeded,
 * bounded by count and by time): no crash, no hang, every rejection one line (then docker's usage
 * lines) with exit 125 and nothing sent to the engine; a random sample of 300 `-p` values compared
 * with the real docker CLI in the same run.
 */
import fc from 'fast-check';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runCommand} from '../../source/commands/run.js';
import {buildPortConfig, PortSpecError} from '../../source/model/ports/index.js';
import {RunSpecError, validateContainerName, validateLink} from '../../source/model/run-spec.js';
import {recordingContext} from '../commands/support.js';
import {uniqueName} from '../support/engine.js';
import {startFaultProxy, type FaultProxy} from '../support/fault-proxy.js';
import {FakeEngine} from '../support/fake-engine.js';
import {cliError, dockerAt} from '../compat/support/docker-cli.js';
import {pool} from '../compat/support/pool.js';
import {PATHS, privateSocket} from './support.js';

const SEED = 17;
/** Per kind of value; four kinds make 100,000. */
const PER_KIND = 25_000;
const TIME_LIMIT_MS = 8_000;

const num = fc.oneof(fc.integer({min: 0, max: 70_000}).map(String), fc.constantFrom('', '080', '0x50', '+80', '-1', '1e3', '99999999999999999999', ' 80'));
// Mostly small ranges (a range is expanded port by port, by docker as by dnet), some arbitrary ones.
const range = fc.oneof(
	{weight: 6, arbitrary: num},
	{weight: 3, arbitrary: fc.tuple(fc.integer({min: 0, max: 65_600}), fc.integer({min: -2, max: 20})).map(([a, d]) => `${a}-${a + d}`)},
	{weight: 1, arbitrary: fc.tuple(num, num).map(([a, b]) => `${a}-${b}`)},
);
const ip = fc.constantFrom('', '127.0.0.1', '0.0.0.0', '::1', '[::1]', '[::]', '1.2.3', '256.1.1.1', 'localhost', 'fe80::1%eth0', '[fe80::1%eth0]', '::ffff:1.2.3.4');
const proto = fc.constantFrom('', '/tcp', '/udp', '/sctp', '/TCP', '/foo', '/', '/udp/tcp');
const portSpec = fc.oneof(
	{weight: 5, arbitrary: fc.tuple(ip, range, range, proto).map(([i, h, c, p]) => (i ? `${i}:${h}:${c}${p}` : `${h}:${c}${p}`))},
	{weight: 2, arbitrary: fc.tuple(range, proto).map(([c, p]) => `${c}${p}`)},
	{weight: 1, arbitrary: fc.tuple(num, num, fc.constantFrom('', 'udp', 'bogus')).map(([t, p, pr]) => `target=${t},published=${p}${pr ? `,protocol=${pr}` : ''}`)},
	{weight: 2, arbitrary: fc.string({maxLength: 30})},
);
const nameLike = fc.oneof(fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,20}$/), fc.string({maxLength: 20}), fc.string({maxLength: 10, unit: 'grapheme'}));
const linkSpec = fc.oneof(fc.tuple(nameLike, nameLike).map(([s, a]) => `${s}:${a}`), nameLike, fc.string({maxLength: 30}));

/** True when `error` is the parser's own refusal, worded on one line. */
const oneLineRefusal = (error: unknown, kind: new (...a: never[]) => Error): boolean =>
	error instanceof kind && error.message.length > 0 && !error.message.includes('\n');

const budget = {seed: SEED, numRuns: PER_KIND, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false};

describe('100,000 generated values through the parser', () => {
	it.each([
		['-p', portSpec, (v: string) => buildPortConfig({publish: [v], expose: [], publishAll: false}), PortSpecError],
		['--expose', fc.oneof(range, fc.tuple(range, proto).map(([r, p]) => `${r}${p}`), fc.string({maxLength: 20})), (v: string) => buildPortConfig({publish: [], expose: [v], publishAll: false}), PortSpecError],
		['--link', linkSpec, (v: string) => validateLink(v), RunSpecError],
		['--name', nameLike, (v: string) => validateContainerName(v), RunSpecError],
	] as const)('%s: accepted or refused in one line, never a crash', (_flag, arbitrary, parse, kind) => {
		let runs = 0;
		fc.assert(
			fc.property(arbitrary, (value) => {
				runs += 1;
				try {
					parse(value);
				} catch (error) {
					return oneLineRefusal(error, kind);
				}
				return true;
			}),
			budget,
		);
		expect(runs).toBeGreaterThan(1000);
	});
});

describe('whole dnet run argument vectors', () => {
	const flag = fc.oneof(
		portSpec.map((v) => ['-p', v]),
		linkSpec.map((v) => ['--link', v]),
		nameLike.map((v) => ['--name', v]),
		fc.constantFrom(['-d'], ['-P'], ['--rm'], ['-i'], ['-t'], ['--bogus'], ['-e', 'A=1'], ['--network', 'none'], ['--'], ['-p'], ['--name=']),
		fc.string({maxLength: 12}).map((s) => [s]),
	);
	const argv = fc.tuple(fc.array(flag, {maxLength: 6}), fc.oneof(fc.constantFrom('dnet/webapp', 'UPPER', 'a:b:c', '', '-x'), fc.string({maxLength: 12})), fc.array(fc.string({maxLength: 8}), {maxLength: 3})).map(
		([flags, image, rest]) => [...flags.flat(), image, ...rest],
	);

	it('each: exit 0 with the engine asked, or refused in one line (125, or 1 for a missing image) with nothing sent', async () => {
		let runs = 0;
		await fc.assert(
			fc.asyncProperty(argv, async (args) => {
				runs += 1;
				const engine = new FakeEngine();
				engine.images = [{id: `sha256:${'a'.repeat(64)}`, tags: ['dnet/webapp:latest'], created: 1, size: 1}];
				const out = recordingContext(() => engine);
				const code = await runCommand(args, out.ctx);
				if (code === 0) return true;
				const first = (out.stderr().split('\n\n')[0] ?? '').trimEnd();
				if (code !== 125 && code !== 1) return engine.calls.length > 0; // the engine refused (a fake's answer), after a valid parse
				return first.length > 0 && !first.includes('\n') && (engine.calls.length === 0 || code === 1);
			}),
			{seed: SEED, numRuns: 3000, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false},
		);
		expect(runs).toBeGreaterThan(300);
	});
});

describe('a random sample of 300 generated -p values against the docker CLI', () => {
	// The CLI checks -p itself; a valid one reaches the engine's create, which the proxy refuses: nothing is made.
	const BLOCKED = 'dnet-fuzz: create blocked';
	let proxy: FaultProxy;
	beforeAll(async () => {
		proxy = await startFaultProxy(privateSocket());
		proxy.inject({method: 'POST', path: PATHS.create, fault: {kind: 'status', status: 400, message: BLOCKED}});
	});
	afterAll(async () => proxy.close());

	it('the same verdict and the same words', async () => {
		const sample = fc.sample(portSpec, {seed: SEED + 1, numRuns: 300});
		const verdicts = await pool(sample, 8, async (value) => {
			const r = await dockerAt(proxy.host, ['create', '--name', uniqueName('fz'), '-p', value, 'dnet/webapp']);
			const said = cliError(r.stderr);
			let mine: string | null = null;
			try {
				buildPortConfig({publish: [value], expose: [], publishAll: false});
			} catch (error) {
				if (!(error instanceof PortSpecError)) throw error;
				mine = error.message;
			}
			return {value, docker: r.stderr.includes(BLOCKED) ? null : (said ?? `exit ${r.code}: ${r.stderr.trim()}`), dnet: mine};
		});
		const differ = verdicts.filter((v) => v.docker !== v.dnet);
		expect(differ).toEqual([]);
	}, 120_000);
});
