/** Pure reads for the link picker, the link graph and the networks view. */
import {aliasProblem, linkGraph, type LinkEdge} from '../model/links.js';
import type {ContainerSummary, Link} from '../model/container.js';
import type {NetworkInfo, NetworkMember} from '../model/network.js';
import {nameProblem} from './form-spec.js';
import {isUp} from './selectors.js';
import type {State} from './state.js';

/** A container the picker offers as a link source. */
export interface LinkSourceItem {
	name: string;
	running: boolean;
}

const onBridge = (c: ContainerSummary): boolean => c.networks.some((n) => n.name === 'bridge');

/** Link sources for `recipientId`: containers on the default bridge other than itself, by name. */
export function linkSources(containers: ContainerSummary[], recipientId: string): LinkSourceItem[] {
	return containers
		.filter((c) => c.id !== recipientId && onBridge(c))
		.map((c) => ({name: c.name, running: isUp(c)}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The links the recipient holds now (from the list). */
export function recipientLinks(state: Pick<State, 'containers'>, id: string): Link[] {
	return state.containers.find((c) => c.id === id)?.links ?? [];
}

/** Why `alias` cannot be the picker's alias, or null. */
export function pickerAliasProblem(state: State, alias: string): string | null {
	const p = state.net.picker;
	if (!p) return null;
	return aliasProblem(alias, recipientLinks(state, p.recipient.id));
}

/** The link graph of the list's containers. */
export function graphEdges(state: Pick<State, 'containers'>): LinkEdge[] {
	return linkGraph(state.containers);
}

/** The rename's problem: empty, unchanged, the engine's name rule, or taken. */
export function renameProblem(name: string, current: string, containers: ContainerSummary[]): string | null {
	const n = name.trim().replace(/^\//, '');
	if (n === '') return 'type the new name';
	if (n === current) return `${current} already has this name`;
	return nameProblem(n, containers);
}

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

/** True while an ink-select-input list of these features takes the keys. */
export function netChoosing(state: Pick<State, 'screen' | 'net'>): boolean {
	return (state.screen === 'linkPicker' && state.net.picker?.stage === 'pick') || (state.screen === 'networks' && state.net.choosing);
}
