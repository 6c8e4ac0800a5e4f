/**
 * The new-container form's networking items, as docker run's flags: `-h/--hostname`, `--network`,
 * `--network-alias`, `--ip`, `--ip6`, `--dns`, `--add-host`. Each is typed as the flag's value (a
 * list item takes several, separated by spaces or commas) and checked with the flag's rules and the
 * docker CLI's words (`model/cli/run-network.ts`).
 */
import {errorText} from '../../model/error-text.js';
import {networkingBody, parseNetworkOpt, validateDns, validateExtraHost, type RunNetworking} from '../../model/cli/run-network.js';

/** One networking item of the form. */
export type NetKey = 'hostname' | 'network' | 'networkAlias' | 'ip' | 'ip6' | 'dns' | 'addHost';

export const NET_KEYS: readonly NetKey[] = ['hostname', 'network', 'networkAlias', 'ip', 'ip6', 'dns', 'addHost'];

/** Label, docker's flag, what an empty item means, whether it takes several values. */
export const NET_ITEMS: Record<NetKey, {label: string; flag: string; empty: string; list: boolean}> = {
	hostname: {label: 'Hostname', flag: '-h', empty: '(the container id)', list: false},
	network: {label: 'Network', flag: '--network', empty: '(the default bridge)', list: false},
	networkAlias: {label: 'Aliases', flag: '--network-alias', empty: '(none: user networks only)', list: true},
	ip: {label: 'IPv4', flag: '--ip', empty: '(the engine picks)', list: false},
	ip6: {label: 'IPv6', flag: '--ip6', empty: '(the engine picks)', list: false},
	dns: {label: 'DNS', flag: '--dns', empty: "(the engine's)", list: true},
	addHost: {label: 'Hosts', flag: '--add-host', empty: '(none: HOST:IP adds one)', list: true},
};

export type NetTexts = Record<NetKey, string>;

export const emptyNet = (): NetTexts => ({hostname: '', network: '', networkAlias: '', ip: '', ip6: '', dns: '', addHost: ''});

const words = (text: string): string[] => text.split(/[\s,]+/).filter((w) => w !== '');

/** What one item's text stands for. @throws Error with docker's words. */
function readItem(key: NetKey, text: string): Partial<RunNetworking> & {hostname?: string} {
	const value = text.trim();
	if (value === '') return {};
	switch (key) {
		case 'hostname':
			return {hostname: value};
		case 'network':
			return {networks: [parseNetworkOpt(value)]};
		case 'networkAlias':
			return {networkAliases: words(value)};
		case 'ip':
			return {ip: value};
		case 'ip6':
			return {ip6: value};
		case 'dns':
			return {dns: words(value).map((w) => validateDns(w))};
		case 'addHost':
			return {extraHosts: words(value).map((w) => validateExtraHost(w))};
	}
}

/** The problem of one item's text, in docker's words, or null. */
export function netItemProblem(key: NetKey, text: string): string | null {
	try {
		readItem(key, text);
		return null;
	} catch (error) {
		return errorText(error);
	}
}

/** The networking part of the run spec (items with a problem are left out: `netProblem` says so). */
export function netSpec(net: NetTexts): RunNetworking & {hostname?: string} {
	let spec: RunNetworking & {hostname?: string} = {};
	for (const key of NET_KEYS) {
		try {
			spec = {...spec, ...readItem(key, net[key])};
		} catch {
			// reported by netProblem
		}
	}
	return spec;
}

/** The first networking problem (an item's, then the combination's, as docker run checks them), or null. */
export function netProblem(net: NetTexts, links: readonly string[]): string | null {
	for (const key of NET_KEYS) {
		const problem = netItemProblem(key, net[key]);
		if (problem) return `${NET_ITEMS[key].label.toLowerCase()}: ${problem}`;
	}
	try {
		networkingBody(netSpec(net), links);
		return null;
	} catch (error) {
		return errorText(error);
	}
}
