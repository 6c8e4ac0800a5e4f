/**
 * A recording proxy for `docker service create`/`update`: it forwards every request on a unix
 * socket of its own to the private engine, except `POST /services/create`, which it records and
 * refuses (400), so the CLI's spec can be compared without creating anything (and without a swarm).
 */
import {mkdtempSync, rmSync} from 'node:fs';
import http from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {privateHost} from '../../support/engine.js';

export const SERVICE_BLOCKED = 'dnet-capture: service create blocked';

export interface ServiceCapture {
	host: string;
	/** Service create bodies by `Spec.Name`. */
	captured: Map<string, Record<string, unknown>>;
	close(): Promise<void>;
}

export async function startServiceCapture(): Promise<ServiceCapture> {
	const upstream = privateHost().slice('unix://'.length);
	const dir = mkdtempSync(join(tmpdir(), 'dnet-svc-capture-'));
	const socketPath = join(dir, 'docker.sock');
	const captured = new Map<string, Record<string, unknown>>();
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const body = Buffer.concat(chunks);
			const url = new URL(req.url ?? '/', 'http://engine');
			if (req.method === 'POST' && /\/services\/create$/.test(url.pathname)) {
				const spec = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
				captured.set(typeof spec['Name'] === 'string' ? spec['Name'] : '', spec);
				res.writeHead(400, {'Content-Type': 'application/json'});
				res.end(JSON.stringify({message: SERVICE_BLOCKED}));
				return;
			}
			const forward = http.request({socketPath: upstream, method: req.method, path: req.url, headers: {...req.headers, 'content-length': String(body.length)}}, (up) => {
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
		captured,
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
