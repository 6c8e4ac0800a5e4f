/**
 * Link operations on an engine: list every link, preview, add and remove a legacy link (through
 * the recreate transaction), and move a link to a user-defined network (DNS alias instead of env vars).
 */
import type {ContainerDetails} from '../model/container.js';
import {aliasProblem, envPrefix, linkEnv, linkEnvStyle, linkGraph, linkHostsLines, type LinkEdge} from '../model/links.js';
import {EngineError, type Engine} from '../engine/engine.js';
import {asRawContainer, fingerprint, recreate, type RecreateResult} from './recreate/index.js';

/** Every link on the engine (inspecting each container: the list API misses links to removed sources). */
export async function allLinks(engine: Engine): Promise<LinkEdge[]> {
	const containers = await engine.listContainers(true);
	const details: ContainerDetails[] = [];
	for (const c of containers) {
		try {
			details.push(await engine.inspectContainer(c.id));
		} catch (error) {
			// Removed since the list.
			if (!(error instanceof EngineError && error.kind === 'not-found')) throw error;
		}
	}
	return linkGraph(containers, details);
}

/** A link request refused before anything was changed. */
export class LinkError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'LinkError';
	}
}

/** What a recipient will see from a link. */
export interface LinkPreview {
	recipient: string;
	source: string;
	alias: string;
	/** Env vars the link adds, in the engine's order (those the recipient sets itself left out). */
	env: string[];
	/** `/etc/hosts` lines the link adds. */
	hosts: string[];
	/** Things worth saying that do not stop the link (a stopped recipient whose source is stopped). */
	notes: string[];
	/**
	 * The recipient as previewed (`fingerprint` of its raw inspect, read before the rest): `addLink`
	 * given it refuses a recipient changed since (ARCHITECTURE.md, "The recreate transaction").
	 */
	reviewed: string;
}

const onBridge = (d: ContainerDetails): boolean => d.networks.some((n) => n.name === 'bridge');
const envNames = (env: string[]): Set<string> => new Set(env.map((v) => v.split('=')[0] ?? v));

async function rawOr(engine: Engine, name: string): Promise<Record<string, unknown>> {
	try {
		return await engine.inspectContainerRaw(name);
	} catch (error) {
		if (error instanceof EngineError && error.kind === 'not-found') throw new LinkError(`no such recipient container: ${name}`);
		throw error;
	}
}

async function inspectOr(engine: Engine, name: string, role: string): Promise<ContainerDetails> {
	try {
		return await engine.inspectContainer(name);
	} catch (error) {
		if (error instanceof EngineError && error.kind === 'not-found') throw new LinkError(`no such ${role} container: ${name}`);
		throw error;
	}
}

/** The env vars and hosts lines of `recipient --alias--> source`, given both inspected. */
function previewFrom(recipient: ContainerDetails, source: ContainerDetails, alias: string, apiVersion: string): LinkPreview {
	const bridge = source.networks.find((n) => n.name === 'bridge');
	const own = envNames(recipient.env);
	const env = linkEnv(alias, {name: source.name, ip: bridge?.ipAddress ?? '', exposedPorts: source.exposedPorts, env: source.env}, recipient.name, linkEnvStyle(apiVersion)).filter(
		(v) => !own.has(v.split('=')[0] ?? v),
	);
	const hosts = linkHostsLines(alias, {
		name: source.name,
		hostname: source.hostname,
		ip: bridge?.ipAddress ?? '',
		...(bridge?.ipv6Address ? {ipv6: bridge.ipv6Address} : {}),
	});
	return {recipient: recipient.name, source: source.name, alias, env, hosts, notes: [], reviewed: ''};
}

/**
 * Checks `recipient --alias--> source` and returns what the recipient will see.
 * @throws LinkError when the engine would refuse the link or silently drop it.
 */
