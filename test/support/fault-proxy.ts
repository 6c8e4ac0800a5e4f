/**
 * A fault-injecting proxy between dnet and the private engine, on a unix socket of its own: every
 * HTTP request is forwarded to the engine unless a scripted fault matches it. Used by the hardening
 * tests (README, "Reliability").
 *
 *   const proxy = await startFaultProxy(upstreamSocket);
 *   proxy.inject({method: 'POST', path: /^\/containers\/[^/]+\/start$/, fault: {kind: 'status', status: 500}, times: 1});
 *   new DockerEngine(resolveEndpoint(proxy.host, {}));
 *
 * Faults: `latency` (ms, or a [min, max] range drawn from a seeded generator), `status` (an answer
 * of the engine's shape, nothing forwarded), `reset` (forwarded, so the engine did it, then the
 * connection is cut halfway through the answer), `truncate` and `invalid-json` (forwarded, the
 * answer's body mangled), `hang` (accepted, never forwarded, never answered). The event stream
 * (`GET /events`) can be stalled (nothing passed on until resumed), dropped (every open stream cut)
 * or refused (new streams answered 500).
 */
import {mkdtempSync, rmSync} from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type {Socket} from 'node:net';

/** What happens to a matching request. */
export type Fault =
	| {kind: 'latency'; ms: number | [number, number]}
	| {kind: 'status'; status: number; message?: string}
	| {kind: 'reset'}
	| {kind: 'truncate'}
	| {kind: 'invalid-json'}
	| {kind: 'hang'};

/** A scripted fault: requests whose method and path (without `/v1.xx` and the query) match. */
export interface FaultRule {
	method?: string;
	path: RegExp;
	fault: Fault;
	/** How many matching requests it applies to (every one when absent). */
	times?: number;
}

/** One request the proxy saw, and the fault it got. */
export interface SeenRequest {
	method: string;
	path: string;
	fault: Fault['kind'] | null;
}

export interface FaultProxy {
	/** `unix:///…/engine.sock`: give it to dnet as DOCKER_HOST or `-H`. */
	readonly host: string;
	readonly socketPath: string;
	/** Adds a rule (the first matching latency, then the first matching other fault, in the order added); returns its removal. */
	inject(rule: FaultRule): () => void;
	/** Removes every rule and resumes the event stream. */
	clear(): void;
	/** Holds every event from now on (the stream stays open, nothing arrives) until `resumeEvents`. */
	stallEvents(): void;
	/** Passes on the held events and the ones to come. */
	resumeEvents(): void;
	/** Cuts every open event stream; with `refuse`, new ones get a 500 until `acceptEvents`. */
	dropEvents(options?: {refuse?: boolean}): void;
	acceptEvents(): void;
	/** Open event streams now. */
	eventStreams(): number;
	/** Every request so far. */
	readonly seen: SeenRequest[];
	close(): Promise<void>;
}

/** A small seeded generator (mulberry32), so that a run's latencies can be replayed. */
export function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** `/v1.47/containers/web/json?x=1` is `/containers/web/json`. */
export const apiPath = (url: string): string => (url.split('?')[0] ?? '').replace(/^\/v\d+(\.\d+)?(?=\/)/, '');

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface EventStream {
	res: http.ServerResponse;
	upstream: http.IncomingMessage;
}

