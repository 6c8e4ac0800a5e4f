/**
 * Helpers of the recreate tests: a free loopback port, raw inspect, and the field-by-field
 * comparison of two inspects that ignores runtime fields only.
 */
import net from 'node:net';
import type {Engine} from '../../source/engine/engine.js';
export {freePort} from '../support/ports.js';

type Json = Record<string, unknown>;

/** A port free on 127.0.0.1 right now. */

/** Holds 127.0.0.1:port with a TCP listener until `close()`. */
export async function holdPort(port: number): Promise<{close: () => Promise<void>}> {
	const s = net.createServer((socket) => socket.destroy());
	await new Promise<void>((resolve, reject) => {
		s.once('error', reject);
		s.listen(port, '127.0.0.1', () => resolve());
	});
	return {close: () => new Promise<void>((resolve) => s.close(() => resolve()))};
}

const obj = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});

/**
 * The configuration of an inspect, runtime fields removed: what must survive a recreate.
 * `Config.Labels` loses `dnet.recreate.*`; network endpoints keep what the user set (aliases
 * without the short id, static IPs, links, the network) and the address when it is static.
 */
export function configOf(raw: Json): Json {
	const id = typeof raw['Id'] === 'string' ? raw['Id'] : '';
	const config = {...obj(raw['Config'])};
	const labels = Object.fromEntries(Object.entries(obj(config['Labels'])).filter(([k]) => !k.startsWith('dnet.recreate.')));
	config['Labels'] = labels;
	if (config['Hostname'] === id.slice(0, 12)) config['Hostname'] = '<generated>';
	const networks: Json = {};
	for (const [name, e] of Object.entries(obj(obj(raw['NetworkSettings'])['Networks']))) {
		const ep = obj(e);
		const ipam = obj(ep['IPAMConfig']);
		networks[name] = {
			NetworkID: ep['NetworkID'],
			Aliases: ((ep['Aliases'] as string[] | null) ?? []).filter((a) => a !== id.slice(0, 12)).sort(),
			IPAMConfig: ipam,
			Links: ep['Links'] ?? null,
			IPAddress: ipam['IPv4Address'] ? ep['IPAddress'] : '<dynamic>',
		};
	}
	const mounts = ((raw['Mounts'] as Json[] | null) ?? [])
		.map((m) => ({Type: m['Type'], Name: m['Name'], Source: m['Source'], Destination: m['Destination'], RW: m['RW']}))
		.sort((a, b) => String(a.Destination).localeCompare(String(b.Destination)));
	return {
		Name: raw['Name'],
		Image: raw['Image'],
		Path: raw['Path'],
		Args: raw['Args'],
		Config: config,
		HostConfig: obj(raw['HostConfig']),
		Mounts: mounts,
		Networks: networks,
		Running: obj(raw['State'])['Running'],
	};
}

/** Paths (`HostConfig.PortBindings`) where two JSON values differ. */
export function diffPaths(a: unknown, b: unknown, path = ''): string[] {
	if (JSON.stringify(a) === JSON.stringify(b)) return [];
	const isObj = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v);
	if (!isObj(a) || !isObj(b)) return [path];
	const keys = new Set([...Object.keys(a as Json), ...Object.keys(b as Json)]);
	return [...keys].sort().flatMap((k) => diffPaths((a as Json)[k], (b as Json)[k], path ? `${path}.${k}` : k));
}

/** Raw inspect through the engine under test. */
export async function inspect(engine: Engine, name: string): Promise<Json> {
	return engine.inspectContainerRaw(name);
}

/**
 * Removes containers and the volumes they mount by a generated (64-hex) name: after a recreate an
 * anonymous volume is bound by name, and `docker rm -v` no longer removes it.
 */
export async function removeWithVolumes(
	engine: Engine,
	names: string[],
	run: (args: string[]) => Promise<unknown>,
): Promise<void> {
	const volumes: string[] = [];
	for (const name of names) {
		try {
			const raw = await engine.inspectContainerRaw(name);
			for (const m of (raw['Mounts'] as Json[] | null) ?? []) {
				if (m['Type'] === 'volume' && /^[0-9a-f]{64}$/.test(String(m['Name']))) volumes.push(String(m['Name']));
			}
		} catch {
			// already gone
		}
	}
	if (names.length > 0) await run(['rm', '-f', '-v', ...names]);
	if (volumes.length > 0) await run(['volume', 'rm', ...volumes]);
}
