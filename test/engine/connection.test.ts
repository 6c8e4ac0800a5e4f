/**
 * resolveEndpoint and isLocalEndpoint: how `-H` and DOCKER_HOST / DOCKER_TLS_VERIFY /
 * DOCKER_CERT_PATH become an endpoint, and which values are refused (with a hint).
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {DEFAULT_SOCKET, isLocalEndpoint, resolveEndpoint, type ConnectionEnv, type Endpoint} from '../../source/engine/connection.js';
import {EngineError} from '../../source/engine/engine.js';

const certDir = mkdtempSync(path.join(tmpdir(), 'dnet-certs-'));
writeFileSync(path.join(certDir, 'ca.pem'), 'CA-PEM');
writeFileSync(path.join(certDir, 'cert.pem'), 'CERT-PEM');
writeFileSync(path.join(certDir, 'key.pem'), 'KEY-PEM');
const emptyDir = mkdtempSync(path.join(tmpdir(), 'dnet-nocerts-'));
const homeDir = mkdtempSync(path.join(tmpdir(), 'dnet-home-'));
mkdirSync(path.join(homeDir, '.docker'));
for (const f of ['ca', 'cert', 'key']) writeFileSync(path.join(homeDir, '.docker', `${f}.pem`), `HOME-${f}`);

afterAll(() => {
	rmSync(certDir, {recursive: true, force: true});
	rmSync(emptyDir, {recursive: true, force: true});
	rmSync(homeDir, {recursive: true, force: true});
});

/** The endpoint without Buffers, for readable table comparisons. */
function plain(e: Endpoint): Record<string, unknown> {
	if (e.kind !== 'tcp' || !e.tls) return {...e};
	return {
		...e,
		tls: {
			verify: e.tls.verify,
			ca: e.tls.ca?.toString(),
			cert: e.tls.cert?.toString(),
			key: e.tls.key?.toString(),
		},
	};
}

