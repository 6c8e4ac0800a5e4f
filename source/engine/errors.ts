/** Everything dockerode throws, turned into an `EngineError` worded for the endpoint the user gave. */
import {sanitize} from '../model/sanitize.js';
import type {Endpoint} from './connection.js';
import {EngineError} from './engine.js';

/** The oldest Engine API dnet speaks (Docker 17.06). */
export const MIN_API_VERSION = '1.30';

export function compareVersions(a: string, b: string): number {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		const d = (pa[i] ?? 0) - (pb[i] ?? 0);
		if (d !== 0) return d;
	}
	return 0;
}

/** An answer of the engine that is not the JSON asked for (cut mid-way, mangled): a failure, never an empty answer. */
export function mangledAnswer(endpoint: string): EngineError {
	return new EngineError('server', `the Docker engine at ${endpoint} sent an answer that is not valid JSON (cut or mangled)`, 'try again');
}

/** Turns whatever dockerode threw into an `EngineError` worded for `endpoint`. */
export function toEngineError(error: unknown, endpoint: Endpoint): EngineError {
	if (error instanceof EngineError) return error;
	const e = (error ?? {}) as {
		code?: string;
		statusCode?: number;
		json?: unknown;
		reason?: string;
		message?: string;
	};
	const where = endpoint.display;
	if (typeof e.code === 'string' && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_SSL|ERR_TLS/.test(e.code)) {
		return new EngineError(
			'unreachable',
			`cannot connect to the Docker engine at ${where}: TLS failed (${sanitize(e.message ?? e.code)})`,
			e.code.startsWith('ERR_SSL')
				? 'the engine refused the client certificate: check cert.pem and key.pem in DOCKER_CERT_PATH or the context'
				: "the engine's certificate is not trusted: check ca.pem in DOCKER_CERT_PATH or the context's TLS files",
		);
	}
	switch (e.code) {
		case 'ENOENT':
			return new EngineError(
				'socket-missing',
				`cannot connect to the Docker engine at ${where}: no such socket`,
				endpoint.kind === 'unix' && endpoint.socketPath === '/var/run/docker.sock'
					? 'is the Docker daemon running? Or set DOCKER_HOST / use -H to point at another engine'
					: 'is the Docker daemon running? Check DOCKER_HOST / -H',
			);
		case 'EACCES':
		case 'EPERM':
			return new EngineError(
				'permission-denied',
				`permission denied while connecting to the Docker engine at ${where}`,
				'add your user to the docker group (sudo usermod -aG docker $USER, then log in again) or run dnet with sudo',
			);
		case 'ECONNREFUSED':
		case 'ECONNRESET':
		case 'EHOSTUNREACH':
		case 'ENETUNREACH':
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
		case 'EPIPE':
			return new EngineError(
				'unreachable',
				`cannot connect to the Docker engine at ${where}: nothing is answering (${e.code})`,
				'is the Docker daemon running? Check DOCKER_HOST / -H',
			);
		case 'ETIMEDOUT':
		case 'ESOCKETTIMEDOUT':
			return new EngineError('timeout', `the Docker engine at ${where} did not answer in time`, 'check the network and the engine');
		default:
			break;
	}
	const status = e.statusCode;
	const json = e.json as {message?: unknown} | string | undefined;
	let message =
		(typeof json === 'object' && json !== null && typeof json.message === 'string' && json.message) ||
		(typeof json === 'string' && json.trim()) ||
		e.reason ||
		e.message ||
		String(error);
	message = sanitize(String(message)).replace(/^\(HTTP code \d+\)\s*/, '').trim();
	// dockerd refuses an API version it does not speak with a 400: check before the generic kinds.
	if (status !== undefined && /client version .* is too (old|new)|minimum supported API version/i.test(message)) {
		return new EngineError('api-too-old', message, 'upgrade the Docker engine', status);
	}
	if (status === 404) return new EngineError('not-found', message, undefined, status);
	if (status === 409) return new EngineError('conflict', message, undefined, status);
	if (status === 304) return new EngineError('not-modified', message, undefined, status);
	if (status === 400) return new EngineError('bad-request', message, undefined, status);
	return new EngineError(status === undefined ? 'unreachable' : 'server', message, undefined, status);
}

