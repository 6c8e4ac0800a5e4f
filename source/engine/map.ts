/**
 * Maps Engine API JSON into dnet's own types, once, at the boundary. Nothing past this file sees
 * the API's shapes; anything the engine left out becomes an empty value rather than `undefined`.
 */
import {
	withoutLeadingSlash,
	type ContainerDetails,
	type ContainerPort,
	type ContainerSummary,
	type HostBinding,
	type Link,
	type NetworkAttachment,
	type PortMap,
	type Protocol,
} from '../model/container.js';
import {sanitize} from '../model/sanitize.js';
import type {ImageDetails} from './engine.js';

type Json = Record<string, unknown>;

const obj = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** Every string leaves here sanitized: nothing the engine says can reach the terminal raw. */
const str = (v: unknown): string => sanitize(typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : Number(v) || 0);
const bool = (v: unknown): boolean => v === true;
const strRecord = (v: unknown): Record<string, string> => {
	const out: Record<string, string> = {};
	for (const [k, val] of Object.entries(obj(v))) out[k] = str(val);
	return out;
};

function protocol(v: unknown): Protocol {
	const p = str(v).toLowerCase();
	return p === 'udp' || p === 'sctp' ? p : 'tcp';
}

/** `"/db:/web/db"` (as in `HostConfig.Links`) into `{source: "db", alias: "db"}`. */
function parseLinkEntry(entry: string): Link | null {
	const [sourcePart, targetPart] = entry.split(':');
	if (!sourcePart || !targetPart) return null;
	const source = sourcePart.replace(/^\//, '');
	const alias = targetPart.slice(targetPart.lastIndexOf('/') + 1);
	return source && alias ? {source, alias} : null;
}

function networks(v: unknown): NetworkAttachment[] {
	return Object.entries(obj(v))
		.map(([name, n]): NetworkAttachment => {
			const net = obj(n);
			const ipv6 = str(net['GlobalIPv6Address']);
			return {
				name,
				ipAddress: str(net['IPAddress']),
				...(ipv6 ? {ipv6Address: ipv6} : {}),
				gateway: str(net['Gateway']),
				macAddress: str(net['MacAddress']),
				aliases: arr(net['Aliases']).map(str).filter(Boolean),
			};
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Links from the list API: a source container lists `/recipient/alias` among its names. The map
 * goes from recipient name to the links it holds.
 */
function linksFromNames(rows: Json[]): Map<string, Link[]> {
	const byRecipient = new Map<string, Link[]>();
	for (const row of rows) {
		const names = arr(row['Names']).map(str);
		const primary = names.find((n) => n.split('/').length === 2);
		if (!primary) continue;
		for (const n of names) {
			const parts = n.split('/');
			if (parts.length !== 3) continue;
			const recipient = parts[1] as string;
			const alias = parts[2] as string;
			const list = byRecipient.get(recipient) ?? [];
			list.push({source: primary.slice(1), alias});
			byRecipient.set(recipient, list);
		}
	}
	for (const list of byRecipient.values()) list.sort((a, b) => a.alias.localeCompare(b.alias));
	return byRecipient;
}

/** Maps the whole answer of `GET /containers/json`. */
export function mapContainerList(raw: unknown): ContainerSummary[] {
	const rows = arr(raw).map(obj);
	const links = linksFromNames(rows);
	return rows.map((row): ContainerSummary => {
		const names = arr(row['Names']).map(str);
		const primary = (names.find((n) => n.split('/').length === 2) ?? names[0] ?? '').replace(/^\//, '');
		const ports: ContainerPort[] = arr(row['Ports']).map((p) => {
			const port = obj(p);
			const out: ContainerPort = {privatePort: num(port['PrivatePort']), type: protocol(port['Type'])};
			if (port['IP'] !== undefined && str(port['IP']) !== '') out.ip = str(port['IP']);
			if (port['PublicPort'] !== undefined && num(port['PublicPort']) !== 0) out.publicPort = num(port['PublicPort']);
			return out;
		});
		return {
			id: str(row['Id']),
			name: primary,
			image: str(row['Image']),
			command: str(row['Command']),
			created: num(row['Created']),
			state: str(row['State']),
			status: str(row['Status']),
			ports,
			links: links.get(primary) ?? [],
			networks: networks(obj(row['NetworkSettings'])['Networks']),
			labels: strRecord(row['Labels']),
		};
	});
}

function portMap(v: unknown): PortMap {
	const out: PortMap = {};
	for (const [key, bindings] of Object.entries(obj(v))) {
		out[key] =
			bindings === null || bindings === undefined
				? null
				: arr(bindings).map((b): HostBinding => ({hostIp: str(obj(b)['HostIp']), hostPort: str(obj(b)['HostPort'])}));
	}
	return out;
}

/** Maps the answer of `GET /containers/{id}/json`. */
export function mapContainerDetails(raw: unknown): ContainerDetails {
	const c = obj(raw);
	const config = obj(c['Config']);
	const host = obj(c['HostConfig']);
	const state = obj(c['State']);
	const settings = obj(c['NetworkSettings']);
	const args = arr(c['Args']).map(str);
	const links = arr(host['Links'])
		.map((l) => parseLinkEntry(str(l)))
		.filter((l): l is Link => l !== null)
		.sort((a, b) => a.alias.localeCompare(b.alias));
	return {
		id: str(c['Id']),
		name: withoutLeadingSlash(str(c['Name'])),
		image: str(config['Image']),
		imageId: str(c['Image']),
		command: [str(c['Path']), ...args].filter((s) => s !== '').join(' '),
		created: str(c['Created']),
		state: {
			status: str(state['Status']),
			running: bool(state['Running']),
			paused: bool(state['Paused']),
			restarting: bool(state['Restarting']),
			exitCode: num(state['ExitCode']),
			startedAt: str(state['StartedAt']),
			finishedAt: str(state['FinishedAt']),
			error: str(state['Error']),
		},
		exposedPorts: Object.keys(obj(config['ExposedPorts'])).sort(),
		portBindings: portMap(host['PortBindings']),
		ports: portMap(settings['Ports']),
		publishAllPorts: bool(host['PublishAllPorts']),
		links,
		networks: networks(settings['Networks']),
		autoRemove: bool(host['AutoRemove']),
		restartPolicy: str(obj(host['RestartPolicy'])['Name']),
		env: arr(config['Env']).map(str),
		labels: strRecord(config['Labels']),
		hostname: str(config['Hostname']),
	};
}

/** Maps the answer of `GET /images/{name}/json`: the image's id, names and own `EXPOSE`s. */
export function mapImageDetails(raw: unknown): ImageDetails {
	const i = obj(raw);
	return {
		id: str(i['Id']),
		tags: arr(i['RepoTags']).map(str).filter((t) => t !== '' && t !== '<none>:<none>'),
		exposedPorts: Object.keys(obj(obj(i['Config'])['ExposedPorts'])).map(str).sort(),
	};
}