/** Starts the proxy in front of the engine listening on `upstreamSocket`. */
export async function startFaultProxy(upstreamSocket: string, options: {seed?: number} = {}): Promise<FaultProxy> {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'dnet-fault-'));
	const socketPath = path.join(dir, 'engine.sock');
	const random = seeded(options.seed ?? 17);
	const rules: Array<FaultRule & {used: number}> = [];
	const seen: SeenRequest[] = [];
	const streams = new Set<EventStream>();
	const sockets = new Set<Socket>();
	const hung = new Set<http.ServerResponse>();
	let stalled = false;
	let refuseEvents = false;
	const held: Array<() => void> = [];

	/** The first matching rule of each sort: a latency (added first), and any other fault. */
	const match = (method: string, p: string, latency: boolean): Fault | null => {
		for (const rule of rules) {
			if ((rule.fault.kind === 'latency') !== latency) continue;
			if (rule.method !== undefined && rule.method !== method) continue;
			if (!rule.path.test(p)) continue;
			if (rule.times !== undefined && rule.used >= rule.times) continue;
			rule.used += 1;
			return rule.fault;
		}
		return null;
	};

	const answer = (res: http.ServerResponse, status: number, body: string): void => {
		res.writeHead(status, {'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body)});
		res.end(body);
	};

	/** Forwards the request; `body` (the request's, already read) is sent on. */
	const forward = (req: http.IncomingMessage, body: Buffer): Promise<http.IncomingMessage> =>
		new Promise((resolve, reject) => {
			const headers = {...req.headers};
			const out = http.request({socketPath: upstreamSocket, method: req.method, path: req.url, headers}, resolve);
			out.on('error', reject);
			out.end(body);
		});

	const readAll = (stream: http.IncomingMessage): Promise<Buffer> =>
		new Promise((resolve, reject) => {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => resolve(Buffer.concat(chunks)));
			stream.on('error', reject);
		});

	const passEvents = (res: http.ServerResponse, upstream: http.IncomingMessage): void => {
		const entry = {res, upstream};
		streams.add(entry);
		res.writeHead(upstream.statusCode ?? 200, upstream.headers);
		res.flushHeaders();
		upstream.on('data', (chunk: Buffer) => {
			const send = (): void => void res.write(chunk);
			if (stalled) held.push(send);
			else send();
		});
		const end = (): void => {
			streams.delete(entry);
			res.end();
		};
		upstream.on('end', end);
		upstream.on('error', end);
		res.on('close', () => {
			streams.delete(entry);
			upstream.destroy();
		});
	};

	const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
		const method = req.method ?? 'GET';
		const p = apiPath(req.url ?? '/');
		const body = await readAll(req);
		const delay = match(method, p, true);
		const fault = match(method, p, false);
		seen.push({method, path: p, fault: fault?.kind ?? delay?.kind ?? null});
		if (delay?.kind === 'latency') {
			const [min, max] = typeof delay.ms === 'number' ? [delay.ms, delay.ms] : delay.ms;
			await sleep(min + Math.floor(random() * (max - min + 1)));
		}
		if (p === '/events' && refuseEvents) return answer(res, 500, JSON.stringify({message: 'events refused by the fault proxy'}));
		if (fault?.kind === 'hang') {
			hung.add(res);
			return;
		}
		if (fault?.kind === 'status') {
			return answer(res, fault.status, JSON.stringify({message: fault.message ?? `injected ${fault.status}`}));
		}
		let upstream: http.IncomingMessage;
		try {
			upstream = await forward(req, body);
		} catch (error) {
			return answer(res, 502, JSON.stringify({message: `fault proxy: ${String(error)}`}));
		}
		if (p === '/events' && !fault) return passEvents(res, upstream);
		if (!fault) {
			res.writeHead(upstream.statusCode ?? 502, upstream.headers);
			upstream.pipe(res);
			return;
		}
		const data = await readAll(upstream);
		const headers = {...upstream.headers};
		delete headers['transfer-encoding'];
		if (fault.kind === 'reset') {
			headers['content-length'] = String(Math.max(data.length, 2));
			res.writeHead(upstream.statusCode ?? 200, headers);
			res.write(data.subarray(0, Math.floor(data.length / 2)));
			setImmediate(() => res.socket?.destroy());
			return;
		}
		const mangled = fault.kind === 'truncate' ? data.subarray(0, Math.floor(data.length / 2)) : Buffer.from('{"Id": [ not json');
		headers['content-length'] = String(mangled.length);
		headers['content-type'] = 'application/json';
		res.writeHead(upstream.statusCode ?? 200, headers);
		res.end(mangled);
	};

	const server = http.createServer((req, res) => {
		handle(req, res).catch(() => res.socket?.destroy());
	});
	server.on('connection', (s: Socket) => {
		sockets.add(s);
		s.on('close', () => sockets.delete(s));
	});
	await new Promise<void>((resolve) => server.listen(socketPath, resolve));
	const resumeEvents = (): void => {
		stalled = false;
		for (const send of held.splice(0)) send();
	};

	return {
		host: `unix://${socketPath}`,
		socketPath,
		seen,
		inject(rule) {
			const entry = {...rule, used: 0};
			rules.push(entry);
			return () => {
				const i = rules.indexOf(entry);
				if (i >= 0) rules.splice(i, 1);
			};
		},
		clear() {
			rules.length = 0;
			refuseEvents = false;
			resumeEvents();
			for (const res of hung) res.socket?.destroy();
			hung.clear();
		},
		stallEvents() {
			stalled = true;
		},
		resumeEvents,
		dropEvents(o = {}) {
			if (o.refuse) refuseEvents = true;
			held.length = 0;
			for (const s of [...streams]) {
				streams.delete(s);
				s.upstream.destroy();
				s.res.socket?.destroy();
			}
		},
		acceptEvents() {
			refuseEvents = false;
		},
		eventStreams: () => streams.size,
		async close() {
			for (const s of sockets) s.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
			rmSync(dir, {recursive: true, force: true});
		},
	};
}
