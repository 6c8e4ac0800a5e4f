/**
 * Endpoint resolution against the real docker CLI (issue 12): contexts made by `docker context
 * create` in a config folder of the test's own; for every combination of --context, -H,
 * DOCKER_HOST, DOCKER_CONTEXT and currentContext, dnet's chosen context and endpoint are the ones
 * `docker … context inspect` reports; `docker -c X version` and dnet's engine on the same context
 * both reach the private engine (or both fail); `dnet context ls [--json]` prints what docker's does.
 */
import {execFile} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {contextsCommand} from '../../source/commands/contexts.js';
import {resolveTarget, type ConnectionEnv} from '../../source/engine/connection.js';
import {DockerEngine} from '../../source/engine/docker-engine.js';
import {address} from '../../source/engine/endpoint/overview.js';
import {contextId} from '../../source/engine/endpoint/store.js';
import {privateHost} from '../support/engine.js';

const exec = promisify(execFile);
const root = mkdtempSync(path.join(tmpdir(), 'dnet-contexts-'));
const config = path.join(root, 'config');
const home = path.join(root, 'home');

/** The environment both tools get: only what the case sets, a config folder of the test's own. */
function baseEnv(extra: ConnectionEnv): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {PATH: process.env['PATH'], HOME: home, DOCKER_CONFIG: config};
	for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
	return env;
}

async function docker(args: string[], env: ConnectionEnv = {}): Promise<{stdout: string; stderr: string; code: number}> {
	try {
		const {stdout, stderr} = await exec('docker', args, {env: baseEnv(env), timeout: 30_000});
		return {stdout, stderr, code: 0};
	} catch (error) {
		const e = error as {stdout?: string; stderr?: string; code?: number};
		return {stdout: e.stdout ?? '', stderr: e.stderr ?? '', code: typeof e.code === 'number' ? e.code : 1};
	}
}

function setCurrent(name: string | undefined): void {
	writeFileSync(path.join(config, 'config.json'), JSON.stringify(name === undefined ? {auths: {}} : {auths: {}, currentContext: name}));
}

/** dnet's resolution: `name host`, or `error: message`. */
function dnetChoice(flags: {context?: string; host?: string}, env: ConnectionEnv): string {
	try {
		const t = resolveTarget(flags, baseEnv(env));
		return `${t.context} ${address(t.endpoint)}`;
	} catch (error) {
		return `error: ${(error as Error).message}`;
	}
}

async function dockerChoice(flags: {context?: string; host?: string}, env: ConnectionEnv): Promise<string> {
	const args = [
		...(flags.context ? ['--context', flags.context] : []),
		...(flags.host ? ['-H', flags.host] : []),
		'context',
		'inspect',
		'--format',
		'{{.Name}} {{.Endpoints.docker.Host}}',
	];
	const r = await docker(args, env);
	if (r.code !== 0) return `error: ${r.stderr.trim().split('\n').at(-1)}`;
	return r.stdout.trim();
}

beforeAll(async () => {
	mkdirSync(config, {recursive: true});
	mkdirSync(home, {recursive: true});
	setCurrent(undefined);
	for (const [name, host] of [
		['ctx-a', 'tcp://127.0.0.1:2001'],
		['ctx-b', 'ssh://someone@127.0.0.2:2222'],
		['ctx-c', 'unix:///tmp/dnet-c.sock'],
		['priv', privateHost()],
		['down', 'unix:///tmp/dnet-no-such-engine.sock'],
	]) {
		const r = await docker(['context', 'create', '--description', `the ${name}`, '--docker', `host=${host}`, name!]);
		expect(r.stderr).toContain('Successfully created');
	}
}, 60_000);

afterAll(() => rmSync(root, {recursive: true, force: true}));

