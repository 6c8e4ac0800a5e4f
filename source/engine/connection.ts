/**
 * Where the engine is: `-H/--host`, else `DOCKER_HOST` (with `DOCKER_TLS_VERIFY` and
 * `DOCKER_CERT_PATH`), else the default unix socket. Parsed here, once, so that every failure to
 * reach it can be worded with the endpoint the user gave.
 */
import type Dockerode from 'dockerode';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {EngineError} from './engine.js';

export const DEFAULT_SOCKET = '/var/run/docker.sock';

/** A resolved endpoint, in the terms dockerode's modem takes. */
export type Endpoint =
	| {kind: 'unix'; socketPath: string; display: string}
	| {
			kind: 'tcp';
			host: string;
			port: number;
			tls?: {ca?: Buffer; cert?: Buffer; key?: Buffer; verify: boolean};
			display: string;
	  }
	| {kind: 'ssh'; host: string; port: number; username?: string; display: string};

/** The environment variables that matter here. */
export interface ConnectionEnv {
	DOCKER_HOST?: string;
	DOCKER_TLS_VERIFY?: string;
	DOCKER_CERT_PATH?: string;
	DOCKER_TLS?: string;
	HOME?: string;
}

function readCert(dir: string, file: string): Buffer {
	const full = path.join(dir, file);
	try {
		return readFileSync(full);
	} catch {
		throw new EngineError(
			'bad-request',
			`cannot read TLS file ${full}`,
			'set DOCKER_CERT_PATH to the folder holding ca.pem, cert.pem and key.pem',
		);
	}
}

/** Resolves `-H` (when given) or the environment into an endpoint; throws `EngineError` on a bad value. */
export function resolveEndpoint(hostFlag: string | undefined, env: ConnectionEnv): Endpoint {
	const raw = (hostFlag ?? env.DOCKER_HOST ?? '').trim();
	if (raw === '') {
		return {kind: 'unix', socketPath: DEFAULT_SOCKET, display: `unix://${DEFAULT_SOCKET}`};
	}
	if (raw.startsWith('unix://')) {
		const socketPath = raw.slice('unix://'.length) || DEFAULT_SOCKET;
		return {kind: 'unix', socketPath, display: `unix://${socketPath}`};
	}
	if (raw.startsWith('/')) {
		return {kind: 'unix', socketPath: raw, display: `unix://${raw}`};
	}
	const withScheme = raw.includes('://') ? raw : `tcp://${raw}`;
	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		throw new EngineError(
			'bad-request',
			`invalid engine address: ${raw}`,
			'use unix:///path/to/docker.sock, tcp://HOST:PORT or ssh://USER@HOST',
		);
	}
	const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
	if (url.protocol === 'ssh:') {
		const port = url.port ? Number(url.port) : 22;
		return {
			kind: 'ssh',
			host,
			port,
			username: url.username || undefined,
			display: `ssh://${url.username ? `${url.username}@` : ''}${url.host}`,
		};
	}
	if (url.protocol !== 'tcp:' && url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new EngineError(
			'bad-request',
			`unsupported engine address scheme: ${url.protocol.replace(/:$/, '')}`,
			'use unix://, tcp:// or ssh://',
		);
	}
	if (host === '') {
		throw new EngineError('bad-request', `invalid engine address: ${raw}`, 'tcp:// needs a host, as in tcp://127.0.0.1:2375');
	}
	const verify = env.DOCKER_TLS_VERIFY !== undefined && env.DOCKER_TLS_VERIFY !== '' && env.DOCKER_TLS_VERIFY !== '0';
	const useTls = verify || url.protocol === 'https:' || (env.DOCKER_TLS !== undefined && env.DOCKER_TLS !== '' && env.DOCKER_TLS !== '0');
	const port = url.port ? Number(url.port) : useTls ? 2376 : 2375;
	if (!useTls) {
		return {kind: 'tcp', host, port, display: `tcp://${url.hostname}:${port}`};
	}
	const certDir = env.DOCKER_CERT_PATH || (env.HOME ? path.join(env.HOME, '.docker') : '');
	const tls = verify
		? {ca: readCert(certDir, 'ca.pem'), cert: readCert(certDir, 'cert.pem'), key: readCert(certDir, 'key.pem'), verify}
		: {verify};
	return {kind: 'tcp', host, port, tls, display: `tcp://${url.hostname}:${port} (TLS)`};
}

/** True when the endpoint is this machine: a unix socket or a loopback address. */
export function isLocalEndpoint(endpoint: Endpoint): boolean {
	if (endpoint.kind === 'unix') return true;
	if (endpoint.kind === 'ssh') return false;
	return endpoint.host === 'localhost' || endpoint.host === '::1' || /^127\./.test(endpoint.host);
}

/** dockerode's options for the endpoint. */
export function modemOptions(endpoint: Endpoint): Dockerode.DockerOptions {
	switch (endpoint.kind) {
		case 'unix':
			return {socketPath: endpoint.socketPath};
		case 'ssh':
			return {
				protocol: 'ssh',
				host: endpoint.host,
				port: endpoint.port,
				...(endpoint.username ? {username: endpoint.username} : {}),
				sshOptions: {agent: process.env['SSH_AUTH_SOCK']},
			};
		case 'tcp':
			return endpoint.tls
				? {
						protocol: 'https',
						host: endpoint.host,
						port: endpoint.port,
						...(endpoint.tls.ca ? {ca: endpoint.tls.ca} : {}),
						...(endpoint.tls.cert ? {cert: endpoint.tls.cert} : {}),
						...(endpoint.tls.key ? {key: endpoint.tls.key} : {}),
					}
				: {protocol: 'http', host: endpoint.host, port: endpoint.port};
	}
}
