/**
 * A recording proxy for `docker service create`/`update`: it forwards every request on a unix
 * socket of its own to the private engine, except `POST /services/create`, which it records and
 * refuses (400), so the CLI's spec can be compared without creating anything (and without a swarm).
 */
import {startRecordingProxy} from './create-capture.js';

export const SERVICE_BLOCKED = 'dnet-capture: service create blocked';

export interface ServiceCapture {
	host: string;
	/** Service create bodies by `Spec.Name`. */
	captured: Map<string, Record<string, unknown>>;
	close(): Promise<void>;
}

export async function startServiceCapture(): Promise<ServiceCapture> {
	const captured = new Map<string, Record<string, unknown>>();
	const proxy = await startRecordingProxy((method, url, body) => {
		if (method !== 'POST' || !/\/services\/create$/.test(url.pathname)) return null;
		const spec = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
		captured.set(typeof spec['Name'] === 'string' ? spec['Name'] : '', spec);
		return SERVICE_BLOCKED;
	});
	return {...proxy, captured};
}