export async function previewLink(engine: Engine, recipientName: string, sourceName: string, alias: string): Promise<LinkPreview> {
	// First: a change between this read and the next is then refused at the apply, never applied over.
	const reviewed = fingerprint(asRawContainer(await rawOr(engine, recipientName)));
	const recipient = await inspectOr(engine, recipientName, 'recipient');
	const source = await inspectOr(engine, sourceName, 'source');
	const r = recipient.name;
	const s = source.name;
	if (recipient.id === source.id) throw new LinkError(`${r} cannot link to itself`);
	const problem = aliasProblem(alias, recipient.links);
	if (problem) throw new LinkError(`cannot link ${r} to ${s}: ${problem}`);
	if (!onBridge(recipient)) throw new LinkError(`cannot link ${r} to ${s}: ${r} is not on the default bridge network (use a user-defined network and its DNS instead)`);
	if (!onBridge(source)) throw new LinkError(`cannot link ${r} to ${s}: ${s} is not on the default bridge network (legacy links only work there)`);
	const notes: string[] = [];
	if (!source.state.running) {
		if (recipient.state.running) throw new LinkError(`cannot link ${r} to ${s}: ${s} is not running (the engine says: Cannot link to a non running container)`);
		notes.push(`${s} is not running: start it before ${r}`);
	}
	const {apiVersion} = await engine.info();
	return {...previewFrom(recipient, source, alias, apiVersion), notes, reviewed};
}

/**
 * Adds `--link source:alias` to the recipient by recreating it (the rest of its configuration
 * unchanged; the original is put back on failure). `reviewed`: the `reviewed` of the preview the
 * user saw (the TUI's; a command's review is this call's own).
 * @throws LinkError before any change; RecreateError / PortConflictError / ChangedSinceReviewError from the transaction.
 */
export async function addLink(
	engine: Engine,
	recipient: string,
	source: string,
	alias: string,
	reviewed: string | null = null,
): Promise<{preview: LinkPreview; result: RecreateResult}> {
	const preview = await previewLink(engine, recipient, source, alias);
	const expect = {expectName: preview.recipient, expectFingerprint: reviewed ?? preview.reviewed};
	const result = await recreate(
		engine,
		recipient,
		(spec) => {
			spec.hostConfig.Links = [...(spec.hostConfig.Links ?? []), `${preview.source}:${alias}`];
		},
		expect,
	);
	return {preview, result};
}

/** The link of `recipient` named `alias`, or a LinkError. */
async function heldLink(engine: Engine, recipientName: string, alias: string): Promise<{recipient: ContainerDetails; source: string}> {
	const recipient = await inspectOr(engine, recipientName, 'recipient');
	const link = recipient.links.find((l) => l.alias === alias);
	if (!link) {
		const held = recipient.links.map((l) => l.alias).join(', ');
		throw new LinkError(`${recipient.name} has no link named ${alias}${held ? ` (its links: ${held})` : ''}`);
	}
	return {recipient, source: link.source};
}

const withoutAlias = (links: string[] | null | undefined, alias: string): string[] =>
	(links ?? []).filter((l) => (l.split(':')[1] ?? '') !== alias);

/**
 * Removes the recipient's link `alias` by recreating it.
 * @throws LinkError when there is no such link; RecreateError from the transaction.
 */
/**
 * The recipient as a confirmation shows it (`fingerprint` of its raw inspect): `removeLink` and
 * `moveLinkToNetwork` given it refuse a recipient changed since (ARCHITECTURE.md, "The recreate transaction").
 */
export async function reviewOf(engine: Engine, recipient: string): Promise<string> {
	return fingerprint(asRawContainer(await rawOr(engine, recipient)));
}

/** `reviewed`: see `reviewOf` (null: the recipient as the transaction finds it). */
export async function removeLink(engine: Engine, recipient: string, alias: string, reviewed: string | null = null): Promise<{source: string; result: RecreateResult}> {
	const {recipient: r, source} = await heldLink(engine, recipient, alias);
	const result = await recreate(
		engine,
		r.id,
		(spec) => {
			spec.hostConfig.Links = withoutAlias(spec.hostConfig.Links, alias);
		},
		reviewed === null ? {} : {expectName: r.name, expectFingerprint: reviewed},
	);
	return {source, result};
}

