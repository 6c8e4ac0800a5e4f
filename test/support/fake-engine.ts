/**
 * The one in-memory Engine of the store, UI and command tests (the real one is tested against a
 * real dockerd in test/engine). Every method of `Engine` works on the fake's own state:
 * containers (a list row each, plus optional details), create/start/stop/restart/remove/rename,
 * raw inspect as the recreate transaction reads it, networks, images and the event stream.
 *
 * Tests drive it: set `containers`, `details`, `images`, `networks`; `emit` events, `breakStream`,
 * set `down` (every call fails) or `startError`; read `calls` (every call), `done` (what changed,
 * `docker`-like) and `created` (the create bodies). Not a local engine by default: no host bind
 * tests, so conflicts come from other containers' bindings only.
 */
import {
	type OutputAttachment,
	type OutputSink,
	EngineError,
	type CreateBody,
	type EndpointConfig,
	type Engine,
	type ExecResult,
	type EngineEvent,
	type EventHandlers,
	type EventSubscription,
	type ImageDetails,
	type ImageSummary,
	type RemoveOptions,
} from '../../source/engine/engine.js';
import {normalizeRef} from '../../source/engine/refs.js';
import {
	withoutLeadingSlash,
	type ContainerDetails,
	type ContainerPort,
	type ContainerSummary,
	type EngineInfo,
	type HostBinding,
	type NetworkAttachment,
	type PortMap,
} from '../../source/model/container.js';
import type {NetworkCreateOptions, NetworkInfo} from '../../source/model/network.js';
import type {NodeInfo, ServiceInfo, ServicePort, SwarmState, TaskInfo} from '../../source/model/swarm/types.js';

/** A replicated service (`svc-<name>`, 1/1 running, image dnet/webapp:latest), no ports. */
export function service(name: string, extra: Partial<ServiceInfo> = {}): ServiceInfo {
	return {
		id: `svc-${name}`,
		name,
		image: 'dnet/webapp:latest',
		mode: 'replicated',
		replicas: 1,
		maxPerNode: 0,
		running: 1,
		desired: 1,
		completed: null,
		specPorts: [],
		ports: [],
		networks: [],
		vips: [],
		endpointMode: 'vip',
		update: null,
		version: 10,
		labels: {},
		...extra,
	};
}

/** The fake's swarm when `manager` is set: one node, this engine, a manager. */
export const MANAGER: SwarmState = {localState: 'active', manager: true, nodeId: 'node-1', nodeAddr: '127.0.0.1'};

/** A running container row (`id-<name>`, image dnet/webapp, on the default bridge). */
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

