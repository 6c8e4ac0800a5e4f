/**
 * docker run's networking flags as the docker CLI 28 reads them: `--network`/`--net` (a name, or
 * the long syntax `name=…,alias=…,ip=…,ip6=…` read as CSV), `--network-alias`/`--net-alias`,
 * `--ip`, `--ip6`, `--dns` (`opts.ValidateIPAddress`, sent in Go's canonical form), `--add-host`
 * (`opts.ValidateExtraHost`), and how they become `HostConfig.NetworkMode` and
 * `NetworkingConfig.EndpointsConfig` (the CLI's `parseNetworkOpts`), in the CLI's words (see "The
 * layers and the feature folders" in ARCHITECTURE.md: model/ is pure).
 */
import {goQuote} from '../ports/go-strconv.js';
import {readCsvRecord} from '../swarm/go-csv.js';
import {goTrimSpace, validateIPAddress} from './go-ip.js';

/** One `--network` value: the network and its per-network options. */
export interface NetworkAttachment {
	target: string;
	aliases: string[];
	ipv4: string;
	ipv6: string;
}

/** The networking part of a run: what the flags asked for (absent = not given). */
export interface RunNetworking {
	/** `--network` values in order (empty: the engine's default). */
	networks?: NetworkAttachment[];
	/** `--network-alias` values. */
	networkAliases?: string[];
	/** `--ip`, `--ip6` (the CLI leaves them to the engine to check). */
	ip?: string;
	ip6?: string;
	/** `--dns`, already canonical (`validateDns`). */
	dns?: string[];
	/** `--add-host`, as sent (`host:ip`). */
	extraHosts?: string[];
}

/** The endpoint settings the CLI sends for a network: every field of its Go struct, the ones dnet does not set zero. */
export interface EndpointBody {
	IPAMConfig: {IPv4Address?: string; IPv6Address?: string} | null;
	Links: string[] | null;
	Aliases: string[] | null;
	MacAddress: '';
	DriverOpts: null;
	GwPriority: 0;
	NetworkID: '';
	EndpointID: '';
	Gateway: '';
	IPAddress: '';
	IPPrefixLen: 0;
	IPv6Gateway: '';
	GlobalIPv6Address: '';
	GlobalIPv6PrefixLen: 0;
	DNSNames: null;
}

const ZERO = {MacAddress: '', DriverOpts: null, GwPriority: 0, NetworkID: '', EndpointID: '', Gateway: '', IPAddress: '', IPPrefixLen: 0, IPv6Gateway: '', GlobalIPv6Address: '', GlobalIPv6PrefixLen: 0, DNSNames: null} as const;

/** A flag value docker refuses while parsing; the message is pflag's whole line. */
export class NetworkFlagError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'NetworkFlagError';
	}
}

const flagFailure = (flag: string, value: string, why: string): NetworkFlagError =>
	new NetworkFlagError(`invalid argument ${goQuote(value)} for ${goQuote(flag)} flag: ${why}`);

/** `--dns`: the canonical address (`0:0::1` → `::1`), or pflag's error. */
export function validateDns(value: string, flag = '--dns'): string {
	const result = validateIPAddress(value);
	if (!result.ok) throw flagFailure(flag, value, result.error);
	return result.ip;
}

/** `--add-host host:ip` / `host=ip` / `host=[v6]` / `host:host-gateway`: `host:ip` as sent, or pflag's error. */
export function validateExtraHost(value: string, flag = '--add-host'): string {
	let cut = value.indexOf('=');
	if (cut < 0) cut = value.indexOf(':');
	const key = cut < 0 ? '' : value.slice(0, cut);
	let address = cut < 0 ? '' : value.slice(cut + 1);
	if (cut < 0 || key === '' || key.includes(':')) throw flagFailure(flag, value, `bad format for add-host: ${goQuote(value)}`);
	if (address !== 'host-gateway') {
		if (address.length > 2 && address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1);
		if (!validateIPAddress(address).ok) throw flagFailure(flag, value, `invalid IP address in add-host: ${goQuote(address)}`);
	}
	return `${key}:${address}`;
}

/** Per-network keys docker has and dnet does not. */
const UNSUPPORTED_KEYS = ['mac-address', 'link-local-ip', 'driver-opt', 'gw-priority'];

