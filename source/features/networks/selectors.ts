/** Pure reads of the networks view, and the engine's rules for network names, subnets and aliases. */
import type {State} from '../../app/state.js';
import type {NetworkInfo, NetworkMember} from '../../model/network.js';

const NAME_RULE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** A new network's name problem: the engine's name rule, or taken. */
export function networkNameProblem(name: string, networks: NetworkInfo[] | null): string | null {
	const n = name.trim();
	if (n === '') return 'type a name for the network';
	if (!NAME_RULE.test(n)) return `invalid name (${n}): only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`;
	if (['bridge', 'host', 'none', 'default'].includes(n)) return `${n} is a predefined network name`;
	if (networks?.some((x) => x.name === n)) return `network with name ${n} already exists`;
	return null;
}

/** A subnet in CIDR notation (empty: the engine picks one). */
export function subnetProblem(subnet: string): string | null {
	const s = subnet.trim();
	if (s === '') return null;
	const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(s);
	if (!m) return `invalid subnet ${s}: use CIDR notation, e.g. 10.252.1.0/24 (empty: the engine picks one)`;
	const parts = m.slice(1, 5).map(Number);
	if (parts.some((p) => p > 255) || Number(m[5]) > 32) return `invalid subnet ${s}`;
	return null;
}

/** Network aliases typed as `a, b` or `a b`. */
export function parseAliases(text: string): string[] {
	return text
		.split(/[\s,]+/)
		.map((a) => a.trim())
		.filter((a) => a !== '');
}

export function aliasesProblem(text: string): string | null {
	for (const a of parseAliases(text)) if (!NAME_RULE.test(a)) return `invalid alias (${a}): only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`;
	return null;
}

/** One row of the networks view: a network, or a container attached to it. */
export type NetworkRow = {kind: 'network'; network: NetworkInfo} | {kind: 'member'; network: NetworkInfo; member: NetworkMember};

export function networkRows(networks: NetworkInfo[] | null): NetworkRow[] {
	return (networks ?? []).flatMap((network) => [
		{kind: 'network' as const, network},
		...network.containers.map((member) => ({kind: 'member' as const, network, member})),
	]);
}

export function selectedNetworkRow(state: State): NetworkRow | undefined {
	const rows = networkRows(state.net.networks);
	return rows[Math.min(state.net.networkCursor, rows.length - 1)];
}

/** Containers the connect list offers for `network`: those not attached to it, by name. */
export function connectCandidates(state: State, network: string): string[] {
	const attached = new Set(state.net.networks?.find((n) => n.name === network)?.containers.map((m) => m.name) ?? []);
	return state.containers
		.map((c) => c.name)
		.filter((n) => !attached.has(n))
		.sort((a, b) => a.localeCompare(b));
}