/** What moving a link to a network did, and what the recipient sees differently. */
export interface LinkMove {
	recipient: string;
	source: string;
	alias: string;
	network: string;
	/** True when the network was created for the move. */
	createdNetwork: boolean;
	/** Env vars the recipient no longer gets. */
	envRemoved: string[];
	/** `/etc/hosts` lines the recipient no longer gets. */
	hostsRemoved: string[];
	/** One line each, for the user. */
	changes: string[];
	result: RecreateResult;
}

/**
 * Moves `recipient --alias--> source` to the user-defined network `network` (created when missing):
 * the source joins it with `alias` as a network alias, and the recipient is recreated without the
 * legacy link and attached to the network, so it resolves `alias` by DNS. When the recreate fails,
 * the source's attachment and a network made for the move are undone.
 * @throws LinkError before any change; RecreateError from the transaction.
 */
export async function moveLinkToNetwork(engine: Engine, recipientName: string, alias: string, network: string, reviewed: string | null = null): Promise<LinkMove> {
	const {recipient, source: sourceName} = await heldLink(engine, recipientName, alias);
	if (['bridge', 'host', 'none', 'default'].includes(network)) throw new LinkError(`${network} is not a user-defined network`);
	const source = await inspectOr(engine, sourceName, 'source');
	const r = recipient.name;
	const s = source.name;
	let createdNetwork = false;
	try {
		const info = await engine.inspectNetwork(network);
		if (info.predefined || info.driver !== 'bridge') throw new LinkError(`${network} is not a user-defined bridge network`);
	} catch (error) {
		if (!(error instanceof EngineError && error.kind === 'not-found')) throw error;
		await engine.createNetwork(network);
		createdNetwork = true;
	}
	const attached = source.networks.find((n) => n.name === network);
	const undo: Array<() => Promise<void>> = [];
	if (!attached) {
		await engine.connectNetwork(network, source.id, {Aliases: [alias]});
		undo.push(() => engine.disconnectNetwork(network, source.id, true));
	} else if (!attached.aliases.includes(alias)) {
		const before = attached.aliases.filter((a) => a !== source.id.slice(0, 12));
		await engine.disconnectNetwork(network, source.id, false);
		await engine.connectNetwork(network, source.id, {Aliases: [...before, alias]});
		undo.push(async () => {
			await engine.disconnectNetwork(network, source.id, true);
			await engine.connectNetwork(network, source.id, before.length > 0 ? {Aliases: before} : {});
		});
	}
	if (createdNetwork) undo.push(() => engine.removeNetwork(network));
	let result: RecreateResult;
	try {
		result = await recreate(
			engine,
			recipient.id,
			(spec) => {
				spec.hostConfig.Links = withoutAlias(spec.hostConfig.Links, alias);
				const onIt = spec.primary?.name === network || spec.extra.some((n) => n.name === network);
				if (!onIt) spec.extra.push({name: network, endpoint: {}});
			},
			reviewed === null ? {} : {expectName: recipient.name, expectFingerprint: reviewed},
		);
	} catch (error) {
		for (const step of undo) await step().catch(() => undefined);
		throw error;
	}
	const {apiVersion} = await engine.info();
	const gone = previewFrom(recipient, source, alias, apiVersion);
	const changes = [
		...(createdNetwork ? [`network ${network} created`] : []),
		`${s} is on ${network} with the alias ${alias}; ${r} is on ${network}`,
		`${r} resolves ${alias} by DNS on ${network} (the engine's resolver), no longer by /etc/hosts`,
		`${r} no longer gets the ${gone.env.length} ${envPrefix(alias)}_* link env vars (${gone.env.map((v) => v.split('=')[0]).join(', ')})`,
		`${r} no longer gets the hosts line${gone.hosts.length === 1 ? '' : 's'} ${gone.hosts.map((h) => JSON.stringify(h)).join(', ')}`,
	];
	return {recipient: r, source: s, alias, network, createdNetwork, envRemoved: gone.env, hostsRemoved: gone.hosts, changes, result};
}