/** docker's `NetworkOpt.Set`: a name, or the long syntax (CSV of key=value, keys and values lower-cased as the CLI does). */
export function parseNetworkOpt(value: string, flag = '--network'): NetworkAttachment {
	const fail = (why: string) => flagFailure(flag, value, why);
	const attachment: NetworkAttachment = {target: value, aliases: [], ipv4: '', ipv6: ''};
	if (!/\w+=\w+(,\w+=\w+)*/.test(value)) return attachment;
	let fields: string[];
	try {
		fields = readCsvRecord(value);
	} catch (error) {
		throw fail(error instanceof Error ? error.message : String(error));
	}
	attachment.target = '';
	for (const field of fields) {
		const lower = field.toLowerCase();
		const eq = lower.indexOf('=');
		if (eq <= 0) throw fail(`invalid field ${field}`);
		const key = goTrimSpace(lower.slice(0, eq));
		const val = goTrimSpace(lower.slice(eq + 1));
		if (key === 'name') attachment.target = val;
		else if (key === 'alias') attachment.aliases.push(val);
		else if (key === 'ip') attachment.ipv4 = val;
		else if (key === 'ip6') attachment.ipv6 = val;
		else if (UNSUPPORTED_KEYS.includes(key)) throw new NetworkFlagError(`dnet run does not support docker run's ${key}= in ${flag} (it supports name, alias, ip, ip6)`);
		else throw fail(`invalid field key ${key}`);
	}
	if (attachment.target === '') throw fail('network name/id is not specified');
	return attachment;
}

/** docker's `NetworkMode.IsUserDefined` (Linux): not default, bridge, host, none or container:…. */
export const isUserDefinedNetwork = (mode: string): boolean =>
	!['default', 'bridge', 'host', 'none'].includes(mode) && !mode.startsWith('container:');

/**
 * The CLI's `parseNetworkOpts`: `HostConfig.NetworkMode` and the endpoints, the plain flags applied
 * to the first network (or to `default`); `--link` is an endpoint option on a user-defined network.
 * @throws Error with the CLI's words (`network-scoped aliases are only supported for user-defined networks`).
 */
export function networkingBody(net: RunNetworking, links: readonly string[]): {NetworkMode: string; EndpointsConfig: Record<string, EndpointBody>} {
	const given = net.networks ?? [];
	const aliases = net.networkAliases ?? [];
	const attachments = given.length === 0 ? [{target: 'default', aliases: [], ipv4: '', ipv6: ''}] : given.map((a) => ({...a, aliases: [...a.aliases]}));
	const endpoints: Record<string, EndpointBody> = {};
	let userDefined = false;
	let other = false;
	for (const [i, n] of attachments.entries()) {
		let endpointLinks: string[] = [];
		if (given.length > 0) {
			if (isUserDefinedNetwork(n.target)) userDefined = true;
			else other = true;
		}
		if (i === 0) {
			if (n.aliases.length > 0 && aliases.length > 0) throw new Error('conflicting options: cannot specify both --network-alias and per-network alias');
			if (n.ipv4 !== '' && net.ip) throw new Error('conflicting options: cannot specify both --ip and per-network IPv4 address');
			if (n.ipv6 !== '' && net.ip6) throw new Error('conflicting options: cannot specify both --ip6 and per-network IPv6 address');
			if (aliases.length > 0) n.aliases = [...aliases];
			if (isUserDefinedNetwork(n.target) && links.length > 0) endpointLinks = [...links];
			if (net.ip) n.ipv4 = net.ip;
			if (net.ip6) n.ipv6 = net.ip6;
		}
		if (goTrimSpace(n.target) === '') throw new Error('no name set for network');
		if (!isUserDefinedNetwork(n.target)) {
			if (n.aliases.length > 0) throw new Error('network-scoped aliases are only supported for user-defined networks');
			if (endpointLinks.length > 0) throw new Error('links are only supported for user-defined networks');
		}
		if (n.target in endpoints) throw new Error(`network ${goQuote(n.target)} is specified multiple times`);
		const empty = n.aliases.length === 0 && endpointLinks.length === 0 && n.ipv4 === '' && n.ipv6 === '';
		// As the CLI: one network without options sends no endpoint (the engine makes it).
		if (given.length === 1 && empty) continue;
		endpoints[n.target] = {
			IPAMConfig: n.ipv4 !== '' || n.ipv6 !== '' ? {...(n.ipv4 ? {IPv4Address: n.ipv4} : {}), ...(n.ipv6 ? {IPv6Address: n.ipv6} : {})} : null,
			Links: endpointLinks.length > 0 ? endpointLinks : null,
			Aliases: n.aliases.length > 0 ? n.aliases : null,
			...ZERO,
		};
	}
	if (userDefined && other) throw new Error('conflicting options: cannot attach both user-defined and non-user-defined network-modes');
	return {NetworkMode: given[0]?.target ?? 'default', EndpointsConfig: endpoints};
}
