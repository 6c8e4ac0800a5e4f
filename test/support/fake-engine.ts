/**
 * An in-memory Engine for store and UI component tests only (the real one is tested against a
 * real dockerd in test/engine). Tests drive it: add containers, emit events, break the stream.
 */
import {
	EngineError,
	type Engine,
	type EngineEvent,
	type EventHandlers,
	type EventSubscription,
	type ImageSummary,
} from '../../source/engine/engine.js';
import type {ContainerDetails, ContainerSummary, EngineInfo} from '../../source/model/container.js';
import type {NetworkCreateOptions, NetworkInfo} from '../../source/model/network.js';

export function summary(name: string, extra: Partial<ContainerSummary> = {}): ContainerSummary {
	return {
		id: `id-${name}`,
		name,
		image: 'dnet/webapp',
		command: '/bin/httpd -f -p 5000',
		created: 1_700_000_000,
		state: 'running',
		status: 'Up 2 minutes',
		ports: [],
		links: [],
		networks: [{name: 'bridge', ipAddress: '172.17.0.2', gateway: '172.17.0.1', aliases: []}],
		labels: {},
		...extra,
	};
}

export function detailsOf(c: ContainerSummary, extra: Partial<ContainerDetails> = {}): ContainerDetails {
	return {
		id: c.id,
		name: `/${c.name}`,
		image: c.image,
		imageId: 'sha256:abc',
		command: c.command,
		created: '2026-11-27T10:00:00Z',
		state: {
			status: c.state,
			running: c.state === 'running',
			paused: false,
			restarting: false,
			exitCode: 0,
			startedAt: '2026-11-27T10:00:01Z',
			finishedAt: '',
			error: '',
		},
		exposedPorts: ['5000/tcp'],
		portBindings: {},
		ports: {},
		publishAllPorts: false,
		links: c.links,
		networks: c.networks,
		autoRemove: false,
		restartPolicy: 'no',
		env: [],
		labels: c.labels,
		hostname: c.id.slice(0, 12),
		...extra,
	};
}

export class FakeEngine implements Engine {
	readonly endpoint = 'unix:///fake/docker.sock';
	readonly isLocal: boolean = true;
	containers: ContainerSummary[] = [];
	details = new Map<string, ContainerDetails>();
	/** When set, every call fails with it (the engine is "down"). */
	down: EngineError | null = null;
	calls: string[] = [];
	private handlers = new Set<EventHandlers>();

	constructor(containers: ContainerSummary[] = []) {
		this.containers = containers;
	}

	get subscribers(): number {
		return this.handlers.size;
	}

	private check(call: string): void {
		this.calls.push(call);
		if (this.down) throw this.down;
	}

	async info(): Promise<EngineInfo> {
		this.check('info');
		return {version: '28.0.0-fake', apiVersion: '1.47', os: 'linux', arch: 'amd64'};
	}

	async listContainers(all: boolean): Promise<ContainerSummary[]> {
		this.check('list');
		return this.containers.filter((c) => all || c.state === 'running').map((c) => structuredClone(c));
	}

	async inspectContainer(id: string): Promise<ContainerDetails> {
		this.check(`inspect ${id}`);
		const c = this.containers.find((x) => x.id === id || x.name === id);
		if (!c) throw new EngineError('not-found', `No such container: ${id}`, undefined, 404);
		return structuredClone(this.details.get(c.id) ?? detailsOf(c));
	}

	async inspectContainerRaw(_idOrName?: string): Promise<Record<string, unknown>> {
		throw new Error('not faked');
	}

	async createContainer(_name?: string | null, _body?: Record<string, unknown>): Promise<string> {
		throw new Error('not faked');
	}

	async startContainer(_id: string): Promise<void> {}
	async stopContainer(_id: string, _timeoutSeconds?: number): Promise<void> {}
	async restartContainer(_id: string, _timeoutSeconds?: number): Promise<void> {}
	async removeContainer(_id: string, _options?: {force?: boolean; volumes?: boolean}): Promise<void> {}
	async renameContainer(_id: string, _newName: string): Promise<void> {}
	async connectNetwork(_network?: string, _container?: string, _endpoint?: object): Promise<void> {
		throw new Error('not faked');
	}

	async listNetworks(): Promise<NetworkInfo[]> {
		throw new Error('not faked');
	}

	async inspectNetwork(_nameOrId: string): Promise<NetworkInfo> {
		throw new Error('not faked');
	}

	async createNetwork(_name: string, _options?: NetworkCreateOptions): Promise<string> {
		throw new Error('not faked');
	}

	async removeNetwork(_nameOrId: string): Promise<void> {
		throw new Error('not faked');
	}

	async disconnectNetwork(_network: string, _container: string, _force?: boolean): Promise<void> {
		throw new Error('not faked');
	}

	/** Local images `listImages` returns (tests set them). */
	images: ImageSummary[] = [];

	async listImages(): Promise<ImageSummary[]> {
		this.check('images');
		return structuredClone(this.images);
	}

	subscribe(handlers: EventHandlers): EventSubscription {
		this.check('subscribe');
		this.handlers.add(handlers);
		return {close: () => this.handlers.delete(handlers)};
	}

	/** Sends an event to every subscriber. */
	emit(event: Partial<EngineEvent> & {id: string; action: string}): void {
		const full: EngineEvent = {type: 'container', attributes: {}, timeNano: Date.now() * 1e6, ...event};
		for (const h of [...this.handlers]) h.onEvent(full);
	}

	/** Breaks the event stream, as when the engine stops. */
	breakStream(error = new EngineError('unreachable', 'the event stream ended')): void {
		for (const h of [...this.handlers]) {
			this.handlers.delete(h);
			h.onEnd(error);
		}
	}

	close(): void {
		this.handlers.clear();
	}
}
