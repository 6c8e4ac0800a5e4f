/**
 * The Engine over dockerode: the only file in dnet that imports it. Every failure leaves here as
 * an `EngineError` with a one-line, sanitized message.
 */
import Dockerode from 'dockerode';
import type {ContainerDetails, ContainerSummary, EngineInfo} from '../model/container.js';
import type {NetworkCreateOptions, NetworkInfo} from '../model/network.js';
import {sanitize} from '../model/sanitize.js';
import {isLocalEndpoint, type Endpoint} from './connection.js';
import {
	EngineError,
	type CreateBody,
	type EndpointConfig,
	type Engine,
	type EngineEvent,
	type EventHandlers,
	type EventSubscription,
	type ImageSummary,
	type RemoveOptions,
} from './engine.js';
import {mapContainerDetails, mapContainerList} from './map.js';
import {endpointAliases, mapNetwork} from './map-networks.js';

/** The oldest Engine API dnet speaks (Docker 17.06). */
export const MIN_API_VERSION = '1.30';

function compareVersions(a: string, b: string): number {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		const d = (pa[i] ?? 0) - (pb[i] ?? 0);
		if (d !== 0) return d;
	}
	return 0;
}

/** Turns whatever dockerode threw into an `EngineError` worded for `endpoint`. */
export function toEngineError(error: unknown, endpoint: Endpoint): EngineError {
	if (error instanceof EngineError) return error;
	const e = (error ?? {}) as {
		code?: string;
		statusCode?: number;
		json?: unknown;
		reason?: string;
		message?: string;
	};
	const where = endpoint.display;
	switch (e.code) {
		case 'ENOENT':
			return new EngineError(
				'socket-missing',
				`cannot connect to the Docker engine at ${where}: no such socket`,
				endpoint.kind === 'unix' && endpoint.socketPath === '/var/run/docker.sock'
					? 'is the Docker daemon running? Or set DOCKER_HOST / use -H to point at another engine'
					: 'is the Docker daemon running? Check DOCKER_HOST / -H',
			);
		case 'EACCES':
		case 'EPERM':
			return new EngineError(
				'permission-denied',
				`permission denied while connecting to the Docker engine at ${where}`,
				'add your user to the docker group (sudo usermod -aG docker $USER, then log in again) or run dnet with sudo',
			);
		case 'ECONNREFUSED':
		case 'ECONNRESET':
		case 'EHOSTUNREACH':
		case 'ENETUNREACH':
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
		case 'EPIPE':
			return new EngineError(
				'unreachable',
				`cannot connect to the Docker engine at ${where}: nothing is answering (${e.code})`,
				'is the Docker daemon running? Check DOCKER_HOST / -H',
			);
		case 'ETIMEDOUT':
		case 'ESOCKETTIMEDOUT':
			return new EngineError('timeout', `the Docker engine at ${where} did not answer in time`, 'check the network and the engine');
		default:
			break;
	}
	const status = e.statusCode;
	const json = e.json as {message?: unknown} | string | undefined;
	let message =
		(typeof json === 'object' && json !== null && typeof json.message === 'string' && json.message) ||
		(typeof json === 'string' && json.trim()) ||
		e.reason ||
		e.message ||
		String(error);
	message = sanitize(String(message)).replace(/^\(HTTP code \d+\)\s*/, '').trim();
	// dockerd refuses an API version it does not speak with a 400: check before the generic kinds.
	if (status !== undefined && /client version .* is too (old|new)|minimum supported API version/i.test(message)) {
		return new EngineError('api-too-old', message, 'upgrade the Docker engine', status);
	}
	if (status === 404) return new EngineError('not-found', message, undefined, status);
	if (status === 409) return new EngineError('conflict', message, undefined, status);
	if (status === 304) return new EngineError('not-modified', message, undefined, status);
	if (status === 400) return new EngineError('bad-request', message, undefined, status);
	return new EngineError(status === undefined ? 'unreachable' : 'server', message, undefined, status);
}

function modemOptions(endpoint: Endpoint): Dockerode.DockerOptions {
	switch (endpoint.kind) {
		case 'unix':
			return {socketPath: endpoint.socketPath};
		case 'ssh':
			return {
				protocol: 'ssh',
				host: endpoint.host,
				port: endpoint.port,
				...(endpoint.username ? {username: endpoint.username} : {}),
				sshOptions: {agent: process.env['SSH_AUTH_SOCK']},
			} as Dockerode.DockerOptions;
		case 'tcp':
			return endpoint.tls
				? {
						protocol: 'https',
						host: endpoint.host,
						port: endpoint.port,
						...(endpoint.tls.ca ? {ca: endpoint.tls.ca} : {}),
						...(endpoint.tls.cert ? {cert: endpoint.tls.cert} : {}),
						...(endpoint.tls.key ? {key: endpoint.tls.key} : {}),
					}
				: {protocol: 'http', host: endpoint.host, port: endpoint.port};
	}
}