describe('which context and endpoint, as docker chooses them', () => {
	const contexts = [undefined, 'ctx-a', 'default'];
	const hosts = [undefined, 'tcp://127.0.0.1:2010'];
	const dockerHosts = [undefined, 'unix:///tmp/from-env.sock'];
	const dockerContexts = [undefined, 'ctx-b'];
	const currents = [undefined, 'ctx-c', 'default'];
	for (const current of currents) {
		it(`every flag and variable combination, currentContext ${current ?? 'unset'}`, async () => {
			setCurrent(current);
			const seen: string[] = [];
			for (const context of contexts)
				for (const host of hosts)
					for (const DOCKER_HOST of dockerHosts)
						for (const DOCKER_CONTEXT of dockerContexts) {
							const flags = {context, host};
							const env = {DOCKER_HOST, DOCKER_CONTEXT};
							const label = JSON.stringify({flags, env});
							const theirs = await dockerChoice(flags, env);
							expect(`${label} ${dnetChoice(flags, env)}`).toBe(`${label} ${theirs}`);
							seen.push(theirs.split(' ')[0]!);
						}
			// The matrix reaches every outcome.
			expect(new Set(seen)).toEqual(new Set(['default', 'ctx-a', 'ctx-b', 'error:', ...(current === 'ctx-c' ? ['ctx-c'] : [])]));
		}, 120_000);
	}

	it('a missing context: one line naming it and the file, as docker', async () => {
		setCurrent(undefined);
		const theirs = await docker(['--context', 'nope', 'version']);
		const ours = dnetChoice({context: 'nope'}, {});
		expect(theirs.stderr).toContain(`context "nope": context not found`);
		expect(ours).toContain(`context "nope": context not found: ${path.join(config, 'contexts', 'meta', contextId('nope'), 'meta.json')}`);
		expect(ours).not.toContain('\n');
	});

	it('meta.json keys in any case, as Go reads them; a malformed one is named', async () => {
		const dir = path.join(config, 'contexts', 'meta', contextId('lower'));
		mkdirSync(dir, {recursive: true});
		writeFileSync(path.join(dir, 'meta.json'), '{"name":"lower","metadata":{"description":"d"},"endpoints":{"docker":{"host":"tcp://127.0.0.1:2020","skiptlsverify":false}}}');
		expect(dnetChoice({context: 'lower'}, {})).toBe(await dockerChoice({context: 'lower'}, {}));
		expect(dnetChoice({context: 'lower'}, {})).toBe('lower tcp://127.0.0.1:2020');
		const bad = path.join(config, 'contexts', 'meta', contextId('broken'));
		mkdirSync(bad, {recursive: true});
		writeFileSync(path.join(bad, 'meta.json'), '{"Name": "broken", ');
		expect((await docker(['--context', 'broken', 'version'])).code).not.toBe(0);
		expect(dnetChoice({context: 'broken'}, {})).toMatch(new RegExp(`^error: context "broken": ${path.join(bad, 'meta.json')} is malformed`));
		rmSync(dir, {recursive: true});
		rmSync(bad, {recursive: true});
	});
});

describe('reaching the engine through a context', () => {
	for (const name of ['priv', 'down']) {
		it(`docker -c ${name} version and dnet agree`, async () => {
			setCurrent(undefined);
			const theirs = await docker(['-c', name, 'version', '--format', '{{.Server.Version}}']);
			const engine = new DockerEngine(resolveTarget({context: name}, baseEnv({})).endpoint);
			try {
				const ours = await engine.info().then(
					(i) => i.version,
					() => 'failed',
				);
				expect(ours).toBe(theirs.code === 0 ? theirs.stdout.trim() : 'failed');
			} finally {
				engine.close();
			}
		});
	}
	it('DOCKER_CONTEXT reaches the private engine as docker does', async () => {
		const theirs = await docker(['version', '--format', '{{.Server.Version}}'], {DOCKER_CONTEXT: 'priv'});
		const engine = new DockerEngine(resolveTarget({}, baseEnv({DOCKER_CONTEXT: 'priv'})).endpoint);
		try {
			expect(theirs.code).toBe(0);
			expect((await engine.info()).version).toBe(theirs.stdout.trim());
		} finally {
			engine.close();
		}
	});
});

describe('dnet context ls', () => {
	const ls = async (args: string[], flags: {context?: string; host?: string}, env: ConnectionEnv): Promise<string> => {
		let out = '';
		const code = await contextsCommand(flags, baseEnv(env))(['ls', ...args], {
			engine: () => {
				throw new Error('no engine');
			},
			stdout: {write: (s) => void (out += String(s))},
			stderr: {write: () => undefined},
		});
		expect(code).toBe(0);
		return out;
	};
	const trimLines = (s: string): string =>
		s
			.split('\n')
			.map((l) => l.trimEnd())
			.join('\n');
	const settings: Array<[string, {context?: string; host?: string}, ConnectionEnv, string | undefined]> = [
		['nothing set', {}, {}, undefined],
		['currentContext', {}, {}, 'ctx-c'],
		['DOCKER_CONTEXT', {}, {DOCKER_CONTEXT: 'ctx-b'}, 'ctx-c'],
		['DOCKER_HOST', {}, {DOCKER_HOST: 'tcp://127.0.0.1:2999'}, 'ctx-c'],
		['--context', {context: 'priv'}, {}, undefined],
		['-H', {host: 'unix:///tmp/h.sock'}, {}, 'ctx-a'],
	];
	for (const [label, flags, env, current] of settings) {
		it(`prints docker context ls's table and JSON lines (${label})`, async () => {
			setCurrent(current);
			const global = [...(flags.context ? ['--context', flags.context] : []), ...(flags.host ? ['-H', flags.host] : [])];
			const table = await docker([...global, 'context', 'ls'], env);
			expect(trimLines(await ls([], flags, env))).toBe(trimLines(table.stdout));
			const json = await docker([...global, 'context', 'ls', '--format', 'json'], env);
			expect(await ls(['--json'], flags, env)).toBe(json.stdout);
		});
	}
});
