/**
 * Access to the private test engine started by `scripts/with-engine.sh` (or `scripts/engine.sh
 * start`). Tests get its address only from DNET_TEST_DOCKER_HOST, and refuse to run against the
 * user's default engine: they create and remove containers.
 */
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {resolveEndpoint} from '../../source/engine/connection.js';
import {DockerEngine} from '../../source/engine/docker-engine.js';

const run = promisify(execFile);

/** The private engine's address, e.g. `unix:///tmp/dnet-engine-0/docker.sock`. */
export function privateHost(): string {
	const host = process.env['DNET_TEST_DOCKER_HOST'];
	if (!host) {
		throw new Error(
			'DNET_TEST_DOCKER_HOST is not set: run the tests with `npm test` (scripts/with-engine.sh starts a private engine)',
		);
	}
	if (host === 'unix:///var/run/docker.sock' || host === 'unix:///run/docker.sock') {
		throw new Error('refusing to run engine tests against the default Docker socket');
	}
	return host;
}

/** A DockerEngine connected to the private engine. */
export function privateEngine(): DockerEngine {
	return new DockerEngine(resolveEndpoint(privateHost(), {}));
}

/** Environment for child processes (docker CLI, dnet) aimed at the private engine only. */
export function privateEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {...process.env, DOCKER_HOST: privateHost(), ...extra};
	delete env['DOCKER_CONTEXT'];
	delete env['DOCKER_TLS_VERIFY'];
	delete env['DOCKER_CERT_PATH'];
	return env;
}

export interface DockerResult {
	stdout: string;
	stderr: string;
	code: number;
}

/** Runs the docker CLI against the private engine; never throws on a non-zero exit. */
export async function docker(args: string[], options: {timeoutMs?: number} = {}): Promise<DockerResult> {
	try {
		const {stdout, stderr} = await run('docker', ['--host', privateHost(), ...args], {
			env: privateEnv(),
			timeout: options.timeoutMs ?? 60_000,
			maxBuffer: 64 * 1024 * 1024,
		});
		return {stdout, stderr, code: 0};
	} catch (error) {
		const e = error as {stdout?: string; stderr?: string; code?: number | string};
		return {stdout: e.stdout ?? '', stderr: e.stderr ?? '', code: typeof e.code === 'number' ? e.code : 1};
	}
}

/** Like `docker`, but throws with the CLI's stderr when it fails. */
export async function dockerOk(args: string[]): Promise<string> {
	const result = await docker(args);
	if (result.code !== 0) throw new Error(`docker ${args.join(' ')} failed: ${result.stderr.trim()}`);
	return result.stdout;
}

let counter = 0;
/** A container name unique to this test run: `dnet-t-<pid>-<n>-<label>`. */
export function uniqueName(label: string): string {
	counter += 1;
	return `dnet-t-${process.pid}-${counter}-${label}`;
}

/** Removes the named containers from the private engine, ignoring ones already gone. */
export async function removeContainers(names: string[]): Promise<void> {
	if (names.length > 0) await docker(['rm', '-f', '-v', ...names]);
}