export class DockerEngine implements Engine {
	readonly endpoint: string;
	readonly isLocal: boolean;
	private readonly docker: Dockerode;
	private readonly subscriptions = new Set<EventSubscription>();

	constructor(private readonly where: Endpoint) {
		this.endpoint = where.display;
		this.isLocal = isLocalEndpoint(where);
		this.docker = new Dockerode(modemOptions(where));
	}

	private async call<T>(fn: () => Promise<T>): Promise<T> {
		try {
			return await fn();
		} catch (error) {
			throw toEngineError(error, this.where);
		}
	}

	async info(): Promise<EngineInfo> {
		const v = await this.call(() => this.docker.version());
		const info: EngineInfo = {
			version: sanitize(String(v.Version ?? '')),
			apiVersion: sanitize(String(v.ApiVersion ?? '')),
			os: sanitize(String(v.Os ?? '')),
			arch: sanitize(String(v.Arch ?? '')),
		};
		if (info.apiVersion && compareVersions(info.apiVersion, MIN_API_VERSION) < 0) {
			throw new EngineError(
				'api-too-old',
				`the Docker engine at ${this.endpoint} speaks API ${info.apiVersion}; dnet needs ${MIN_API_VERSION} or newer`,
				'upgrade the Docker engine',
			);
		}
		return info;
	}

	async listContainers(all: boolean): Promise<ContainerSummary[]> {
		const raw = await this.call(() => this.docker.listContainers({all}));
		return mapContainerList(raw);
	}

	async inspectContainer(idOrName: string): Promise<ContainerDetails> {
		return mapContainerDetails(await this.inspectContainerRaw(idOrName));
	}

	async inspectContainerRaw(idOrName: string): Promise<Record<string, unknown>> {
		const raw = await this.call(() => this.docker.getContainer(idOrName).inspect());
		return raw as unknown as Record<string, unknown>;
	}

	async createContainer(name: string | null, body: CreateBody): Promise<string> {
		const options = {...body, ...(name ? {name} : {})} as Dockerode.ContainerCreateOptions;
		const container = await this.call(() => this.docker.createContainer(options));
		return container.id;
	}

	async startContainer(idOrName: string): Promise<void> {
		await this.ignoreNotModified(() => this.docker.getContainer(idOrName).start());
	}

	async stopContainer(idOrName: string, timeoutSeconds?: number): Promise<void> {
		await this.ignoreNotModified(() =>
			this.docker.getContainer(idOrName).stop(timeoutSeconds === undefined ? {} : {t: timeoutSeconds}),
		);
	}

	async restartContainer(idOrName: string, timeoutSeconds?: number): Promise<void> {
		await this.call(() =>
			this.docker.getContainer(idOrName).restart(timeoutSeconds === undefined ? {} : {t: timeoutSeconds}),
		);
	}

	async removeContainer(idOrName: string, options: RemoveOptions = {}): Promise<void> {
		await this.call(() =>
			this.docker.getContainer(idOrName).remove({force: options.force ?? false, v: options.volumes ?? false}),
		);
	}

	async renameContainer(idOrName: string, newName: string): Promise<void> {
		await this.call(() => this.docker.getContainer(idOrName).rename({name: newName}));
	}

	async connectNetwork(network: string, container: string, endpoint: EndpointConfig): Promise<void> {
		await this.call(() => this.docker.getNetwork(network).connect({Container: container, EndpointConfig: endpoint}));
	}

