/**
 * The create body of a recreated container: the old container's whole configuration, read from
 * its inspect JSON, with only the intended change applied.
 */
import type {EngineBinding} from '../../model/ports/index.js';
import type {CreateBody, EndpointConfig} from '../../engine/engine.js';
import {shortName, type RawConfig, type RawContainer, type RawHostConfig} from './raw.js';

/** Labels dnet gives the new container at create time (ignored when comparing configurations). */
export const RECREATE_LABELS = {
	/** The id of the container it replaces (the backup's id while the backup exists). */
	from: 'dnet.recreate.from',
	/** The backup's name during the transaction. */
	backup: 'dnet.recreate.backup',
	/** `true` when the replaced container was running: what a restore must bring back. */
	wasRunning: 'dnet.recreate.was-running',
} as const;

/** A network the new container joins, with its endpoint settings (aliases, static IPs, links). */
export interface NetworkAttachment {
	name: string;
	endpoint: EndpointConfig;
}

/** What the new container is made of; a change edits it. */
export interface NewContainerSpec {
	/** `Config` as inspected (Env, Cmd, Entrypoint, Labels, WorkingDir, User, Volumes, …). */
	config: RawConfig;
	/** `HostConfig` as inspected, Links in create form, anonymous volumes bound by name. */
	hostConfig: RawHostConfig;
	/** The network given at create time (`HostConfig.NetworkMode`), null for host/none/container:. */
	primary: NetworkAttachment | null;
	/** Networks connected after create, before start. */
	extra: NetworkAttachment[];
}

/** A patch of the fields port and link edits change; absent fields stay as they were. */
export interface PortLinkPatch {
	ExposedPorts?: Record<string, Record<string, never>>;
	PortBindings?: Record<string, EngineBinding[]>;
	PublishAllPorts?: boolean;
	/** Legacy links in create form: `source:alias`. */
	Links?: string[];
}

/** The intended change: a patch, or a function that edits the spec in place. */
export type RecreateChange = PortLinkPatch | ((spec: NewContainerSpec) => void);

/** Options of building the spec. */
export interface SpecOptions {
	/** Link sources to rename (`backup name -> real name`), for re-linking dependents. */
	linkRenames?: Record<string, string>;
}

