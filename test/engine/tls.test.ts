/**
 * tcp:// with TLS (issue 12, part 3), for real: a dockerd listening on a loopback port with
 * --tlsverify and certificates made by openssl (test/support/tls-engine.ts). DOCKER_TLS_VERIFY /
 * DOCKER_CERT_PATH and a context made by `docker context create` with its TLS files both reach it,
 * as the docker CLI does; a wrong CA or no client certificate is one clear line, and no request.
 */
import {execFile} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {resolveTarget, type ConnectionEnv} from '../../source/engine/connection.js';
import {DockerEngine} from '../../source/engine/docker-engine.js';
import {EngineError} from '../../source/engine/engine.js';
import {startTlsEngine, type TlsEngine} from '../support/tls-engine.js';

const exec = promisify(execFile);
let tls: TlsEngine;
let config: string;
let version: string;

beforeAll(async () => {
	tls = await startTlsEngine();
	config = mkdtempSync(path.join(tmpdir(), 'dnet-tls-config-'));
	version = (await exec('docker', ['--host', `unix://${tls.socket}`, 'version', '--format', '{{.Server.Version}}'])).stdout.trim();
}, 120_000);

afterAll(async () => {
	rmSync(config, {recursive: true, force: true});
	await tls?.stop();
}, 60_000);

const env = (extra: ConnectionEnv): ConnectionEnv => ({HOME: config, DOCKER_CONFIG: config, ...extra});

async function docker(args: string[], extra: ConnectionEnv): Promise<{stdout: string; code: number; stderr: string}> {
	try {
		const r = await exec('docker', args, {env: {PATH: process.env['PATH'], ...env(extra)}});
		return {...r, code: 0};
	} catch (error) {
		const e = error as {stdout?: string; stderr?: string; code?: number};
		return {stdout: e.stdout ?? '', stderr: e.stderr ?? '', code: e.code ?? 1};
	}
}

async function reach(flags: {context?: string}, extra: ConnectionEnv): Promise<string> {
	const engine = new DockerEngine(resolveTarget(flags, env(extra)).endpoint);
	try {
		return (await engine.info()).version;
	} finally {
		engine.close();
	}
}

describe('TLS', () => {
	it('DOCKER_HOST + DOCKER_TLS_VERIFY + DOCKER_CERT_PATH reach the engine, as docker does', async () => {
		const vars = {DOCKER_HOST: tls.host, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: tls.certDir};
		expect((await docker(['version', '--format', '{{.Server.Version}}'], vars)).stdout.trim()).toBe(version);
		expect(await reach({}, vars)).toBe(version);
		const listed = new DockerEngine(resolveTarget({}, env(vars)).endpoint);
		try {
			expect(await listed.listContainers(true)).toEqual([]);
		} finally {
			listed.close();
		}
	});

	it('a context made by docker context create with TLS files', async () => {
		const files = `ca=${tls.certDir}/ca.pem,cert=${tls.certDir}/cert.pem,key=${tls.certDir}/key.pem`;
		const created = await docker(['context', 'create', 'secure', '--docker', `host=${tls.host},${files}`], {});
		expect(created.code).toBe(0);
		expect((await docker(['-c', 'secure', 'version', '--format', '{{.Server.Version}}'], {})).stdout.trim()).toBe(version);
		expect(await reach({context: 'secure'}, {})).toBe(version);
	});

	it('a wrong CA: one line saying the certificate is not trusted, as docker refuses', async () => {
		const vars = {DOCKER_HOST: tls.host, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: tls.wrongCaDir};
		const theirs = await docker(['version', '--format', '{{.Server.Version}}'], vars);
		expect(theirs.code).not.toBe(0);
		expect(theirs.stderr).toMatch(/certificate/);
		const error = await reach({}, vars).then(
			() => null,
			(e: unknown) => e,
		);
		expect(error).toBeInstanceOf(EngineError);
		const e = error as EngineError;
		expect(e.message).toMatch(new RegExp(`^cannot connect to the Docker engine at ${tls.host.replace(/[.]/g, '\\.')} \\(TLS\\): TLS failed`));
		expect(e.message).not.toContain('\n');
		expect(e.hint).toMatch(/ca\.pem/);
	});

	it('verification off (DOCKER_TLS without DOCKER_TLS_VERIFY) still needs the client certificate the engine asks for', async () => {
		const vars = {DOCKER_HOST: tls.host, DOCKER_TLS: '1', DOCKER_CERT_PATH: tls.wrongCaDir};
		// Wrong CA, but not checked: the engine gets our client certificate and answers.
		expect((await docker(['version', '--format', '{{.Server.Version}}'], vars)).stdout.trim()).toBe(version);
		expect(await reach({}, vars)).toBe(version);
	});

	it('plain tcp:// to the TLS port fails, with docker', async () => {
		expect((await docker(['version'], {DOCKER_HOST: tls.host})).code).not.toBe(0);
		await expect(reach({}, {DOCKER_HOST: tls.host})).rejects.toBeInstanceOf(EngineError);
	});
});
