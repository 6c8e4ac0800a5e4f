/**
 * Probes a published TCP port from this machine: connect with a timeout, report open, refused or
 * timeout with the latency. The wildcard addresses are probed on loopback.
 */
import net from 'node:net';

export type ProbeStatus = 'open' | 'refused' | 'timeout' | 'error';

export interface ProbeResult {
	status: ProbeStatus;
	/** Milliseconds until the answer (or the timeout). */
	ms: number;
	/** What was probed, `127.0.0.1:32768` / `[::1]:8080`. */
	target: string;
	/** The system's error code for `error` (`EHOSTUNREACH`, …). */
	code?: string;
}

/** Probes `host:port`; never throws. */
export type Prober = (hostIp: string, port: number, timeoutMs?: number) => Promise<ProbeResult>;

/** The address to connect to for a binding's host IP: the wildcard of each family means loopback. */
export function probeAddress(hostIp: string): string {
	if (hostIp === '' || hostIp === '0.0.0.0') return '127.0.0.1';
	if (hostIp === '::') return '::1';
	return hostIp;
}

export const probeTcp: Prober = (hostIp, port, timeoutMs = 1000) => {
	const host = probeAddress(hostIp);
	const target = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
	const started = process.hrtime.bigint();
	const elapsed = (): number => Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
	return new Promise<ProbeResult>((resolve) => {
		const socket = net.connect({host, port});
		let settled = false;
		const done = (status: ProbeStatus, code?: string): void => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			socket.destroy();
			resolve({status, ms: elapsed(), target, ...(code ? {code} : {})});
		};
		const timer = setTimeout(() => done('timeout'), timeoutMs);
		socket.once('connect', () => done('open'));
		socket.once('error', (error: NodeJS.ErrnoException) =>
			error.code === 'ECONNREFUSED' || error.code === 'ECONNRESET' ? done('refused', error.code) : done('error', error.code ?? 'error'),
		);
	});
};
