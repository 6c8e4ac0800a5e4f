/**
 * The Engine over dockerode: the only file in dnet that imports it. Every failure leaves here as
 * an `EngineError` with a one-line, sanitized message.
 */
import Dockerode from 'dockerode';
import type {ContainerDetails, ContainerSummary, EngineInfo} from '../model/container.js';
import type {NetworkCreateOptions, NetworkInfo} from '../model/network.js';
import {sanitize} from '../model/sanitize.js';
import {isLocalEndpoint, modemOptions, type Endpoint} from './connection.js';
import {
	EngineError,
	type CreateBody,
	type EndpointConfig,
	type Engine,
	type EventHandlers,
	type EventSubscription,
	type ImageDetails,
	type ImageSummary,
	type RemoveOptions,
} from './engine.js';
import {compareVersions, mangledAnswer, MIN_API_VERSION, toEngineError} from './errors.js';
import {readEvents} from './events.js';
import {execIn, readLocal, type ExecResult} from './exec.js';
import {attachOutput, createWarned, waitRegistered, type OutputSink} from './run-io.js';
import {mapContainerDetails, mapContainerList, mapImageDetails} from './map.js';
import {endpointAliases, endpointGateways, mapNetwork} from './map-networks.js';
import {normalizeRef, refPath} from './refs.js';
import * as swarm from './services.js';

