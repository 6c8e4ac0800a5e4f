/**
 * A fake engine that can run the recreate transaction and `docker run`-style creates in memory:
 * raw inspect built from the fake's details, create/rename/remove/start recorded in `done`.
 * Not a local engine (no host bind tests): conflicts come from other containers' bindings only.
 */
import {EngineError, type CreateBody} from '../../source/engine/engine.js';
import type {ContainerPort} from '../../source/model/container.js';
import {FakeEngine, detailsOf, summary} from './fake-engine.js';

export class RecreateFake extends FakeEngine {
	override readonly isLocal = false;
	done: string[] = [];
	created: Array<{name: string | null; body: CreateBody}> = [];
	/** When set, `startContainer` fails with it (e.g. `port is already allocated`). */
	startError: EngineError | null = null;
	private seq = 0;

	override async inspectContainerRaw(id: string): Promise<Record<string, unknown>> {
		const d = await this.inspectContainer(id);
		const engineForm = (map: typeof d.portBindings) =>
			Object.fromEntries(Object.entries(map).map(([k, list]) => [k, (list ?? []).map((b) => ({HostIp: b.hostIp, HostPort: b.hostPort}))]));
		return {
			Id: d.id,
			Name: d.name,
			Image: d.imageId,
			State: {Status: d.state.status, Running: d.state.running},
			Config: {Image: d.image, ExposedPorts: Object.fromEntries(d.exposedPorts.map((p) => [p, {}])), Labels: {...d.labels}},
			HostConfig: {
				NetworkMode: 'default',
				PortBindings: engineForm(d.portBindings),
				PublishAllPorts: d.publishAllPorts,
				AutoRemove: d.autoRemove,
				// As the engine shows them: `/source:/recipient/alias`.
				Links: d.links.map((l) => `/${l.source}:${d.name}/${l.alias}`),
			},
			Mounts: [],
			NetworkSettings: {Networks: {bridge: {}}, Ports: engineForm(d.ports)},
		};
	}

	override async createContainer(name: string | null, body: CreateBody): Promise<string> {
		this.calls.push(`create ${name}`);
		const id = `id-new-${++this.seq}`;
		const finalName = name ?? `fake_name_${this.seq}`;
		if (this.containers.some((c) => c.name === finalName)) throw new EngineError('conflict', `Conflict. The container name "/${finalName}" is already in use`);
		this.created.push({name, body});
		const host = (body['HostConfig'] ?? {}) as {PortBindings?: Record<string, Array<{HostIp: string; HostPort: string}>>; PublishAllPorts?: boolean; AutoRemove?: boolean};
		const exposed = Object.keys((body['ExposedPorts'] ?? {}) as object);
		const links = ((host as {Links?: string[]}).Links ?? []).map((l) => ({source: l.split(':')[0] ?? l, alias: l.split(':')[1] ?? l}));
		const c = summary(finalName, {id, state: 'created', status: 'Created', image: String(body['Image'] ?? ''), links});
		this.containers.push(c);
		this.details.set(
			id,
			detailsOf(c, {
				exposedPorts: exposed,
				portBindings: Object.fromEntries(Object.entries(host.PortBindings ?? {}).map(([k, l]) => [k, l.map((b) => ({hostIp: b.HostIp, hostPort: b.HostPort}))])),
				publishAllPorts: host.PublishAllPorts ?? false,
				autoRemove: host.AutoRemove ?? false,
			}),
		);
		this.done.push(`create ${finalName}`);
		return id;
	}

	override async renameContainer(id: string, newName: string): Promise<void> {
		const c = this.containers.find((x) => x.id === id || x.name === id);
		if (!c) throw new EngineError('not-found', `No such container: ${id}`);
		c.name = newName;
		const d = this.details.get(c.id);
		if (d) d.name = `/${newName}`;
		this.done.push(`rename ${id} ${newName}`);
	}

	override async startContainer(id: string): Promise<void> {
		if (this.startError) throw this.startError;
		const c = this.containers.find((x) => x.id === id || x.name === id);
		if (!c) return;
		c.state = 'running';
		const d = this.details.get(c.id);
		if (d) d.state = {...d.state, running: true, status: 'running'};
		this.done.push(`start ${c.name}`);
	}

	override async stopContainer(id: string): Promise<void> {
		const c = this.containers.find((x) => x.id === id || x.name === id);
		if (c) c.state = 'exited';
		const d = c ? this.details.get(c.id) : undefined;
		if (d) d.state = {...d.state, running: false, status: 'exited'};
		this.done.push(`stop ${id}`);
	}

	override async removeContainer(id: string): Promise<void> {
		const c = this.containers.find((x) => x.id === id || x.name === id);
		if (!c) throw new EngineError('not-found', `No such container: ${id}`);
		this.containers = this.containers.filter((x) => x !== c);
		this.done.push(`remove ${c.name}`);
	}

	/** Publishes `ports` on a running container (as the list shows them). */
	publish(name: string, ports: ContainerPort[]): void {
		const c = this.containers.find((x) => x.name === name);
		if (c) c.ports = ports;
	}
}