	async listImages(): Promise<ImageSummary[]> {
		const raw = await this.call(() => this.docker.listImages({all: false}));
		return raw
			.map((i) => ({
				id: sanitize(String(i.Id ?? '')),
				tags: (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>').map((t) => sanitize(String(t))),
				created: Number(i.Created ?? 0),
				size: Number(i.Size ?? 0),
			}))
			.sort((a, b) => b.created - a.created || a.id.localeCompare(b.id));
	}

	async listNetworks(): Promise<NetworkInfo[]> {
		const list = await this.call(() => this.docker.listNetworks());
		const raws: unknown[] = [];
		for (const n of list) {
			try {
				raws.push(await this.call(() => this.docker.getNetwork(String(n.Id)).inspect()));
			} catch (error) {
				// Removed between the list and the inspect.
				if (!(error instanceof EngineError && error.kind === 'not-found')) throw error;
			}
		}
		const networks = await this.withAliases(raws);
		return networks.sort((a, b) => a.name.localeCompare(b.name));
	}

	async inspectNetwork(nameOrId: string): Promise<NetworkInfo> {
		const raw: unknown = await this.call(() => this.docker.getNetwork(nameOrId).inspect());
		const [network] = await this.withAliases([raw]);
		return network as NetworkInfo;
	}

	/** Maps inspected networks, reading the members' aliases from their container inspects. */
	private async withAliases(raws: unknown[]): Promise<NetworkInfo[]> {
		const ids = new Set<string>();
		for (const raw of raws) {
			const members = (raw as {Containers?: unknown}).Containers;
			if (members && typeof members === 'object') for (const id of Object.keys(members)) ids.add(id);
		}
		const inspected: unknown[] = [];
		for (const id of ids) {
			try {
				inspected.push(await this.inspectContainerRaw(id));
			} catch (error) {
				if (!(error instanceof EngineError && error.kind === 'not-found')) throw error;
			}
		}
		const aliases = endpointAliases(inspected);
		return raws.map((raw) => mapNetwork(raw, (id, network) => aliases.get(`${id}/${network}`) ?? []));
	}

	async createNetwork(name: string, options: NetworkCreateOptions = {}): Promise<string> {
		const pool = {
			...(options.subnet ? {Subnet: options.subnet} : {}),
			...(options.gateway ? {Gateway: options.gateway} : {}),
		};
		const created = await this.call(() =>
			this.docker.createNetwork({
				Name: name,
				Driver: 'bridge',
				CheckDuplicate: true,
				Internal: options.internal ?? false,
				...(Object.keys(pool).length > 0 ? {IPAM: {Driver: 'default', Config: [pool]}} : {}),
			}),
		);
		return created.id;
	}

	async removeNetwork(nameOrId: string): Promise<void> {
		await this.call(() => this.docker.getNetwork(nameOrId).remove());
	}

	async disconnectNetwork(network: string, container: string, force = false): Promise<void> {
		await this.call(() => this.docker.getNetwork(network).disconnect({Container: container, Force: force}));
	}

	private async ignoreNotModified(fn: () => Promise<unknown>): Promise<void> {
		try {
			await this.call(fn);
		} catch (error) {
			if (error instanceof EngineError && error.kind === 'not-modified') return;
			throw error;
		}
	}

	subscribe(handlers: EventHandlers): EventSubscription {
		const abort = new AbortController();
		let ended = false;
		const end = (error?: EngineError): void => {
			if (ended) return;
			ended = true;
			this.subscriptions.delete(subscription);
			handlers.onEnd(error);
		};
		const subscription: EventSubscription = {
			close: () => {
				if (ended) return;
				abort.abort();
				end();
			},
		};
		this.subscriptions.add(subscription);
		const events = this.docker.getEvents({
			filters: {type: ['container', 'network']},
			abortSignal: abort.signal,
		} as never) as unknown as Promise<NodeJS.ReadableStream>;
		events
			.then((stream) => {
				const readable = stream as NodeJS.ReadableStream;
				let buffer = '';
				readable.setEncoding?.('utf8');
				readable.on('data', (chunk: string | Buffer) => {
					buffer += chunk.toString();
					let newline = buffer.indexOf('\n');
					while (newline >= 0) {
						const line = buffer.slice(0, newline).trim();
						buffer = buffer.slice(newline + 1);
						if (line) {
							const event = parseEvent(line);
							if (event && !ended) handlers.onEvent(event);
						}
						newline = buffer.indexOf('\n');
					}
				});
				readable.on('end', () =>
					end(abort.signal.aborted ? undefined : new EngineError('unreachable', `the event stream of ${this.endpoint} ended`)),
				);
				readable.on('close', () =>
					end(abort.signal.aborted ? undefined : new EngineError('unreachable', `the event stream of ${this.endpoint} closed`)),
				);
				readable.on('error', (error: unknown) => end(abort.signal.aborted ? undefined : toEngineError(error, this.where)));
			})
			.catch((error: unknown) => end(abort.signal.aborted ? undefined : toEngineError(error, this.where)));
		return subscription;
	}

	close(): void {
		for (const s of [...this.subscriptions]) s.close();
		const agent = (this.docker.modem as unknown as {agent?: {destroy?: () => void}}).agent;
		agent?.destroy?.();
	}
}

/** Parses one line of `GET /events` into an `EngineEvent`, or null when it is not one. */
export function parseEvent(line: string): EngineEvent | null {
	let raw: unknown;
	try {
		raw = JSON.parse(line);
	} catch {
		return null;
	}
	if (raw === null || typeof raw !== 'object') return null;
	const e = raw as Record<string, unknown>;
	const actor = (e['Actor'] ?? {}) as {ID?: unknown; Attributes?: Record<string, unknown>};
	const attributes: Record<string, string> = {};
	for (const [k, v] of Object.entries(actor.Attributes ?? {})) attributes[k] = typeof v === 'string' ? v : String(v);
	const action = String(e['Action'] ?? e['status'] ?? '');
	return {
		type: String(e['Type'] ?? ''),
		// Health checks and exec report as "exec_start: sh -c …", keep the verb only.
		action: action.split(':')[0] ?? action,
		id: String(actor.ID ?? e['id'] ?? ''),
		attributes,
		timeNano: Number(e['timeNano'] ?? 0),
	};
}