/** The details of a row, as `inspectContainer` maps them (the name without its slash). */
export function detailsOf(c: ContainerSummary, extra: Partial<ContainerDetails> = {}): ContainerDetails {
	return {
		id: c.id,
		name: c.name,
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

/** A user-defined bridge network (`net-<name>`), no members. */
export function network(name: string, extra: Partial<NetworkInfo> = {}): NetworkInfo {
	return {id: `net-${name}`, name, driver: 'bridge', scope: 'local', internal: false, predefined: false, pools: [], containers: [], ...extra};
}

type EngineBindings = Record<string, Array<{HostIp: string; HostPort: string}> | null>;

const toEngineForm = (map: PortMap): EngineBindings =>
	Object.fromEntries(Object.entries(map).map(([k, list]) => [k, (list ?? []).map((b) => ({HostIp: b.hostIp, HostPort: b.hostPort}))]));
const fromEngineForm = (map: EngineBindings): PortMap =>
	Object.fromEntries(Object.entries(map).map(([k, list]) => [k, (list ?? []).map((b): HostBinding => ({hostIp: b.HostIp, hostPort: b.HostPort}))]));

const notFound = (what: string): EngineError => new EngineError('not-found', `No such container: ${what}`, undefined, 404);

export class FakeEngine implements Engine {
	readonly endpoint = 'unix:///fake/docker.sock';
	/** False: the fake's ports are not this machine's (set true to let conflict checks bind-test). */
	isLocal = false;
	containers: ContainerSummary[] = [];
	/** Details by container id; a row without an entry is inspected as `detailsOf(row)`. */
	details = new Map<string, ContainerDetails>();
	/** Local images `listImages` returns (tests set them). */
	images: ImageSummary[] = [];
	/**
	 * The image's own `EXPOSE`s by image reference (id or `repo:tag`), for `inspectImage`; an image
	 * not listed here exposes `5000/tcp`, as dnet/webapp does.
	 */
	imageExposed = new Map<string, string[]>();
	networks: NetworkInfo[] = [network('bridge', {predefined: true, pools: [{subnet: '172.17.0.0/16', gateway: '172.17.0.1'}]})];
	/** When set, every call fails with it (the engine is "down"). */
	down: EngineError | null = null;
	/** When set, `startContainer` fails with it (e.g. `port is already allocated`). */
	startError: EngineError | null = null;
	/**
	 * What `exec` answers, by container name then the command joined with spaces
	 * (`cat /proc/net/tcp`); a command not listed fails as a missing program does (exit 127).
	 */
	execOutputs = new Map<string, Map<string, string>>();
	/** Files `readEngineFile` returns by path (none by default: the fake is not this machine). */
	engineFiles = new Map<string, string>();
	/** Every call, in order (`list`, `inspect id-web`, …). */
	calls: string[] = [];
	/** Every change, in order, docker-like (`create web`, `rename id-web web-old`, `start web`, `network connect …`). */
	done: string[] = [];
	/** The create bodies, in order. */
	created: Array<{name: string | null; body: CreateBody}> = [];
	/** The engine's swarm state: not in a swarm by default (set `MANAGER`). */
	swarm: SwarmState = {localState: 'inactive', manager: false, nodeId: '', nodeAddr: ''};
	services: ServiceInfo[] = [];
	tasks: TaskInfo[] = [];
	nodes: NodeInfo[] = [];
	/** When set, `updateServiceSpec` fails with it. */
	serviceUpdateError: EngineError | null = null;
	private handlers = new Set<EventHandlers>();
	private seq = 0;

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

	private row(idOrName: string): ContainerSummary {
		// The same checks as the real engine's (refs.ts): `/web` is `web`, spaces trimmed, `''` refused.
		const ref = normalizeRef('container', idOrName);
		const c = this.containers.find((x) => x.id === ref || x.name === ref);
		if (!c) throw notFound(ref);
		return c;
	}

	private detailsOfRow(c: ContainerSummary): ContainerDetails {
		return this.details.get(c.id) ?? detailsOf(c);
	}

	/** Changes a row and its details entry alike. */
	private update(c: ContainerSummary, rowChange: Partial<ContainerSummary>, detailsChange: Partial<ContainerDetails> = {}): void {
		Object.assign(c, rowChange);
		const d = this.details.get(c.id);
		if (!d) return;
		const shared: Partial<ContainerDetails> = {};
		if (rowChange.name !== undefined) shared.name = rowChange.name;
		if (rowChange.links !== undefined) shared.links = rowChange.links;
		if (rowChange.networks !== undefined) shared.networks = rowChange.networks;
		Object.assign(d, shared, detailsChange);
	}

	private setRunning(c: ContainerSummary, running: boolean): void {
		const d = this.detailsOfRow(c);
		this.update(c, {state: running ? 'running' : 'exited', status: running ? 'Up 1 second' : 'Exited (0) 1 second ago'}, {
			state: {...d.state, running, status: running ? 'running' : 'exited'},
		});
	}

	async info(): Promise<EngineInfo> {
		this.check('info');
		return {version: '28.0.0-fake', apiVersion: '1.47', os: 'linux', arch: 'amd64'};
	}

	async listContainers(all: boolean, ids?: readonly string[]): Promise<ContainerSummary[]> {
		this.check('list');
		const rows = this.containers.filter((c) => (all || c.state === 'running') && (!ids || ids.some((id) => c.id.startsWith(id))));
		// As the engine: a row's links are read from its sources' rows, so a list of some ids holds only the links among them.
		const names = new Set(rows.map((c) => c.name));
		return rows.map((c) => structuredClone(ids ? {...c, links: c.links.filter((l) => names.has(l.source))} : c));
	}

	async inspectContainer(id: string): Promise<ContainerDetails> {
		this.check(`inspect ${id}`);
		return structuredClone(this.detailsOfRow(this.row(id)));
	}

	/** The inspect JSON as the engine gives it (`Name` with its slash), as far as recreate reads it. */
	async inspectContainerRaw(id: string): Promise<Record<string, unknown>> {
		this.check(`inspect-raw ${id}`);
		const d = structuredClone(this.detailsOfRow(this.row(id)));
		const attached = this.networks.filter((n) => n.containers.some((m) => m.id === d.id));
		const endpoints: Record<string, unknown> = {};
		for (const n of d.networks) endpoints[n.name] = {Aliases: n.aliases, IPAddress: n.ipAddress};
		for (const n of attached) endpoints[n.name] ??= {NetworkID: n.id, Aliases: n.containers.find((m) => m.id === d.id)?.aliases ?? []};
		return {
			Id: d.id,
			Name: `/${d.name}`,
			Image: d.imageId,
			State: {Status: d.state.status, Running: d.state.running},
			Config: {
				Image: d.image,
				Hostname: d.hostname,
				Env: [...d.env],
				ExposedPorts: Object.fromEntries(d.exposedPorts.map((p) => [p, {}])),
				Labels: {...d.labels},
			},
			HostConfig: {
				NetworkMode: 'default',
				PortBindings: toEngineForm(d.portBindings),
				PublishAllPorts: d.publishAllPorts,
				AutoRemove: d.autoRemove,
				// As the engine shows them: `/source:/recipient/alias`.
				Links: d.links.map((l) => `/${l.source}:/${d.name}/${l.alias}`),
			},
			Mounts: [],
			NetworkSettings: {Networks: endpoints, Ports: toEngineForm(d.ports)},
		};
	}

	async createContainer(name: string | null, body: CreateBody): Promise<string> {
		this.check(`create ${name}`);
		const id = `id-new-${++this.seq}`;
		const finalName = name ?? `fake_name_${this.seq}`;
		if (this.containers.some((c) => c.name === finalName)) {
			throw new EngineError('conflict', `Conflict. The container name "/${finalName}" is already in use`, undefined, 409);
		}
		this.created.push({name, body});
		const host = (body['HostConfig'] ?? {}) as {PortBindings?: EngineBindings; PublishAllPorts?: boolean; AutoRemove?: boolean; Links?: string[]};
		const links = (host.Links ?? []).map((l) => ({source: withoutLeadingSlash(l.split(':')[0] ?? l), alias: l.split(':')[1] ?? l}));
		const c = summary(finalName, {
			id,
			state: 'created',
			status: 'Created',
			image: typeof body['Image'] === 'string' ? body['Image'] : '',
			links,
			labels: {...((body['Labels'] ?? {}) as Record<string, string>)},
		});
		this.containers.push(c);
		this.details.set(
			id,
			detailsOf(c, {
				exposedPorts: Object.keys(body['ExposedPorts'] ?? {}),
				portBindings: fromEngineForm(host.PortBindings ?? {}),
				publishAllPorts: host.PublishAllPorts ?? false,
				autoRemove: host.AutoRemove ?? false,
				env: [...((body['Env'] ?? []) as string[])],
			}),
		);
		this.done.push(`create ${finalName}`);
		return id;
	}

	async startContainer(id: string): Promise<void> {
		this.check(`start ${id}`);
		if (this.startError) throw this.startError;
		const c = this.row(id);
		this.setRunning(c, true);
		this.done.push(`start ${c.name}`);
	}

	/** Stops the container; one run with `--rm` (AutoRemove) is then removed, as the engine does. */
	async stopContainer(id: string, _timeoutSeconds?: number): Promise<void> {
		this.check(`stop ${id}`);
		const c = this.row(id);
		this.setRunning(c, false);
		this.done.push(`stop ${id}`);
		if (this.detailsOfRow(c).autoRemove) this.drop(c);
	}

	async restartContainer(id: string, _timeoutSeconds?: number): Promise<void> {
		this.check(`restart ${id}`);
		const c = this.row(id);
		this.setRunning(c, true);
		this.done.push(`restart ${id}`);
	}

	/** Removes the container; a running one only with `force`, as `docker rm -f`. */
	async removeContainer(id: string, options: RemoveOptions = {}): Promise<void> {
		this.check(`remove ${id}`);
		const c = this.row(id);
		if (c.state === 'running' && !options.force) {
			throw new EngineError('conflict', `cannot remove container "/${c.name}": container is running: stop the container before removing or force remove`, undefined, 409);
		}
		this.drop(c);
		this.done.push(`remove ${c.name}`);
	}

	private drop(c: ContainerSummary): void {
		this.containers = this.containers.filter((x) => x !== c);
		this.details.delete(c.id);
		for (const n of this.networks) n.containers = n.containers.filter((m) => m.id !== c.id);
	}

	/** Renames the container; links to it follow the new name, as the engine's do. */
	async renameContainer(id: string, newName: string): Promise<void> {
		this.check(`rename ${id} ${newName}`);
		const c = this.row(id);
		if (this.containers.some((x) => x !== c && x.name === newName)) {
			throw new EngineError('conflict', `Conflict. The container name "/${newName}" is already in use`, undefined, 409);
		}
		const old = c.name;
		this.update(c, {name: newName});
		for (const x of this.containers) {
			if (x.links.some((l) => l.source === old)) this.update(x, {links: x.links.map((l) => (l.source === old ? {...l, source: newName} : l))});
		}
		for (const n of this.networks) for (const m of n.containers) if (m.id === c.id) m.name = newName;
		this.done.push(`rename ${id} ${newName}`);
	}

	private findNetwork(nameOrId: string): NetworkInfo {
		const ref = normalizeRef('network', nameOrId);
		const n = this.networks.find((x) => x.name === ref || x.id === ref);
		if (!n) throw new EngineError('not-found', `network ${ref} not found`, undefined, 404);
		return n;
	}

	async listNetworks(): Promise<NetworkInfo[]> {
		this.check('networks');
		return structuredClone([...this.networks].sort((a, b) => a.name.localeCompare(b.name)));
	}

	async inspectNetwork(nameOrId: string): Promise<NetworkInfo> {
		this.check(`network inspect ${nameOrId}`);
		return structuredClone(this.findNetwork(nameOrId));
	}

	async createNetwork(name: string, options: NetworkCreateOptions = {}): Promise<string> {
		this.check(`network create ${name}`);
		if (this.networks.some((n) => n.name === name)) throw new EngineError('conflict', `network with name ${name} already exists`, undefined, 409);
		this.networks.push(network(name, {pools: options.subnet ? [{subnet: options.subnet, gateway: options.gateway ?? ''}] : []}));
		this.done.push(`network create ${name}${options.subnet ? ` ${options.subnet}` : ''}`);
		return `net-${name}-id0123456789`;
	}

	async removeNetwork(nameOrId: string): Promise<void> {
		this.check(`network rm ${nameOrId}`);
		const n = this.findNetwork(nameOrId);
		if (n.containers.length > 0) throw new EngineError('conflict', `error while removing network: network ${n.name} id ${n.id} has active endpoints`, undefined, 403);
		this.networks = this.networks.filter((x) => x !== n);
		this.done.push(`network rm ${n.name}`);
	}

	async connectNetwork(nameOrId: string, container: string, endpoint: EndpointConfig = {}): Promise<void> {
		this.check(`network connect ${nameOrId} ${container}`);
		const n = this.findNetwork(nameOrId);
		const c = this.row(container);
		const ipv4 = `10.252.9.${n.containers.length + 2}`;
		const aliases = endpoint.Aliases ?? [];
		n.containers.push({id: c.id, name: c.name, ipv4, ipv6: '', aliases});
		const attachment: NetworkAttachment = {name: n.name, ipAddress: ipv4, aliases};
		this.update(c, {networks: [...c.networks.filter((x) => x.name !== n.name), attachment].sort((a, b) => a.name.localeCompare(b.name))});
		this.done.push(`network connect ${n.name} ${c.name}${aliases.map((a) => ` --alias ${a}`).join('')}`);
	}

	async disconnectNetwork(nameOrId: string, container: string, _force?: boolean): Promise<void> {
		this.check(`network disconnect ${nameOrId} ${container}`);
		const n = this.findNetwork(nameOrId);
		n.containers = n.containers.filter((m) => m.id !== container && m.name !== container);
		const c = this.containers.find((x) => x.id === container || x.name === container);
		if (c) this.update(c, {networks: c.networks.filter((x) => x.name !== n.name)});
		this.done.push(`network disconnect ${n.name} ${container}`);
	}

	async listImages(): Promise<ImageSummary[]> {
		this.check('images');
		return structuredClone(this.images);
	}

	/** The image by id or `repo:tag` (any reference is an image here), exposing `imageExposed`'s ports. */
	async inspectImage(ref: string): Promise<ImageDetails> {
		this.check(`image inspect ${ref}`);
		const name = normalizeRef('image', ref);
		const found = this.images.find((i) => i.id === name || i.tags.includes(name));
		const exposed = this.imageExposed.get(name) ?? (found ? this.imageExposed.get(found.id) : undefined) ?? ['5000/tcp'];
		return {id: found?.id ?? name, tags: [...(found?.tags ?? [])], exposedPorts: [...exposed].sort()};
	}

	async exec(id: string, cmd: string[]): Promise<ExecResult> {
		this.check(`exec ${id} ${cmd.join(' ')}`);
		const c = this.row(id);
		if (c.state !== 'running') throw new EngineError('conflict', `container ${c.id} is not running`, undefined, 409);
		const out = this.execOutputs.get(c.name)?.get(cmd.join(' '));
		if (out === undefined) return {exitCode: 127, stdout: '', stderr: `exec: "${cmd[0] ?? ''}": executable file not found in $PATH`};
		return {exitCode: 0, stdout: out, stderr: ''};
	}

	async containerPid(id: string): Promise<number> {
		this.check(`pid ${id}`);
		const c = this.row(id);
		return c.state === 'running' ? 1000 + this.containers.indexOf(c) : 0;
	}

	/** Creates as `createContainer`, with no warnings. */
	async createContainerWarned(name: string | null, body: CreateBody): Promise<{id: string; warnings: string[]}> {
		return {id: await this.createContainer(name, body), warnings: []};
	}

	/** Attaches to nothing: no output, done at once. */
	async attachOutput(id: string, _sink: OutputSink): Promise<OutputAttachment> {
		this.check(`attach ${id}`);
		return {done: Promise.resolve(), close: () => {}};
	}

	/** A wait that ends at once with status 0. */
	async waitContainer(id: string, condition: 'next-exit' | 'removed'): Promise<{status: Promise<number>}> {
		this.check(`wait ${id} ${condition}`);
		return {status: Promise.resolve(0)};
	}

	async killContainer(id: string, signal: string): Promise<void> {
		this.check(`kill ${id} ${signal}`);
	}

	async readEngineFile(path: string): Promise<string | null> {
		this.calls.push(`read ${path}`);
		return this.engineFiles.get(path) ?? null;
	}

	async swarmState(): Promise<SwarmState> {
		this.check('swarm');
		return {...this.swarm};
	}

	private manager(): void {
		if (!this.swarm.manager) {
			throw new EngineError('server', 'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.', undefined, 503);
		}
	}

	private findService(ref: string): ServiceInfo {
		this.manager();
		const name = normalizeRef('service', ref);
		const s = this.services.find((x) => x.id === name || x.name === name);
		if (!s) throw new EngineError('not-found', `service ${name} not found`, undefined, 404);
		return s;
	}

	async listServices(): Promise<ServiceInfo[]> {
		this.check('services');
		this.manager();
		return structuredClone([...this.services].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
	}

	/** The spec holds the ports only (`EndpointSpec.Ports`, Engine API form) and the name. */
	async inspectService(ref: string): Promise<{service: ServiceInfo; spec: Record<string, unknown>}> {
		this.check(`service inspect ${ref}`);
		const s = this.findService(ref);
		const ports = s.specPorts.map((p) => ({Protocol: p.protocol, TargetPort: p.targetPort, PublishedPort: p.publishedPort, PublishMode: p.publishMode}));
		return {service: structuredClone(s), spec: {Name: s.name, EndpointSpec: {Ports: ports}}};
	}

	async listTasks(serviceId: string | null): Promise<TaskInfo[]> {
		this.check(`tasks ${serviceId ?? 'all'}`);
		this.manager();
		return structuredClone(this.tasks.filter((t) => serviceId === null || t.serviceId === serviceId));
	}

	async listNodes(): Promise<NodeInfo[]> {
		this.check('nodes');
		this.manager();
		return structuredClone(this.nodes);
	}

	/** Takes the spec's ports (ingress ports without a number get 30000+), as the engine would. */
	async updateServiceSpec(id: string, version: number, spec: Record<string, unknown>): Promise<string[]> {
		this.check(`service update ${id} ${version}`);
		const s = this.findService(id);
		if (this.serviceUpdateError) throw this.serviceUpdateError;
		if (version !== s.version) throw new EngineError('server', 'update out of sequence', undefined, 500);
		const raw = ((spec['EndpointSpec'] ?? {}) as {Ports?: Array<Record<string, unknown>>}).Ports ?? [];
		const ports: ServicePort[] = raw.map((p) => ({
			protocol: (p['Protocol'] ?? 'tcp') as ServicePort['protocol'],
			targetPort: Number(p['TargetPort'] ?? 0),
			publishedPort: Number(p['PublishedPort'] ?? 0),
			publishMode: (p['PublishMode'] ?? 'ingress') as ServicePort['publishMode'],
		}));
		let next = 30000;
		s.specPorts = ports;
		s.ports = ports.map((p) => (p.publishMode === 'ingress' && p.publishedPort === 0 ? {...p, publishedPort: next++} : p));
		s.version += 1;
		s.update = {state: 'completed', message: 'update completed', startedAt: '', completedAt: ''};
		this.done.push(`service update ${s.name} ${ports.map((p) => `${p.publishedPort}:${p.targetPort}/${p.protocol}/${p.publishMode}`).join(' ')}`.trim());
		return [];
	}

	async rollbackService(ref: string): Promise<string[]> {
		this.check(`service rollback ${ref}`);
		const s = this.findService(ref);
		s.update = {state: 'rollback_completed', message: 'rollback completed', startedAt: '', completedAt: ''};
		this.done.push(`service rollback ${s.name}`);
		return [];
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

	/** Publishes `ports` on a running container (as the list shows them). */
	publish(name: string, ports: ContainerPort[]): void {
		this.update(this.row(name), {ports});
	}

	close(): void {
		this.handlers.clear();
	}
}
