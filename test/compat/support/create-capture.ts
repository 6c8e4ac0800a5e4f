/**
 * A recording proxy between the docker CLI and the private engine: it forwards every request on a
 * unix socket of its own to the engine's socket, and keeps the JSON bodies of
 * `POST /containers/create`, so tests can compare dnet's create body with the one the CLI really
 * sends. Optionally it answers create itself (status 400) so nothing is created.
 */
import {mkdtempSync, rmSync} from 'node:fs';
import http from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {privateHost} from '../../support/engine.js';

/** One captured create request. */
export interface CapturedCreate {
	/** `name` query parameter, or null. */
	name: string | null;
	body: Record<string, unknown>;
}

export interface CreateCapture {
	/** `unix://…` address for the docker CLI's `--host`. */
	host: string;
	/** Bodies captured so far, keyed by the `name` query parameter (tests name every container). */
	captured: Map<string, CapturedCreate>;
	close(): Promise<void>;
}

/** The message the proxy answers create with when `block` is set. */
export const BLOCKED_MESSAGE = 'dnet-capture: create blocked';

/** A proxy on a unix socket of its own in front of the private engine, and its address for `--host`. */
export interface RecordingProxy {
	host: string;
	close(): Promise<void>;
}

/**
 * Forwards every request to the private engine's socket, after showing it to `see` (method, URL,
 * body): when `see` returns a message, the request is answered 400 with it and never forwarded.
 */
export async function startRecordingProxy(see: (method: string, url: URL, body: Buffer) => string | null): Promise<RecordingProxy> {
	const upstream = privateHost();
	if (!upstream.startsWith('unix://')) throw new Error('the recording proxy needs a unix:// private engine');
	const upstreamPath = upstream.slice('unix://'.length);
	const dir = mkdtempSync(join(tmpdir(), 'dnet-capture-'));
	const socketPath = join(dir, 'docker.sock');
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const body = Buffer.concat(chunks);
			const refusal = see(req.method ?? 'GET', new URL(req.url ?? '/', 'http://engine'), body);
			if (refusal !== null) {
				res.writeHead(400, {'Content-Type': 'application/json'});
				res.end(JSON.stringify({message: refusal}));
				return;
			}
			const headers = {...req.headers, 'content-length': String(body.length)};
			const forward = http.request({socketPath: upstreamPath, method: req.method, path: req.url, headers}, (up) => {
				res.writeHead(up.statusCode ?? 502, up.headers);
				up.pipe(res);
			});
			forward.on('error', (error) => {
				res.writeHead(502);
				res.end(String(error));
			});
			forward.end(body);
		});
	});
	await new Promise<void>((resolve) => server.listen(socketPath, resolve));
	return {
		host: `unix://${socketPath}`,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => {
					rmSync(dir, {recursive: true, force: true});
					resolve();
				});
				server.closeAllConnections();
			}),
	};
}

/** Starts the proxy. With `block`, create requests are recorded and refused, never forwarded. */
export async function startCreateCapture(options: {block: boolean}): Promise<CreateCapture> {
	const captured = new Map<string, CapturedCreate>();
	const proxy = await startRecordingProxy((method, url, body) => {
		if (method !== 'POST' || !/\/containers\/create$/.test(url.pathname)) return null;
		const name = url.searchParams.get('name');
		captured.set(name ?? '', {name, body: JSON.parse(body.toString('utf8')) as Record<string, unknown>});
		return options.block ? BLOCKED_MESSAGE : null;
	});
	return {...proxy, captured};
}
