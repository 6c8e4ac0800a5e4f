/**
 * What dnet does with swarm services, for the TUI and the CLI alike: read everything the services
 * view shows in one go, and change a service's published ports in place. A port change is a
 * service update (the engine rolls it out over the tasks); dnet follows the update's state, and
 * when it fails and the engine paused it, asks the engine to roll back (`--rollback`) and says why.
 */
import {EngineError, type Engine} from '../engine/engine.js';
import {portChanges} from '../model/swarm/format.js';
import type {ServiceInfo, ServicePort, SwarmSnapshot, SwarmState, TaskInfo} from '../model/swarm/types.js';
export {notManagerLine} from '../model/swarm/format.js';

/** The services view's data, or the engine's swarm state when it is not a manager. */
export type SwarmLoad = {manager: true; snapshot: SwarmSnapshot} | {manager: false; swarm: SwarmState};

export async function loadSwarm(engine: Engine): Promise<SwarmLoad> {
	const swarm = await engine.swarmState();
	if (!swarm.manager) return {manager: false, swarm};
	const [services, tasks, nodes] = await Promise.all([engine.listServices(), engine.listTasks(null), engine.listNodes()]);
	return {manager: true, snapshot: {swarm, services, tasks, nodes}};
}

/** The port of a service in Engine API form. */
export const apiPort = (p: ServicePort): Record<string, unknown> => ({Protocol: p.protocol, TargetPort: p.targetPort, PublishedPort: p.publishedPort, PublishMode: p.publishMode});

/** Progress of a port change, as it goes. */
export interface ServiceProgress {
	/** `updating`, `rollback_started`, …; `submitted` before the engine reports a state. */
	state: string;
	message: string;
	running: number;
	desired: number;
}

export interface ServicePortsResult {
	name: string;
	before: ServicePort[];
	/** What the engine publishes after the update (or after the rollback). */
	after: ServicePort[];
	/** `completed`: the change is in place; `rolled-back`: it failed and the previous ports are back; `unfinished`: still going when dnet stopped waiting. */
	outcome: 'completed' | 'rolled-back' | 'unfinished';
	/** Why it failed (the engine's update message and the failed task's error), or ''. */
	reason: string;
	warnings: string[];
}

export interface ChangeOptions {
	onProgress?: (p: ServiceProgress) => void;
	/** How often to read the update's state (ms). */
	pollMs?: number;
	/** How long to follow it before answering `unfinished` (ms). */
	timeoutMs?: number;
	/** How long to wait for the engine to start a rolling update before taking the change as applied without one (ms). */
	settleMs?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const FINAL = new Set(['completed', 'paused', 'rollback_completed', 'rollback_paused']);

/** The newest failed task's error of a service (the reason a rolling update failed). */
function failedTaskReason(tasks: TaskInfo[]): string {
	const failed = tasks.filter((t) => (t.state === 'failed' || t.state === 'rejected') && (t.error || t.message)).sort((a, b) => (a.timestamp < b.timestamp ? 1 : -1));
	const t = failed[0];
	return t ? t.error || t.message : '';
}

async function follow(engine: Engine, id: string, startedBefore: string, options: Required<Omit<ChangeOptions, 'onProgress'>> & ChangeOptions): Promise<ServiceInfo> {
	const begun = Date.now();
	for (;;) {
		const {service} = await engine.inspectService(id);
		const u = service.update;
		const fresh = u !== null && u.startedAt !== startedBefore;
		options.onProgress?.({state: fresh ? u.state : 'submitted', message: fresh ? u.message : '', running: service.running ?? 0, desired: service.desired ?? 0});
		if (fresh && FINAL.has(u.state)) return service;
		// No rolling update started: the change needed no task replaced (ingress ports live on the routing mesh).
		if (!fresh && Date.now() - begun >= options.settleMs) return service;
		if (Date.now() - begun >= options.timeoutMs) return service;
		await sleep(options.pollMs);
	}
}

/**
 * Gives the service exactly the published ports `after` (everything else of its spec kept), as
 * `docker service update --publish-rm … --publish-add …` would, and follows the rolling update.
 * A failed update that the engine paused is rolled back (`--rollback`); the result says so and why.
 * @throws EngineError when the engine refuses the update (nothing changed then).
 */
export async function changeServicePorts(engine: Engine, ref: string, after: ServicePort[], options: ChangeOptions = {}): Promise<ServicePortsResult> {
	const o = {pollMs: 500, timeoutMs: 120_000, settleMs: 2_000, ...options};
	const {service, spec} = await engine.inspectService(ref);
	const before = service.specPorts;
	const base = {name: service.name, before, warnings: [] as string[]};
	const {gone, added} = portChanges(before, after);
	if (gone.length === 0 && added.length === 0) return {...base, after: service.ports, outcome: 'completed', reason: ''};
	const endpoint = (spec['EndpointSpec'] ?? {}) as Record<string, unknown>;
	const next = {...spec, EndpointSpec: {...endpoint, Ports: after.map(apiPort)}};
	const startedBefore = service.update?.startedAt ?? '';
	base.warnings = await engine.updateServiceSpec(service.id, service.version, next);
	let done = await follow(engine, service.id, startedBefore, o);
	const state = done.update?.startedAt !== startedBefore ? (done.update?.state ?? '') : 'completed';
	if (state === 'completed') return {...base, after: done.ports, outcome: 'completed', reason: ''};
	if (state !== 'paused' && state !== 'rollback_completed' && state !== 'rollback_paused') {
		return {...base, after: done.ports, outcome: 'unfinished', reason: done.update?.message ?? ''};
	}
	const reason = [done.update?.message ?? '', failedTaskReason(await engine.listTasks(service.id))].filter((x) => x !== '').join(': ');
	if (state === 'paused') {
		await engine.rollbackService(service.id);
		const rolledFrom = done.update?.startedAt ?? '';
		done = await follow(engine, service.id, rolledFrom, o);
	}
	const finalState = done.update?.state ?? '';
	if (finalState !== 'rollback_completed') return {...base, after: done.ports, outcome: 'unfinished', reason: reason || done.update?.message || ''};
	return {...base, after: done.ports, outcome: 'rolled-back', reason};
}

/** The engine's refusal of an update, in one line. */
export function serviceFailure(name: string, error: unknown): string {
	if (error instanceof EngineError) return `cannot update ${name}: ${error.message}`;
	return `cannot update ${name}: ${error instanceof Error ? error.message : String(error)}`;
}
