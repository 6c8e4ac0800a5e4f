/**
 * The narrow interface through which everything in dnet talks to a Docker Engine. The only
 * implementation that talks to a real engine is `DockerEngine` (dockerode); store and UI tests use
 * one in-memory fake behind this same interface. Every method is required. Names leave the engine
 * without the leading slash (`web`). Every name or id a method takes is checked and escaped in one
 * place (`refs.ts`): `/web` is `web`, surrounding spaces are trimmed, an empty one is refused.
 */
import type {ContainerDetails, ContainerSummary, EngineInfo} from '../model/container.js';
import type {NetworkCreateOptions, NetworkInfo} from '../model/network.js';
import type {NodeInfo, ServiceInfo, SwarmState, TaskInfo} from '../model/swarm/types.js';
import type {ExecResult} from './exec.js';
import type {OutputAttachment, OutputSink} from './run-io.js';

export type {ExecResult} from './exec.js';
export type {OutputAttachment, OutputSink} from './run-io.js';

/** One message of the engine's event stream, reduced to what dnet uses. */
export interface EngineEvent {
	/** `container`, `network`, `image`, `volume`, … */
	type: string;
	/** `create`, `start`, `die`, `destroy`, `rename`, `connect`, … */
	action: string;
	/** The object's id (a container id for container events, a network id for network events). */
	id: string;
	/** Extra attributes (`name`, `container` for network events, …). Untrusted strings. */
	attributes: Record<string, string>;
	/** Nanoseconds since the epoch, as the engine stamped it. */
	timeNano: number;
}

/** Handlers of an event subscription. `onEnd` fires once, after an error or a clean close. */
export interface EventHandlers {
	onEvent(event: EngineEvent): void;
	onEnd(error?: EngineError): void;
}

/** A live event subscription. */
export interface EventSubscription {
	close(): void;
}

/** The body of `POST /containers/create` (Engine API), as dnet builds it. */
export type CreateBody = Record<string, unknown>;

/**
 * An endpoint's settings for `POST /networks/{id}/connect` (Engine API `EndpointSettings`, the
 * fields a user can set: aliases, static IPs, links on user networks, driver options).
 */
export interface EndpointConfig {
	Aliases?: string[];
	IPAMConfig?: {IPv4Address?: string; IPv6Address?: string; LinkLocalIPs?: string[]};
	Links?: string[];
	DriverOpts?: Record<string, string>;
	MacAddress?: string;
}

/** Kinds of engine failure that dnet words differently. */
export type EngineErrorKind =
	| 'socket-missing'
	| 'permission-denied'
	| 'unreachable'
	| 'api-too-old'
	| 'timeout'
	| 'not-found'
	| 'conflict'
	| 'not-modified'
	| 'bad-request'
	| 'server';

/** An engine failure with a one-line message fit for the terminal (sanitized). */
export class EngineError extends Error {
	constructor(
		readonly kind: EngineErrorKind,
		message: string,
		/** A hint on how to fix it, when there is one. */
		readonly hint?: string,
		readonly statusCode?: number,
	) {
		super(message);
		this.name = 'EngineError';
	}
}

/** A local image, as `docker images` lists it (one per image, with every repo:tag it has). */
export interface ImageSummary {
	id: string;
	/** `repo:tag` names (`busybox:latest`); empty for an untagged image. */
	tags: string[];
	/** Seconds since the epoch. */
	created: number;
	size: number;
}

/** One image, as `docker image inspect` shows it, reduced to what dnet uses. */
export interface ImageDetails {
	id: string;
	/** `repo:tag` names; empty for an untagged image. */
	tags: string[];
	/** The image's own `EXPOSE`s (`Config.ExposedPorts`), `5000/tcp`, sorted. */
	exposedPorts: string[];
}

/** Options of `removeContainer`, as `docker rm [-f] [-v]`. */
export interface RemoveOptions {
	force?: boolean;
	volumes?: boolean;
}

