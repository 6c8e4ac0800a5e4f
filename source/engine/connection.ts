/**
 * Where the engine is, by the docker CLI's rules (ARCHITECTURE.md, "Remote engines"): a context
 * chosen by `--context` > `-H` > `DOCKER_HOST` > `DOCKER_CONTEXT` > `currentContext` > `default`;
 * the default context's endpoint is `-H`, else `DOCKER_HOST`, else the default socket, with TLS
 * from `DOCKER_TLS_VERIFY` / `DOCKER_TLS` / `DOCKER_CERT_PATH`; a stored context's is its
 * `meta.json` Host with the TLS files kept beside it. Parsed here, once, so that every failure to
 * reach it can be worded with the endpoint the user gave.
 */
import type Dockerode from 'dockerode';
import {readFileSync} from 'node:fs';
import {Agent as HttpsAgent} from 'node:https';
import path from 'node:path';
import {chooseContext, DEFAULT_CONTEXT} from '../model/endpoint/context-name.js';
import {EngineError} from './engine.js';
import {configDir, currentContext, readContext, type TlsFiles} from './endpoint/store.js';
import {sshAgent} from './endpoint/ssh-agent.js';

export const DEFAULT_SOCKET = '/var/run/docker.sock';

export interface TlsSettings extends TlsFiles {
	verify: boolean;
}

/** A resolved endpoint, in the terms dockerode's modem takes. */
export type Endpoint =
	| {kind: 'unix'; socketPath: string; display: string}
	| {kind: 'tcp'; host: string; port: number; tls?: TlsSettings; display: string}
	| {kind: 'ssh'; host: string; port?: number; username?: string; path?: string; display: string};

/** The environment variables that matter here. */
export interface ConnectionEnv {
	DOCKER_HOST?: string;
	DOCKER_TLS_VERIFY?: string;
	DOCKER_CERT_PATH?: string;
	DOCKER_TLS?: string;
	DOCKER_CONTEXT?: string;
	DOCKER_CONFIG?: string;
	HOME?: string;
}

/** The context in use and its endpoint. */
export interface Target {
	context: string;
	endpoint: Endpoint;
}

function readCert(dir: string, file: string, required: boolean): Buffer | undefined {
	const full = path.join(dir, file);
	try {
		return readFileSync(full);
	} catch (error) {
		if (!required && (error as {code?: string}).code === 'ENOENT') return undefined;
		throw new EngineError(
			'bad-request',
			`cannot read TLS file ${full}`,
			'set DOCKER_CERT_PATH to the folder holding ca.pem, cert.pem and key.pem',
		);
	}
}

const badAddress = (raw: string): EngineError =>
	new EngineError('bad-request', `invalid engine address: ${raw}`, 'use unix:///path/to/docker.sock, tcp://HOST:PORT or ssh://USER@HOST');

/** Parses an engine address (`-H`, DOCKER_HOST, a context's Host) into an endpoint. */
export function parseHost(raw: string, tls?: TlsSettings): Endpoint {
	if (raw.startsWith('unix://')) {
		const socketPath = raw.slice('unix://'.length) || DEFAULT_SOCKET;
		return {kind: 'unix', socketPath, display: `unix://${socketPath}`};
	}
	// A bare path: dnet reads it as a socket (the CLI would make it a tcp:// path, which never works).
	if (raw.startsWith('/')) return {kind: 'unix', socketPath: raw, display: `unix://${raw}`};
	const withScheme = raw.includes('://') ? raw : `tcp://${raw}`;
	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		throw badAddress(raw);
	}
	const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
	if (url.protocol === 'ssh:') {
		if (host === '') throw new EngineError('bad-request', `invalid SSH URL: ${raw}: hostname is empty`, 'use ssh://USER@HOST[:PORT]');
		if (url.password) throw new EngineError('bad-request', `invalid SSH URL: ${raw}: plain-text password is not supported`, 'use a key or an agent');
		if (url.search || url.hash) throw new EngineError('bad-request', `invalid SSH URL: ${raw}: query parameters and fragments are not allowed`);
		const socket = url.pathname.replace(/^\/+$/, '');
		return {
			kind: 'ssh',
			host,
			...(url.port ? {port: Number(url.port)} : {}),
			...(url.username ? {username: decodeURIComponent(url.username)} : {}),
			...(socket ? {path: decodeURIComponent(url.pathname)} : {}),
			display: `ssh://${url.username ? `${url.username}@` : ''}${url.host}${socket ? url.pathname : ''}`,
		};
	}
	if (url.protocol !== 'tcp:' && url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new EngineError('bad-request', `unsupported engine address scheme: ${url.protocol.replace(/:$/, '')}`, 'use unix://, tcp:// or ssh://');
	}
	if (host === '') throw new EngineError('bad-request', `invalid engine address: ${raw}`, 'tcp:// needs a host, as in tcp://127.0.0.1:2375');
	// The docker CLI's default port is 2375, with or without TLS.
	const port = url.port ? Number(url.port) : 2375;
	const display = `tcp://${url.hostname}:${port}`;
	if (!tls) return {kind: 'tcp', host, port, display};
	return {kind: 'tcp', host, port, tls, display: `${display} (TLS)`};
}