export {MIN_API_VERSION, toEngineError} from './errors.js';
export {parseEvent} from './events.js';

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

	/** A container by name or id, checked and escaped in one place (refs.ts). */
	private container(idOrName: string): Dockerode.Container {
		return this.docker.getContainer(refPath('container', idOrName));
	}

	private network(nameOrId: string): Dockerode.Network {
		return this.docker.getNetwork(refPath('network', nameOrId));
	}

	private async call<T>(fn: () => Promise<T>): Promise<T> {
		let answer: T;
		try {
			answer = await fn();
		} catch (error) {
			throw toEngineError(error, this.where);
		}
		// dockerode hands back the bytes of a JSON answer it could not parse (cut, mangled): never read them as empty.
		if (Buffer.isBuffer(answer) && answer.length > 0) throw mangledAnswer(this.endpoint);
		return answer;
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

	async listContainers(all: boolean, ids?: readonly string[]): Promise<ContainerSummary[]> {
		const raw = await this.call(() => this.docker.listContainers({all, ...(ids ? {filters: {id: [...ids]}} : {})}));
		if (!Array.isArray(raw)) throw mangledAnswer(this.endpoint);
		return mapContainerList(raw);
	}

	async inspectContainer(idOrName: string): Promise<ContainerDetails> {
		return mapContainerDetails(await this.inspectContainerRaw(idOrName));
	}

	async inspectContainerRaw(idOrName: string): Promise<Record<string, unknown>> {
		const raw = await this.call(() => this.container(idOrName).inspect());
		return raw as unknown as Record<string, unknown>;
	}

	async createContainer(name: string | null, body: CreateBody): Promise<string> {
		const options = {...body, ...(name ? {name} : {})} as Dockerode.ContainerCreateOptions;
		const container = await this.call(() => this.docker.createContainer(options));
		if (typeof container.id !== 'string' || container.id === '') throw mangledAnswer(this.endpoint);
		return container.id;
	}

	async startContainer(idOrName: string): Promise<void> {
		await this.ignoreNotModified(() => this.container(idOrName).start());
	}

	async stopContainer(idOrName: string, timeoutSeconds?: number): Promise<void> {
		await this.ignoreNotModified(() =>
			this.container(idOrName).stop(timeoutSeconds === undefined ? {} : {t: timeoutSeconds}),
		);
	}

	async restartContainer(idOrName: string, timeoutSeconds?: number): Promise<void> {
		await this.call(() =>
			this.container(idOrName).restart(timeoutSeconds === undefined ? {} : {t: timeoutSeconds}),
		);
	}

	async removeContainer(idOrName: string, options: RemoveOptions = {}): Promise<void> {
		await this.call(() =>
			this.container(idOrName).remove({force: options.force ?? false, v: options.volumes ?? false}),
		);
	}

	async renameContainer(idOrName: string, newName: string): Promise<void> {
		await this.call(() => this.container(idOrName).rename({name: newName}));
	}

	async connectNetwork(network: string, container: string, endpoint: EndpointConfig): Promise<void> {
		await this.call(() => this.network(network).connect({Container: normalizeRef('container', container), EndpointConfig: endpoint}));
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

	async inspectImage(ref: string): Promise<ImageDetails> {
		return mapImageDetails(await this.call(() => this.docker.getImage(refPath('image', ref)).inspect()));
	}

	async listNetworks(): Promise<NetworkInfo[]> {
		const list = await this.call(() => this.docker.listNetworks());
		const raws: unknown[] = [];
		for (const n of list) {
			try {
				raws.push(await this.call(() => this.network(String(n.Id)).inspect()));
			} catch (error) {
				// Removed between the list and the inspect.
				if (!(error instanceof EngineError && error.kind === 'not-found')) throw error;
			}
		}
		const networks = await this.withAliases(raws);
		return networks.sort((a, b) => a.name.localeCompare(b.name));
	}

	async inspectNetwork(nameOrId: string): Promise<NetworkInfo> {
		const raw: unknown = await this.call(() => this.network(nameOrId).inspect());
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
		const gateways = endpointGateways(inspected);
		return raws.map((raw) => {
			const name = (raw as {Name?: unknown}).Name;
			return mapNetwork(raw, (id, network) => aliases.get(`${id}/${network}`) ?? [], typeof name === 'string' ? gateways.get(name) : undefined);
		});
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
		await this.call(() => this.network(nameOrId).remove());
	}

	async disconnectNetwork(network: string, container: string, force = false): Promise<void> {
		await this.call(() => this.network(network).disconnect({Container: normalizeRef('container', container), Force: force}));
	}

	exec = (idOrName: string, cmd: string[]): Promise<ExecResult> => this.call(() => execIn(this.container(idOrName), cmd));
	containerPid = async (idOrName: string): Promise<number> => Number((await this.inspectContainerRaw(idOrName) as {State?: {Pid?: unknown}}).State?.Pid ?? 0);
	readEngineFile = async (path: string): Promise<string | null> => (this.isLocal ? readLocal(path) : null);

	createContainerWarned = (name: string | null, body: CreateBody) => this.call(() => createWarned(this.docker, name, body));
	attachOutput = (idOrName: string, sink: OutputSink) => this.call(() => attachOutput(this.container(idOrName), sink));
	waitContainer = (idOrName: string, condition: 'next-exit' | 'removed') => this.call(() => waitRegistered(this.docker, `/containers/${this.container(idOrName).id}`, condition));
	killContainer = async (idOrName: string, signal: string): Promise<void> => void (await this.call(() => this.container(idOrName).kill({signal})));

	swarmState = async () => swarm.mapSwarmState(await this.call(() => this.docker.info()));
	listServices = async () => swarm.arrOf(await this.call(() => swarm.listServicesRaw(this.docker))).map(swarm.mapService).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	inspectService = async (idOrName: string) => swarm.withSpec(await this.call(() => this.docker.getService(refPath('service', idOrName)).inspect()));
	listTasks = async (serviceId: string | null) => swarm.arrOf(await this.call(() => swarm.listTasksRaw(this.docker, serviceId))).map(swarm.mapTask);
	listNodes = async () => swarm.arrOf(await this.call(() => this.docker.listNodes())).map(swarm.mapNode);
	updateServiceSpec = (id: string, version: number, spec: Record<string, unknown>) => this.call(() => swarm.updateServiceRaw(this.docker, refPath('service', id), version, spec, false));
	rollbackService = async (idOrName: string) => {
		const {service, spec} = await this.inspectService(idOrName);
		return this.call(() => swarm.updateServiceRaw(this.docker, refPath('service', service.id), service.version, spec, true));
	};

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
			filters: {type: ['container', 'network', 'service', 'node']},
			abortSignal: abort.signal,
		} as never) as unknown as Promise<NodeJS.ReadableStream>;
		events
			.then((stream) =>
				readEvents(
					stream,
					(event) => {
						if (!ended) handlers.onEvent(event);
					},
					(how) => {
						if (abort.signal.aborted) return end();
						if (how === 'end' || how === 'close') {
							return end(new EngineError('unreachable', `the event stream of ${this.endpoint} ${how === 'end' ? 'ended' : 'closed'}`));
						}
						return end(toEngineError(how.error, this.where));
					},
				),
			)
			.catch((error: unknown) => end(abort.signal.aborted ? undefined : toEngineError(error, this.where)));
		return subscription;
	}

	close(): void {
		for (const s of [...this.subscriptions]) s.close();
		const agent = (this.docker.modem as unknown as {agent?: {destroy?: () => void}}).agent;
		agent?.destroy?.();
	}
}