describe('resolveEndpoint', () => {
	const cases: Array<{label: string; flag?: string; env: ConnectionEnv; expected: Record<string, unknown>}> = [
		{
			label: 'nothing given: the default socket',
			env: {},
			expected: {kind: 'unix', socketPath: '/var/run/docker.sock', display: 'unix:///var/run/docker.sock'},
		},
		{
			label: 'empty DOCKER_HOST: the default socket',
			env: {DOCKER_HOST: '   '},
			expected: {kind: 'unix', socketPath: '/var/run/docker.sock', display: 'unix:///var/run/docker.sock'},
		},
		{
			label: 'unix:// with a path',
			env: {DOCKER_HOST: 'unix:///tmp/x/docker.sock'},
			expected: {kind: 'unix', socketPath: '/tmp/x/docker.sock', display: 'unix:///tmp/x/docker.sock'},
		},
		{
			label: 'unix:// alone: the default socket',
			env: {DOCKER_HOST: 'unix://'},
			expected: {kind: 'unix', socketPath: '/var/run/docker.sock', display: 'unix:///var/run/docker.sock'},
		},
		{
			label: 'a bare absolute path',
			env: {DOCKER_HOST: '/run/user/1000/docker.sock'},
			expected: {kind: 'unix', socketPath: '/run/user/1000/docker.sock', display: 'unix:///run/user/1000/docker.sock'},
		},
		{
			label: '-H wins over DOCKER_HOST',
			flag: 'unix:///from/flag.sock',
			env: {DOCKER_HOST: 'tcp://10.1.2.3:2375'},
			expected: {kind: 'unix', socketPath: '/from/flag.sock', display: 'unix:///from/flag.sock'},
		},
		{
			label: 'tcp://host:port',
			env: {DOCKER_HOST: 'tcp://10.1.2.3:4243'},
			expected: {kind: 'tcp', host: '10.1.2.3', port: 4243, display: 'tcp://10.1.2.3:4243'},
		},
		{
			label: 'tcp:// without a port: 2375',
			env: {DOCKER_HOST: 'tcp://docker.example'},
			expected: {kind: 'tcp', host: 'docker.example', port: 2375, display: 'tcp://docker.example:2375'},
		},
		{
			label: 'host:port without a scheme is tcp',
			env: {DOCKER_HOST: 'localhost:2375'},
			expected: {kind: 'tcp', host: 'localhost', port: 2375, display: 'tcp://localhost:2375'},
		},
		{
			label: 'a bracketed IPv6 address',
			flag: 'tcp://[::1]:2380',
			env: {},
			expected: {kind: 'tcp', host: '::1', port: 2380, display: 'tcp://[::1]:2380'},
		},
		{
			label: 'TLS verify with DOCKER_CERT_PATH: the three files, port 2375 as the CLI (TLS or not)',
			env: {DOCKER_HOST: 'tcp://10.1.2.3', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certDir},
			expected: {
				kind: 'tcp',
				host: '10.1.2.3',
				port: 2375,
				tls: {verify: true, ca: 'CA-PEM', cert: 'CERT-PEM', key: 'KEY-PEM'},
				display: 'tcp://10.1.2.3:2375 (TLS)',
			},
		},
		{
			label: 'TLS verify with an explicit port, certs from $HOME/.docker',
			env: {DOCKER_HOST: 'tcp://10.1.2.3:9999', DOCKER_TLS_VERIFY: '1', HOME: homeDir},
			expected: {
				kind: 'tcp',
				host: '10.1.2.3',
				port: 9999,
				tls: {verify: true, ca: 'HOME-ca', cert: 'HOME-cert', key: 'HOME-key'},
				display: 'tcp://10.1.2.3:9999 (TLS)',
			},
		},
		{
			label: 'DOCKER_TLS_VERIFY=0 still verifies: the CLI checks only that it is non-empty',
			env: {DOCKER_HOST: 'tcp://10.1.2.3:2375', DOCKER_TLS_VERIFY: '0', DOCKER_CERT_PATH: certDir},
			expected: {
				kind: 'tcp',
				host: '10.1.2.3',
				port: 2375,
				tls: {verify: true, ca: 'CA-PEM', cert: 'CERT-PEM', key: 'KEY-PEM'},
				display: 'tcp://10.1.2.3:2375 (TLS)',
			},
		},
		{
			label: 'DOCKER_TLS=1 without verify: TLS without verification, the files still read',
			env: {DOCKER_HOST: 'tcp://10.1.2.3', DOCKER_TLS: '1', DOCKER_CERT_PATH: certDir},
			expected: {
				kind: 'tcp',
				host: '10.1.2.3',
				port: 2375,
				tls: {verify: false, ca: 'CA-PEM', cert: 'CERT-PEM', key: 'KEY-PEM'},
				display: 'tcp://10.1.2.3:2375 (TLS)',
			},
		},
		{
			label: 'TLS with nothing else set: the CLI default tcp://localhost:2376',
			env: {DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certDir},
			expected: {
				kind: 'tcp',
				host: 'localhost',
				port: 2376,
				tls: {verify: true, ca: 'CA-PEM', cert: 'CERT-PEM', key: 'KEY-PEM'},
				display: 'tcp://localhost:2376 (TLS)',
			},
		},
		{
			label: 'ssh://user@host',
			env: {DOCKER_HOST: 'ssh://alice@build.example'},
			expected: {kind: 'ssh', host: 'build.example', username: 'alice', display: 'ssh://alice@build.example'},
		},
		{
			label: 'ssh with a socket path (given to docker system dial-stdio as --host)',
			env: {DOCKER_HOST: 'ssh://alice@build.example:2200/run/user/1000/docker.sock'},
			expected: {
				kind: 'ssh',
				host: 'build.example',
				port: 2200,
				username: 'alice',
				path: '/run/user/1000/docker.sock',
				display: 'ssh://alice@build.example:2200/run/user/1000/docker.sock',
			},
		},
		{
			label: 'ssh with a port, no user',
			flag: 'ssh://build.example:2222',
			env: {},
			expected: {kind: 'ssh', host: 'build.example', port: 2222, display: 'ssh://build.example:2222'},
		},
	];

	for (const c of cases) {
		it(c.label, () => {
			const got = plain(resolveEndpoint(c.flag, c.env));
			const tls = got['tls'] as Record<string, unknown> | undefined;
			if (tls) for (const k of Object.keys(tls)) if (tls[k] === undefined) delete tls[k];
			expect(got).toEqual(c.expected);
		});
	}

	it('DEFAULT_SOCKET is the standard one', () => {
		expect(DEFAULT_SOCKET).toBe('/var/run/docker.sock');
	});

	it('TLS certificates are read from the files, as Buffers', () => {
		const e = resolveEndpoint(undefined, {DOCKER_HOST: 'tcp://127.0.0.1:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certDir});
		expect(e.kind).toBe('tcp');
		if (e.kind !== 'tcp') return;
		expect(Buffer.isBuffer(e.tls?.ca)).toBe(true);
		expect(e.tls?.key?.toString()).toBe('KEY-PEM');
	});

	it('missing certificate files: an EngineError naming the file, with a hint', () => {
		let error: unknown;
		try {
			resolveEndpoint(undefined, {DOCKER_HOST: 'tcp://10.1.2.3:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: emptyDir});
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(EngineError);
		const e = error as EngineError;
		expect(e.message).toContain(path.join(emptyDir, 'ca.pem'));
		expect(e.hint).toMatch(/DOCKER_CERT_PATH/);
		expect(e.message).not.toContain('\n');
	});

	it('ca.pem is required; cert.pem and key.pem only when present, as in the CLI', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'dnet-somecerts-'));
		try {
			writeFileSync(path.join(dir, 'cert.pem'), 'x');
			expect(() => resolveEndpoint('tcp://h:1', {DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: dir})).toThrow(/ca\.pem/);
			writeFileSync(path.join(dir, 'ca.pem'), 'x');
			const e = resolveEndpoint('tcp://h:1', {DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: dir});
			expect(e.kind === 'tcp' && e.tls?.key).toBeUndefined();
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});

	const bad: Array<{label: string; value: string; message: RegExp}> = [
		{label: 'an unknown scheme', value: 'ftp://10.1.2.3:21', message: /scheme: ftp/},
		{label: 'npipe (Windows only)', value: 'npipe:////./pipe/docker_engine', message: /scheme/},
		{label: 'garbage', value: 'tcp://exa mple:2375', message: /invalid engine address/},
		{label: 'a port out of range', value: 'tcp://127.0.0.1:99999', message: /invalid engine address/},
	];
	for (const b of bad) {
		it(`refuses ${b.label} with a one-line EngineError and a hint`, () => {
			let error: unknown;
			try {
				resolveEndpoint(b.value, {});
			} catch (e) {
				error = e;
			}
			expect(error).toBeInstanceOf(EngineError);
			const e = error as EngineError;
			expect(e.kind).toBe('bad-request');
			expect(e.message).toMatch(b.message);
			expect(e.hint).toMatch(/unix:\/\//);
		});
	}
});

describe('isLocalEndpoint', () => {
	const cases: Array<[string, boolean]> = [
		['unix:///var/run/docker.sock', true],
		['/tmp/x.sock', true],
		['tcp://127.0.0.1:2375', true],
		['tcp://127.9.8.7:2375', true],
		['tcp://localhost:2375', true],
		['tcp://[::1]:2375', true],
		['tcp://[0:0:0:0:0:0:0:1]:2375', true],
		['tcp://10.0.0.1:2375', false],
		['tcp://128.0.0.1:2375', false],
		['tcp://docker.example:2375', false],
		['tcp://[2001:db8::1]:2375', false],
		['ssh://me@localhost', false],
	];
	for (const [value, local] of cases) {
		it(`${value} is ${local ? '' : 'not '}local`, () => {
			expect(isLocalEndpoint(resolveEndpoint(value, {}))).toBe(local);
		});
	}
});
