/**
 * Maps `GET /networks/{id}` JSON (and the container inspect's endpoints) into dnet's network
 * types, once, sanitized.
 */
import type {NetworkInfo, NetworkMember, NetworkPool} from '../model/network.js';
import {sanitize} from '../model/sanitize.js';

type Json = Record<string, unknown>;

const obj = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => sanitize(typeof v === 'string' ? v : '');
/** `10.0.0.2/24` → `10.0.0.2`. */
const address = (v: unknown): string => str(v).split('/')[0] ?? '';

const PREDEFINED = new Set(['bridge', 'host', 'none']);

/**
 * Maps one inspected network. `aliasesOf` gives the aliases of a container on this network (the
 * network inspect does not list them); absent, members get none. `gateways` are the gateways the
 * members' endpoints report (`endpointGateways`): a network created with only a subnet has none in
 * its IPAM config, though the engine gave it one.
 */
export function mapNetwork(
	raw: unknown,
	aliasesOf: (containerId: string, network: string) => string[] = () => [],
	gateways: {v4: string; v6: string} = {v4: '', v6: ''},
): NetworkInfo {
	const n = obj(raw);
	const name = str(n['Name']);
	const pools: NetworkPool[] = arr(obj(n['IPAM'])['Config'])
		.map((c) => {
			const subnet = str(obj(c)['Subnet']);
			return {subnet, gateway: str(obj(c)['Gateway']) || (subnet.includes(':') ? gateways.v6 : gateways.v4)};
		})
		.filter((p) => p.subnet !== '')
		.sort((a, b) => Number(a.subnet.includes(':')) - Number(b.subnet.includes(':')));
	const containers: NetworkMember[] = Object.entries(obj(n['Containers']))
		.map(([id, c]): NetworkMember => {
			const e = obj(c);
			return {
				id: str(id),
				name: str(e['Name']).replace(/^\//, ''),
				ipv4: address(e['IPv4Address']),
				ipv6: address(e['IPv6Address']),
				aliases: aliasesOf(id, name),
			};
		})
		.sort((a, b) => a.name.localeCompare(b.name));
	return {
		id: str(n['Id']),
		name,
		driver: str(n['Driver']),
		scope: str(n['Scope']),
		internal: n['Internal'] === true,
		predefined: PREDEFINED.has(name),
		pools,
		containers,
	};
}

/** The gateways the containers' endpoints on each network report (IPv4 and IPv6), by network name. */
export function endpointGateways(inspected: unknown[]): Map<string, {v4: string; v6: string}> {
	const out = new Map<string, {v4: string; v6: string}>();
	for (const raw of inspected) {
		for (const [network, e] of Object.entries(obj(obj(obj(raw)['NetworkSettings'])['Networks']))) {
			const seen = out.get(str(network)) ?? {v4: '', v6: ''};
			out.set(str(network), {v4: seen.v4 || str(obj(e)['Gateway']), v6: seen.v6 || str(obj(e)['IPv6Gateway'])});
		}
	}
	return out;
}

/**
 * The network aliases of each container endpoint, from containers' inspect JSON: a map from
 * `containerId/network` to the aliases (the short id the engine adds is left out).
 */
export function endpointAliases(inspected: unknown[]): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const raw of inspected) {
		const c = obj(raw);
		const id = str(c['Id']);
		for (const [network, e] of Object.entries(obj(obj(c['NetworkSettings'])['Networks']))) {
			const aliases = arr(obj(e)['Aliases']).map(str).filter((a) => a !== '' && a !== id.slice(0, 12));
			out.set(`${id}/${str(network)}`, aliases);
		}
	}
	return out;
}