/**
 * The default context's TLS, as the CLI's flags set it: on when DOCKER_TLS_VERIFY or DOCKER_TLS is
 * non-empty (any value, "0" too); verify only with DOCKER_TLS_VERIFY; ca.pem required, cert.pem and
 * key.pem when present, from DOCKER_CERT_PATH else the config folder.
 */
function envTls(env: ConnectionEnv): TlsSettings | undefined {
	const verify = (env.DOCKER_TLS_VERIFY ?? '') !== '';
	if (!verify && (env.DOCKER_TLS ?? '') === '') return undefined;
	const dir = env.DOCKER_CERT_PATH || configDir(env);
	return {
		verify,
		ca: readCert(dir, 'ca.pem', true),
		cert: readCert(dir, 'cert.pem', false),
		key: readCert(dir, 'key.pem', false),
	};
}

/** Resolves `-H` (when given) or the environment into the default context's endpoint. */
export function resolveEndpoint(hostFlag: string | undefined, env: ConnectionEnv): Endpoint {
	const raw = (hostFlag ?? '').trim() || (env.DOCKER_HOST ?? '').trim();
	const tls = envTls(env);
	if (raw === '') {
		// The CLI's default host: the socket, or tcp://localhost:2376 when TLS is on.
		return tls ? parseHost('tcp://localhost:2376', tls) : {kind: 'unix', socketPath: DEFAULT_SOCKET, display: `unix://${DEFAULT_SOCKET}`};
	}
	return parseHost(raw, tls);
}

/** A stored context's endpoint: its Host, TLS when it keeps TLS files or skips verification. */
export function contextEndpoint(env: ConnectionEnv, name: string): Endpoint {
	const stored = readContext(env, name);
	const host = stored.host.trim();
	if (host === '') return {kind: 'unix', socketPath: DEFAULT_SOCKET, display: `unix://${DEFAULT_SOCKET}`};
	const tls = stored.tls || stored.skipTLSVerify ? {...stored.tls, verify: !stored.skipTLSVerify} : undefined;
	try {
		return parseHost(host, tls);
	} catch (error) {
		if (error instanceof EngineError) throw new EngineError(error.kind, `context "${name}": ${error.message}`, error.hint);
		throw error;
	}
}

/** The whole resolution: which context, and its endpoint. Throws a one-line EngineError. */
export function resolveTarget(flags: {context?: string; host?: string}, env: ConnectionEnv): Target {
	const choice = chooseContext({
		contextFlag: flags.context,
		hostFlag: flags.host,
		dockerHost: env.DOCKER_HOST,
		dockerContext: env.DOCKER_CONTEXT,
		currentContext:
			flags.context || flags.host || env.DOCKER_HOST || env.DOCKER_CONTEXT ? undefined : currentContext(env),
	});
	if (choice.error !== undefined) throw new EngineError('bad-request', choice.error);
	if (choice.name === DEFAULT_CONTEXT) return {context: DEFAULT_CONTEXT, endpoint: resolveEndpoint(flags.host, env)};
	return {context: choice.name, endpoint: contextEndpoint(env, choice.name)};
}

/** True when the endpoint is this machine: a unix socket or a loopback address. */
export function isLocalEndpoint(endpoint: Endpoint): boolean {
	if (endpoint.kind === 'unix') return true;
	if (endpoint.kind === 'ssh') return false;
	return endpoint.host === 'localhost' || endpoint.host === '::1' || /^127\./.test(endpoint.host);
}

/** dockerode's options for the endpoint; ssh:// goes through the system ssh (engine/endpoint/ssh-agent.ts). */
export function modemOptions(endpoint: Endpoint): Dockerode.DockerOptions {
	switch (endpoint.kind) {
		case 'unix':
			return {socketPath: endpoint.socketPath};
		case 'ssh':
			return {protocol: 'http', host: 'docker', port: 80, agent: sshAgent(endpoint)} as Dockerode.DockerOptions;
		case 'tcp': {
			if (!endpoint.tls) return {protocol: 'http', host: endpoint.host, port: endpoint.port};
			const {ca, cert, key, verify} = endpoint.tls;
			// The agent carries the TLS settings (dockerode's own options cannot turn verification off).
			const agent = new HttpsAgent({
				keepAlive: true,
				rejectUnauthorized: verify,
				...(ca ? {ca} : {}),
				...(cert ? {cert} : {}),
				...(key ? {key} : {}),
			});
			return {protocol: 'https', host: endpoint.host, port: endpoint.port, agent} as Dockerode.DockerOptions;
		}
	}
}
