/**
 * Failures, worded: toEngineError on the shapes dockerode throws, then real failures to connect
 * (missing socket, a closed tcp port, a socket that is not an engine, an old engine), and
 * parseEvent on the lines `GET /events` sends.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {chmodSync} from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import Dockerode from 'dockerode';
import {afterAll, describe, expect, it} from 'vitest';
import {resolveEndpoint, type Endpoint} from '../../source/engine/connection.js';
import {DockerEngine, parseEvent, toEngineError} from '../../source/engine/docker-engine.js';
import {EngineError, type EngineEvent} from '../../source/engine/engine.js';
import {privateHost} from '../support/engine.js';

const dir = mkdtempSync(path.join(tmpdir(), 'dnet-errors-'));
const servers: Array<net.Server | http.Server> = [];
const sockets = new Set<net.Socket>();
afterAll(async () => {
	for (const socket of sockets) socket.destroy();
	for (const s of servers) if (s instanceof http.Server) s.closeAllConnections();
	await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
	rmSync(dir, {recursive: true, force: true});
});

const unixEndpoint = resolveEndpoint('unix:///tmp/some/docker.sock', {});
const defaultEndpoint = resolveEndpoint(undefined, {});
const tcpEndpoint = resolveEndpoint('tcp://127.0.0.1:2375', {});

/** An Error carrying the fields dockerode / node put on it. */
function nodeError(code: string, message = `connect ${code} /tmp/some/docker.sock`): Error {
	return Object.assign(new Error(message), {code, errno: -1, syscall: 'connect'});
}
/** What docker-modem throws for a non-2xx answer. */
function httpError(statusCode: number, json: unknown, reason = 'server error'): Error {
	return Object.assign(new Error(`(HTTP code ${statusCode}) ${reason} - ${JSON.stringify(json)}`), {statusCode, reason, json});
}

describe('toEngineError on error codes', () => {
	const cases: Array<{code: string; endpoint: Endpoint; kind: string; message: RegExp; hint: RegExp}> = [
		{code: 'ENOENT', endpoint: unixEndpoint, kind: 'socket-missing', message: /unix:\/\/\/tmp\/some\/docker\.sock.*no such socket/, hint: /DOCKER_HOST/},
		{code: 'ENOENT', endpoint: defaultEndpoint, kind: 'socket-missing', message: /unix:\/\/\/var\/run\/docker\.sock/, hint: /daemon running.*-H/},
		{code: 'EACCES', endpoint: unixEndpoint, kind: 'permission-denied', message: /permission denied.*\/tmp\/some\/docker\.sock/, hint: /docker group/},
		{code: 'EPERM', endpoint: unixEndpoint, kind: 'permission-denied', message: /permission denied/, hint: /usermod/},
		{code: 'ECONNREFUSED', endpoint: tcpEndpoint, kind: 'unreachable', message: /tcp:\/\/127\.0\.0\.1:2375.*ECONNREFUSED/, hint: /daemon running/},
		{code: 'ECONNRESET', endpoint: unixEndpoint, kind: 'unreachable', message: /nothing is answering/, hint: /DOCKER_HOST/},
		{code: 'ENOTFOUND', endpoint: tcpEndpoint, kind: 'unreachable', message: /ENOTFOUND/, hint: /-H/},
		{code: 'ETIMEDOUT', endpoint: tcpEndpoint, kind: 'timeout', message: /tcp:\/\/127\.0\.0\.1:2375 did not answer in time/, hint: /network/},
		{code: 'ESOCKETTIMEDOUT', endpoint: tcpEndpoint, kind: 'timeout', message: /did not answer in time/, hint: /engine/},
	];
	for (const c of cases) {
		it(`${c.code} on ${c.endpoint.display} is ${c.kind}`, () => {
			const e = toEngineError(nodeError(c.code), c.endpoint);
			expect(e).toBeInstanceOf(EngineError);
			expect(e.kind).toBe(c.kind);
			expect(e.message).toMatch(c.message);
			expect(e.hint ?? '').toMatch(c.hint);
			expect(e.message).not.toMatch(/\n/);
		});
	}

	it('an EngineError passes through unchanged', () => {
		const original = new EngineError('conflict', 'x');
		expect(toEngineError(original, unixEndpoint)).toBe(original);
	});

	it('undefined, a string and an unknown code still give an EngineError', () => {
		expect(toEngineError(undefined, unixEndpoint)).toBeInstanceOf(EngineError);
		expect(toEngineError('boom', unixEndpoint).message).toBe('boom');
		const odd = toEngineError(nodeError('EWEIRD', 'something odd'), unixEndpoint);
		expect(odd.kind).toBe('unreachable');
		expect(odd.message).toBe('something odd');
	});
});

