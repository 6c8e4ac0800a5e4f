/** A real single-node swarm on the private engine for the swarm tests: joined once, left at the end. */
import http from 'node:http';
import {docker, dockerOk} from '../support/engine.js';

/** Makes the private engine a single-node swarm manager (advertised on loopback). */
export async function initSwarm(): Promise<void> {
	const state = (await dockerOk(['info', '--format', '{{.Swarm.LocalNodeState}}'])).trim();
	if (state !== 'active') await dockerOk(['swarm', 'init', '--advertise-addr', '127.0.0.1']);
}

/** Leaves the swarm (the engine is no manager afterwards); the services go with it. */
export async function leaveSwarm(): Promise<void> {
	await docker(['swarm', 'leave', '--force']);
}

/**
 * `docker service create` of the test web app, quick to roll: a 1 s stop grace (busybox httpd
 * ignores SIGTERM as pid 1) and a 1 s update monitor.
 */
export async function createService(name: string, args: string[]): Promise<string> {
	return (
		await dockerOk(['service', 'create', '--detach', '--no-resolve-image', '--name', name, '--stop-grace-period', '1s', '--update-monitor', '1s', ...args, 'dnet/webapp'])
	).trim();
}

/** GET http://127.0.0.1:PORT/ : the status code, or the connection error's code. */
export function httpGet(host: string, port: number): Promise<number | string> {
	return new Promise((resolve) => {
		const req = http.get({host, port, path: '/', timeout: 2000}, (res) => {
			res.resume();
			resolve(res.statusCode ?? 0);
		});
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
	});
}