export interface Engine {
	/** Where the engine is, for display (`unix:///var/run/docker.sock`). */
	readonly endpoint: string;
	/** True when the engine runs on this machine (unix socket or a loopback address). */
	readonly isLocal: boolean;
	/** `GET /version`; fails with an `EngineError` when the engine cannot be used. */
	info(): Promise<EngineInfo>;
	/**
	 * `GET /containers/json`, `all` as `docker ps -a`; with `ids`, only those containers (full ids:
	 * the live list patches the rows an event names). A container's links come from its sources' rows
	 * (`/recipient/alias` names), so a list of some ids may show fewer links than the whole list.
	 */
	listContainers(all: boolean, ids?: readonly string[]): Promise<ContainerSummary[]>;
	/** `GET /containers/{id}/json`, mapped (the name without its slash). */
	inspectContainer(idOrName: string): Promise<ContainerDetails>;
	/** The raw inspect JSON (`Name` keeps its slash), for recreate and compatibility tests. */
	inspectContainerRaw(idOrName: string): Promise<Record<string, unknown>>;
	/** `POST /containers/create`; returns the new id. */
	createContainer(name: string | null, body: CreateBody): Promise<string>;
	startContainer(idOrName: string): Promise<void>;
	/** `POST /containers/{id}/stop`; an already stopped container is not an error. */
	stopContainer(idOrName: string, timeoutSeconds?: number): Promise<void>;
	restartContainer(idOrName: string, timeoutSeconds?: number): Promise<void>;
	removeContainer(idOrName: string, options?: RemoveOptions): Promise<void>;
	renameContainer(idOrName: string, newName: string): Promise<void>;
	/** `POST /networks/{network}/connect`: attaches a (created or running) container to a network. */
	connectNetwork(network: string, container: string, endpoint: EndpointConfig): Promise<void>;
	/** `GET /images/json`: local images, newest first (untagged ones included with no tags). */
	listImages(): Promise<ImageSummary[]>;
	/** `GET /images/{name}/json`: one image (by `repo:tag`, id or digest). */
	inspectImage(ref: string): Promise<ImageDetails>;
	/**
	 * `GET /networks` then `GET /networks/{id}` for each (the list omits the containers): every
	 * network with its pools and attached containers (with their aliases), sorted by name.
	 */
	listNetworks(): Promise<NetworkInfo[]>;
	/** `GET /networks/{id}`: one network, as `listNetworks` gives it. */
	inspectNetwork(nameOrId: string): Promise<NetworkInfo>;
	/** `POST /networks/create` (bridge driver, duplicate names refused); returns the id. */
	createNetwork(name: string, options?: NetworkCreateOptions): Promise<string>;
	/** `DELETE /networks/{id}`. */
	removeNetwork(nameOrId: string): Promise<void>;
	/** `POST /networks/{network}/disconnect`, as `docker network disconnect [-f]`. */
	disconnectNetwork(network: string, container: string, force?: boolean): Promise<void>;
	/**
	 * `POST /containers/{id}/exec` and its start, attached: runs `cmd` in the running container
	 * (no tty, no stdin) and returns its exit status and output. Changes nothing by itself.
	 */
	exec(idOrName: string, cmd: string[]): Promise<ExecResult>;
	/** The pid of the container's main process on the engine's machine (`State.Pid`); 0 when not running. */
	containerPid(idOrName: string): Promise<number>;
	/**
	 * Reads a file of the engine's machine (`/proc/<pid>/net/tcp`) when dnet runs there and may read
	 * it; null otherwise (not local, missing, no rights). Never throws.
	 */
	readEngineFile(path: string): Promise<string | null>;
	/** `POST /containers/create`, with the engine's warnings (`IPv4 forwarding is disabled. …`). */
	createContainerWarned(name: string | null, body: CreateBody): Promise<{id: string; warnings: string[]}>;
	/** Attaches to the container's stdout and stderr (before it starts): raw pieces as they come, tagged. */
	attachOutput(idOrName: string, sink: OutputSink): Promise<OutputAttachment>;
	/** Registers a wait (`next-exit`, or `removed` for `--rm`); resolves once registered, with the exit status to come. */
	waitContainer(idOrName: string, condition: 'next-exit' | 'removed'): Promise<{status: Promise<number>}>;
	/** `POST /containers/{id}/kill?signal=…` (`SIGINT`, `SIGTERM`). */
	killContainer(idOrName: string, signal: string): Promise<void>;
	/** `GET /info`'s `Swarm`: whether this engine is in a swarm, and a manager. Changes nothing. */
	swarmState(): Promise<SwarmState>;
	/** `GET /services?status=true` (managers only; elsewhere the engine's 503 as an EngineError). */
	listServices(): Promise<ServiceInfo[]>;
	/** `GET /services/{id}`: the service, and its raw `Spec` (what an update sends back, changed). */
	inspectService(idOrName: string): Promise<{service: ServiceInfo; spec: Record<string, unknown>}>;
	/** `GET /tasks`, of one service (its id) or of all (null). */
	listTasks(serviceId: string | null): Promise<TaskInfo[]>;
	/** `GET /nodes`. */
	listNodes(): Promise<NodeInfo[]>;
	/** Mutating: `POST /services/{id}/update?version=…` with the whole spec; returns the engine's warnings. */
	updateServiceSpec(id: string, version: number, spec: Record<string, unknown>): Promise<string[]>;
	/** Mutating: `docker service update --rollback`: back to the service's previous spec. */
	rollbackService(idOrName: string): Promise<string[]>;
	/** Subscribe to the event stream (container, network, service and node events). */
	subscribe(handlers: EventHandlers): EventSubscription;
	/** Release sockets and agents. */
	close(): void;
}
