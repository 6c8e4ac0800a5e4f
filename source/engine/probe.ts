/**
 * Probes a published TCP port from this machine: connect with a timeout, then hold the connection
 * a moment. docker-proxy accepts every connection to a published port, and closes it a few
 * milliseconds later when nothing listens in the container: an accepted connection alone says
 * nothing. So `open` means accepted and held (or answered with data), `closed` accepted then closed
 * by the other side, `refused`, `timeout` or `error` otherwise. The wildcard addresses are probed on
 * loopback.
 */
import net from 'node:net';

export type ProbeStatus = 'open' | 'closed' | 'refused' | 'timeout' | 'error';

export interface ProbeResult {
	/**
	 * `open`: accepted, and held for `heldMs` without the other side closing it (or it sent data);
	 * `closed`: accepted, then closed by the other side after `heldMs` (behind docker-proxy: nothing
	 * listens on the container's port); `refused`; `timeout` (no answer to the connect); `error`.
	 */
	status: ProbeStatus;
	/** Milliseconds until the connection was accepted (or refused, or the timeout). */
	ms: number;
	/** What was probed, `127.0.0.1:32768` / `[::1]:8080`. */
	target: string;
	/** The system's error code for `error`, `refused`, and a `closed` by reset (`ECONNRESET`). */
	code?: string;
	/** For `open` and `closed`: milliseconds from the accept to the close by the other side, or to the end of the hold. */
	heldMs?: number;
}

/** Probes `host:port`; never throws. `holdMs`: how long an accepted connection is held. */
export type Prober = (hostIp: string, port: number, timeoutMs?: number, holdMs?: number) => Promise<ProbeResult>;

/** How long an accepted connection is held by default: docker-proxy closes one in a few ms when nothing listens. */
export const HOLD_MS = 300;

/** The address to connect to for a binding's host IP: the wildcard of each family means loopback. */
export function probeAddress(hostIp: string): string {
	if (hostIp === '' || hostIp === '0.0.0.0') return '127.0.0.1';
	if (hostIp === '::') return '::1';
	return hostIp;
}

const round = (ns: bigint): number => Math.round(Number(ns) / 1e5) / 10;

export const probeTcp: Prober = (hostIp, port, timeoutMs = 1000, holdMs = HOLD_MS) => {
	const host = probeAddress(hostIp);
	const target = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
	const started = process.hrtime.bigint();
	let accepted: bigint | null = null;
	return new Promise<ProbeResult>((resolve) => {
		const socket = net.connect({host, port});
		let settled = false;
		let timer: NodeJS.Timeout;
		const done = (status: ProbeStatus, code?: string): void => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			socket.destroy();
			const now = process.hrtime.bigint();
			const ms = round((accepted ?? now) - started);
			const held = accepted === null ? {} : {heldMs: round(now - accepted)};
			resolve({status, ms, target, ...(code ? {code} : {}), ...held});
		};
		timer = setTimeout(() => done('timeout'), timeoutMs);
		socket.once('connect', () => {
			accepted = process.hrtime.bigint();
			clearTimeout(timer);
			timer = setTimeout(() => done('open'), holdMs);
		});
		// Data means something answered; an end or a close means the other side let go.
		socket.once('data', () => done('open'));
		socket.once('end', () => done('closed'));
		socket.once('close', () => done(accepted === null ? 'error' : 'closed'));
		socket.once('error', (error: NodeJS.ErrnoException) => {
			const code = error.code ?? 'error';
			if (accepted !== null) return done('closed', code);
			return done(code === 'ECONNREFUSED' || code === 'ECONNRESET' ? 'refused' : 'error', code);
		});
	});
};