describe('toEngineError on HTTP answers', () => {
	const cases: Array<{status: number; message: string; kind: string}> = [
		{status: 404, message: 'No such container: nope', kind: 'not-found'},
		{status: 409, message: 'Conflict. The container name "/web" is already in use by container "abc".', kind: 'conflict'},
		{status: 304, message: 'container already stopped', kind: 'not-modified'},
		{status: 400, message: 'invalid port specification: "x"', kind: 'bad-request'},
		{status: 500, message: 'driver failed programming external connectivity', kind: 'server'},
	];
	for (const c of cases) {
		it(`${c.status} is ${c.kind}, with json.message as the message`, () => {
			const e = toEngineError(httpError(c.status, {message: c.message}), unixEndpoint);
			expect(e.kind).toBe(c.kind);
			expect(e.statusCode).toBe(c.status);
			expect(e.message).toBe(c.message);
		});
	}

	it('without json, the reason; the "(HTTP code N)" prefix never shows', () => {
		const e = toEngineError(Object.assign(new Error('(HTTP code 304) container already started - '), {statusCode: 304}), unixEndpoint);
		expect(e.kind).toBe('not-modified');
		expect(e.message).not.toMatch(/HTTP code/);
		expect(e.message).toMatch(/container already started/);
		const e2 = toEngineError(httpError(500, 'plain text body\n', 'server error'), unixEndpoint);
		expect(e2.message).toBe('plain text body');
	});

	it('control characters in the message are stripped', () => {
		const e = toEngineError(httpError(404, {message: 'No such container: \u001b[2J\u001b]0;pwned\u0007x\u009by\r\nz'}), unixEndpoint);
		expect(e.kind).toBe('not-found');
		expect(e.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
		expect(e.message).toContain('No such container: [2J]0;pwnedxy');
		expect(e.message).not.toContain('\n');
	});

	it('an engine refusing the client API version is api-too-old, not a bad request', () => {
		// dockerd answers this with 400 (see the real engine below)
		const e = toEngineError(httpError(400, {message: 'client version 1.99 is too new. Maximum supported API version is 1.41'}), unixEndpoint);
		expect(e.kind).toBe('api-too-old');
		expect(e.hint).toMatch(/upgrade/);
	});
});

/** A path for a unix socket in the temp folder. */
const sockPath = (name: string): string => path.join(dir, name);

async function listen(server: net.Server | http.Server, where: string | {port: number; host: string}): Promise<void> {
	servers.push(server);
	server.on('connection', (socket: net.Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		if (typeof where === 'string') server.listen(where, () => resolve());
		else server.listen(where.port, where.host, () => resolve());
	});
}

/** A tcp port on 127.0.0.1 that nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
	const s = net.createServer();
	await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', () => resolve()));
	const port = (s.address() as net.AddressInfo).port;
	await new Promise<void>((resolve) => s.close(() => resolve()));
	return port;
}

async function failure(p: Promise<unknown>): Promise<EngineError> {
	try {
		await p;
	} catch (error) {
		expect(error).toBeInstanceOf(EngineError);
		return error as EngineError;
	}
	throw new Error('expected a failure');
}

function engineAt(where: string): DockerEngine {
	return new DockerEngine(resolveEndpoint(where, {}));
}

describe('failing to connect, for real', () => {
	it('a missing socket path is socket-missing', async () => {
		const engine = engineAt(`unix://${sockPath('absent.sock')}`);
		try {
			const e = await failure(engine.info());
			expect(e.kind).toBe('socket-missing');
			expect(e.message).toContain(sockPath('absent.sock'));
			expect(e.hint).toBeTruthy();
			expect((await failure(engine.listContainers(true))).kind).toBe('socket-missing');
		} finally {
			engine.close();
		}
	});

	it('a socket path that is a plain file is not reported as missing', async () => {
		const file = sockPath('plain-file');
		writeFileSync(file, 'not a socket');
		const engine = engineAt(file);
		try {
			const e = await failure(engine.info());
			expect(e.kind).toBe('unreachable');
			expect(e.message).toMatch(/ECONNREFUSED/);
		} finally {
			engine.close();
		}
	});

	it.skipIf(process.getuid?.() === 0)('a socket without permission is permission-denied', async () => {
		const where = sockPath('noperm.sock');
		await listen(net.createServer((s) => s.destroy()), where);
		chmodSync(where, 0o000);
		const engine = engineAt(where);
		try {
			const e = await failure(engine.info());
			expect(e.kind).toBe('permission-denied');
			expect(e.hint).toMatch(/docker group/);
		} finally {
			engine.close();
		}
	});

	it('a tcp port on 127.0.0.1 that nothing listens on is unreachable', async () => {
		const port = await closedPort();
		const engine = engineAt(`tcp://127.0.0.1:${port}`);
		try {
			expect(engine.isLocal).toBe(true);
			const e = await failure(engine.info());
			expect(e.kind).toBe('unreachable');
			expect(e.message).toContain(`tcp://127.0.0.1:${port}`);
			expect(e.message).toMatch(/ECONNREFUSED/);
		} finally {
			engine.close();
		}
	});

	it('a socket that accepts and hangs up is unreachable', async () => {
		const where = sockPath('hangup.sock');
		await listen(net.createServer((s) => s.destroy()), where);
		const engine = engineAt(where);
		try {
			const e = await failure(engine.info());
			expect(e.kind).toBe('unreachable');
			expect(e.message).not.toMatch(/\n/);
		} finally {
			engine.close();
		}
	});

	it('a socket that answers garbage is unreachable, one line', async () => {
		const where = sockPath('garbage.sock');
		await listen(
			net.createServer((s) => {
				s.end('SSH-2.0-OpenSSH_9.2\r\n\u001b[31mgarbage\r\n\r\n');
			}),
			where,
		);
		const engine = engineAt(where);
		try {
			const e = await failure(engine.info());
			expect(['unreachable', 'server']).toContain(e.kind);
			expect(e.message).not.toMatch(/[\u0000-\u001f]/);
		} finally {
			engine.close();
		}
	});

	it('an HTTP server that is not an engine: 404 on /version is not a crash', async () => {
		const where = sockPath('http404.sock');
		await listen(
			http.createServer((_req, res) => {
				res.writeHead(404, {'content-type': 'text/html'});
				res.end('<html>Not Found</html>');
			}),
			where,
		);
		const engine = engineAt(where);
		try {
			const e = await failure(engine.info());
			expect(e.kind).toBe('not-found');
			expect(e.statusCode).toBe(404);
		} finally {
			engine.close();
		}
	});

	it('an engine older than API 1.30 is api-too-old', async () => {
		const where = sockPath('old-engine.sock');
		await listen(
			http.createServer((req, res) => {
				res.writeHead(200, {'content-type': 'application/json', 'api-version': '1.24'});
				res.end(JSON.stringify({Version: '1.12.6', ApiVersion: '1.24', Os: 'linux', Arch: 'amd64', path: req.url}));
			}),
			where,
		);
		const engine = engineAt(where);
		try {
			const e = await failure(engine.info());
			expect(e.kind).toBe('api-too-old');
			expect(e.message).toContain('1.24');
			expect(e.message).toContain('1.30');
		} finally {
			engine.close();
		}
	});

	it('the real engine refusing a client API version gives api-too-old', async () => {
		// dockerode pinned to an API version the engine does not speak: the answer is a real 400
		const socketPath = privateHost().replace(/^unix:\/\//, '');
		const d = new Dockerode({socketPath, version: 'v1.99'});
		let raw: unknown;
		try {
			await d.version();
		} catch (error) {
			raw = error;
		}
		expect((raw as {statusCode?: number}).statusCode).toBe(400);
		const e = toEngineError(raw, resolveEndpoint(privateHost(), {}));
		expect(e.message).toMatch(/client version 1\.99 is too new/);
		expect(e.kind).toBe('api-too-old');
	});

	it('a 404 with control characters from an engine is sanitized', async () => {
		const where = sockPath('evil.sock');
		await listen(
			http.createServer((_req, res) => {
				res.writeHead(404, {'content-type': 'application/json'});
				res.end(JSON.stringify({message: 'No such container: \u001b]0;owned\u0007\u001b[2Jx'}));
			}),
			where,
		);
		const engine = engineAt(where);
		try {
			const e = await failure(engine.inspectContainer('x'));
			expect(e.kind).toBe('not-found');
			expect(e.message).toBe('No such container: ]0;owned[2Jx');
		} finally {
			engine.close();
		}
	});
});

/** Collects events and the end of a subscription. */
function collect(engine: DockerEngine): {events: EngineEvent[]; ended: Promise<EngineError | undefined>; close(): void} {
	const events: EngineEvent[] = [];
	let resolveEnd: (e: EngineError | undefined) => void = () => {};
	const ended = new Promise<EngineError | undefined>((resolve) => (resolveEnd = resolve));
	const sub = engine.subscribe({onEvent: (e) => events.push(e), onEnd: (e) => resolveEnd(e)});
	return {events, ended, close: () => sub.close()};
}

describe('subscriptions that fail', () => {
	it('on a missing socket, onEnd gets socket-missing', async () => {
		const engine = engineAt(sockPath('absent-events.sock'));
		try {
			const s = collect(engine);
			const e = await s.ended;
			expect(e?.kind).toBe('socket-missing');
			expect(s.events).toEqual([]);
		} finally {
			engine.close();
		}
	});

	it('an event stream that ends: the events, then onEnd with unreachable', async () => {
		const where = sockPath('events.sock');
		const line = {
			status: 'start',
			id: 'abc',
			Type: 'container',
			Action: 'start',
			Actor: {ID: 'abc', Attributes: {name: 'web', image: 'dnet/webapp'}},
			time: 1,
			timeNano: 1000,
		};
		await listen(
			http.createServer((req, res) => {
				res.writeHead(200, {'content-type': 'application/json'});
				// split one event over two chunks, then a second one, then end the stream
				const text = `${JSON.stringify(line)}\n${JSON.stringify({...line, Action: 'die', status: 'die'})}\n`;
				res.write(text.slice(0, 25));
				setTimeout(() => res.end(text.slice(25)), 50);
				expect(req.url).toMatch(/^\/events/);
			}),
			where,
		);
		const engine = engineAt(where);
		try {
			const s = collect(engine);
			const e = await s.ended;
			expect(s.events.map((x) => [x.type, x.action, x.id, x.attributes['name']])).toEqual([
				['container', 'start', 'abc', 'web'],
				['container', 'die', 'abc', 'web'],
			]);
			expect(e).toBeInstanceOf(EngineError);
			expect(e?.kind).toBe('unreachable');
		} finally {
			engine.close();
		}
	});
});

describe('parseEvent', () => {
	it('a container event as dockerd 20.10 sends it', () => {
		const line =
			'{"status":"rename","id":"48d2641c4ce291c31ada4aabb27eae89d92a7be7356752a50a06d4938282b5c0","from":"dnet/webapp","Type":"container","Action":"rename","Actor":{"ID":"48d2641c4ce291c31ada4aabb27eae89d92a7be7356752a50a06d4938282b5c0","Attributes":{"image":"dnet/webapp","name":"probe-src-y","oldName":"/probe-src-x"}},"scope":"local","time":1795819982,"timeNano":1795819982971576282}';
		expect(parseEvent(line)).toEqual({
			type: 'container',
			action: 'rename',
			id: '48d2641c4ce291c31ada4aabb27eae89d92a7be7356752a50a06d4938282b5c0',
			attributes: {image: 'dnet/webapp', name: 'probe-src-y', oldName: '/probe-src-x'},
			timeNano: 1795819982971576320,
		});
	});

	it('a network connect event: the network id, the container in the attributes', () => {
		const line =
			'{"Type":"network","Action":"connect","Actor":{"ID":"7b0f0e1f2a","Attributes":{"container":"2b6f3a06639e","name":"bridge","type":"bridge"}},"scope":"local","time":1795819982,"timeNano":1795819982000000001}';
		const e = parseEvent(line);
		expect(e?.type).toBe('network');
		expect(e?.action).toBe('connect');
		expect(e?.id).toBe('7b0f0e1f2a');
		expect(e?.attributes['container']).toBe('2b6f3a06639e');
	});

	it('exec and health actions keep the verb only', () => {
		const exec = parseEvent('{"Type":"container","Action":"exec_start: sh -c echo hi","Actor":{"ID":"a","Attributes":{}}}');
		expect(exec?.action).toBe('exec_start');
		const health = parseEvent('{"Type":"container","Action":"health_status: healthy","Actor":{"ID":"a","Attributes":{}}}');
		expect(health?.action).toBe('health_status');
	});

	it('an old-style event (status and id only) still gives action and id', () => {
		const e = parseEvent('{"status":"destroy","id":"deadbeef","from":"busybox","time":1}');
		expect(e?.action).toBe('destroy');
		expect(e?.id).toBe('deadbeef');
		expect(e?.attributes).toEqual({});
	});

	it('non-string attributes become strings', () => {
		const e = parseEvent('{"Type":"container","Action":"die","Actor":{"ID":"a","Attributes":{"exitCode":137}}}');
		expect(e?.attributes['exitCode']).toBe('137');
	});

	it('not JSON, or not an object: null', () => {
		expect(parseEvent('')).toBeNull();
		expect(parseEvent('{"Type":"contai')).toBeNull();
		expect(parseEvent('null')).toBeNull();
		expect(parseEvent('42')).toBeNull();
		expect(parseEvent('"start"')).toBeNull();
	});
});