/** `"/db:/web/db"` (inspect form) or `"db:db"` into `db:db`, with the source renamed if asked. */
function createFormLink(entry: string, renames: Record<string, string>): string {
	const [sourcePart = '', targetPart = ''] = entry.split(':');
	const source = sourcePart.replace(/^\//, '');
	const alias = targetPart.slice(targetPart.lastIndexOf('/') + 1) || source;
	return `${renames[source] ?? source}:${alias}`;
}

function endpointOf(old: RawContainer, name: string, renames: Record<string, string>): EndpointConfig {
	const e = old.NetworkSettings.Networks[name] ?? {};
	const out: EndpointConfig = {};
	// The engine adds the short id as an alias on user networks; the new container gets its own.
	const aliases = (e.Aliases ?? []).filter((a) => a !== old.Id.slice(0, 12));
	if (aliases.length > 0) out.Aliases = aliases;
	const ipam = e.IPAMConfig ?? {};
	const ipamOut: NonNullable<EndpointConfig['IPAMConfig']> = {};
	if (ipam.IPv4Address) ipamOut.IPv4Address = ipam.IPv4Address;
	if (ipam.IPv6Address) ipamOut.IPv6Address = ipam.IPv6Address;
	if (ipam.LinkLocalIPs && ipam.LinkLocalIPs.length > 0) ipamOut.LinkLocalIPs = [...ipam.LinkLocalIPs];
	if (Object.keys(ipamOut).length > 0) out.IPAMConfig = ipamOut;
	if (e.Links && e.Links.length > 0) out.Links = e.Links.map((l) => createFormLink(l, renames));
	if (e.DriverOpts && Object.keys(e.DriverOpts).length > 0) out.DriverOpts = {...e.DriverOpts};
	return out;
}

/** The key of `NetworkSettings.Networks` that `NetworkMode` names (a name, an id or `default`). */
function primaryNetworkName(old: RawContainer): string | null {
	const mode = old.HostConfig.NetworkMode ?? 'default';
	if (mode === 'host' || mode === 'none' || mode.startsWith('container:')) return null;
	const networks = old.NetworkSettings.Networks;
	if (mode === 'default') return 'bridge';
	if (mode in networks) return mode;
	const byId = Object.entries(networks).find(([, e]) => e.NetworkID !== undefined && e.NetworkID.startsWith(mode));
	return byId ? byId[0] : mode;
}

/**
 * Anonymous volumes (and any mounted volume not named in Binds or Mounts) become `name:/dest`
 * binds: otherwise the new container would get a fresh, empty volume and the data would be lost.
 */
function volumeBinds(old: RawContainer): string[] {
	const binds = [...(old.HostConfig.Binds ?? [])];
	const covered = new Set<string>();
	for (const b of binds) covered.add(b.split(':')[1] ?? '');
	for (const m of old.HostConfig.Mounts ?? []) if (m.Target) covered.add(m.Target);
	for (const m of old.Mounts) {
		if (m.Type !== 'volume' || !m.Name || !m.Destination || covered.has(m.Destination)) continue;
		binds.push(`${m.Name}:${m.Destination}${m.RW === false ? ':ro' : ''}`);
		covered.add(m.Destination);
	}
	return binds;
}

/** Builds the spec of the replacement from the old container's inspect JSON (not modified). */
export function specFromContainer(oldIn: RawContainer, options: SpecOptions = {}): NewContainerSpec {
	const old = structuredClone(oldIn);
	const renames = options.linkRenames ?? {};
	const config: RawConfig = {...old.Config};
	const mode = old.HostConfig.NetworkMode ?? 'default';
	// A hostname equal to the short id was generated by the engine: the new container gets its own.
	if (config.Hostname === old.Id.slice(0, 12) || mode.startsWith('container:')) delete config.Hostname;
	if (mode.startsWith('container:')) delete config['Domainname'];
	const hostConfig: RawHostConfig = {...old.HostConfig};
	const binds = volumeBinds(old);
	if (binds.length > 0) hostConfig.Binds = binds;
	if (old.HostConfig.Links && old.HostConfig.Links.length > 0) {
		hostConfig.Links = old.HostConfig.Links.map((l) => createFormLink(l, renames));
	}
	const primaryName = primaryNetworkName(old);
	const primary = primaryName === null ? null : {name: primaryName, endpoint: endpointOf(old, primaryName, renames)};
	const extra =
		primaryName === null
			? []
			: Object.keys(old.NetworkSettings.Networks)
					.filter((n) => n !== primaryName)
					.sort()
					.map((name) => ({name, endpoint: endpointOf(old, name, renames)}));
	return {config, hostConfig, primary, extra};
}

/** Applies the intended change to a spec (in place) and returns it. */
export function applyChange(spec: NewContainerSpec, change: RecreateChange): NewContainerSpec {
	if (typeof change === 'function') {
		change(spec);
		return spec;
	}
	if (change.ExposedPorts !== undefined) spec.config.ExposedPorts = structuredClone(change.ExposedPorts);
	if (change.PortBindings !== undefined) spec.hostConfig.PortBindings = structuredClone(change.PortBindings);
	if (change.PublishAllPorts !== undefined) spec.hostConfig.PublishAllPorts = change.PublishAllPorts;
	if (change.Links !== undefined) {
		if (spec.primary && spec.primary.name !== 'bridge') spec.primary.endpoint.Links = [...change.Links];
		else spec.hostConfig.Links = [...change.Links];
	}
	return spec;
}

/** The `POST /containers/create` body of a spec, with dnet's recreate labels added. */
export function createBody(spec: NewContainerSpec, labels: Record<string, string> = {}): CreateBody {
	const kept = Object.entries(spec.config.Labels ?? {}).filter(([k]) => !k.startsWith('dnet.recreate.'));
	const body: CreateBody = {
		...spec.config,
		Labels: {...Object.fromEntries(kept), ...labels},
		HostConfig: spec.hostConfig,
	};
	if (spec.primary) body['NetworkingConfig'] = {EndpointsConfig: {[spec.primary.name]: spec.primary.endpoint}};
	return body;
}

/** The backup name of a container: `<name>-dnet-backup-<ms since epoch>`. */
export function backupName(old: RawContainer, now: number): string {
	return `${shortName(old)}-dnet-backup-${now}`;
}
