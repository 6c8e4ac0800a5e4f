/**
 * dnet's own view of a container, mapped once from the Engine API JSON in `source/engine/`.
 * Every string here came from the engine and is untrusted: sanitize before drawing it
 * (see `sanitize.ts`).
 */

/** A transport protocol Docker can publish. */
export type Protocol = 'tcp' | 'udp' | 'sctp';

/**
 * One entry of the `Ports` array of `GET /containers/json`, the data `docker ps` formats.
 * `publicPort` and `ip` are absent for a port that is exposed but not published.
 */
export interface ContainerPort {
	ip?: string;
	privatePort: number;
	publicPort?: number;
	type: Protocol;
}

/** A legacy link seen from the recipient: `--link source:alias`. */
export interface Link {
	/** Name of the source container, without the leading slash. */
	source: string;
	/** The alias the recipient uses for it. */
	alias: string;
}

/** A container's attachment to a network, as listed. */
export interface NetworkAttachment {
	name: string;
	ipAddress: string;
	ipv6Address?: string;
	gateway?: string;
	macAddress?: string;
	aliases: string[];
}

/** A row of the container list: what `GET /containers/json?all=1` gives, in dnet's types. */
export interface ContainerSummary {
	id: string;
	/** Primary name without the leading slash (`web`). */
	name: string;
	image: string;
	command: string;
	/** Creation time, seconds since the epoch. */
	created: number;
	/** `created`, `running`, `paused`, `restarting`, `removing`, `exited` or `dead`. */
	state: string;
	/** Human status as `docker ps` shows it (`Up 5 minutes`). */
	status: string;
	ports: ContainerPort[];
	/** Links this container holds (it is the recipient). */
	links: Link[];
	networks: NetworkAttachment[];
	labels: Record<string, string>;
}

/** A host binding of one container port, as in `HostConfig.PortBindings` / `NetworkSettings.Ports`. */
export interface HostBinding {
	hostIp: string;
	/** The host port as text; empty when the engine picks one. May be a range in requests. */
	hostPort: string;
}

/** Map of `"5000/tcp"` to its host bindings (`null` when exposed but not published). */
export type PortMap = Record<string, HostBinding[] | null>;

/** What `GET /containers/{id}/json` says, in dnet's types: the details view and recreate use it. */
export interface ContainerDetails {
	id: string;
	/** The name without the leading slash (`web`); `inspectName` gives the `/web` of `docker inspect`. */
	name: string;
	image: string;
	imageId: string;
	/** Path and args joined as `docker ps --no-trunc` would show the command. */
	command: string;
	created: string;
	state: {
		status: string;
		running: boolean;
		paused: boolean;
		restarting: boolean;
		exitCode: number;
		startedAt: string;
		finishedAt: string;
		error: string;
	};
	/** `Config.ExposedPorts` keys (`"5000/tcp"`). */
	exposedPorts: string[];
	/** `HostConfig.PortBindings`: what was asked for. */
	portBindings: PortMap;
	/** `NetworkSettings.Ports`: what the engine actually bound (empty when not running). */
	ports: PortMap;
	publishAllPorts: boolean;
	/** Links this container holds. */
	links: Link[];
	networks: NetworkAttachment[];
	autoRemove: boolean;
	restartPolicy: string;
	env: string[];
	labels: Record<string, string>;
	hostname: string;
}

/** What the engine says about itself on connect. */
export interface EngineInfo {
	version: string;
	apiVersion: string;
	os: string;
	arch: string;
}

/** A name as `docker inspect -f '{{.Name}}'` prints it: with the leading slash (`web` → `/web`). */
export function inspectName(name: string): string {
	return name.startsWith('/') ? name : `/${name}`;
}

/** A container name as a user may type it (`/web`, the form the engine shows in links) without the slash. */
export function withoutLeadingSlash(name: string): string {
	return name.startsWith('/') ? name.slice(1) : name;
}
