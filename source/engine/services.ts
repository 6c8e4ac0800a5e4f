/**
 * Swarm services, tasks and nodes: the Engine API calls behind `Engine.swarmState`,
 * `listServices`, `inspectService`, `listTasks`, `listNodes`, `updateServiceSpec`, and the mapping
 * of their JSON into `model/swarm` types (every string sanitized here, see "The layers and the
 * feature folders" in ARCHITECTURE.md).
 */
import type Dockerode from 'dockerode';
import {sanitize} from '../model/sanitize.js';
import type {
	NodeInfo,
	ServiceInfo,
	ServiceMode,
	ServicePort,
	SwarmState,
	TaskInfo,
	UpdateStatus,
} from '../model/swarm/types.js';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => sanitize(typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : Number(v) || 0);
const optNum = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** One `PortConfig`, with docker's defaults (tcp, ingress) for what the engine left out. */
export function mapPort(raw: unknown): ServicePort {
	const p = obj(raw);
	const proto = str(p['Protocol']).toLowerCase();
	return {
		protocol: proto === 'udp' || proto === 'sctp' ? proto : 'tcp',
		targetPort: num(p['TargetPort']),
		publishedPort: num(p['PublishedPort']),
		publishMode: str(p['PublishMode']) === 'host' ? 'host' : 'ingress',
	};
}

/** The image as `docker service ls` shows it: a tagged name loses its digest. */
export function serviceImage(image: string): string {
	const at = image.indexOf('@');
	if (at < 0) return image;
	const named = image.slice(0, at);
	const last = named.slice(named.lastIndexOf('/') + 1);
	return last.includes(':') ? named : image;
}

function modeOf(spec: Json): {mode: ServiceMode; replicas: number | null} {
	const mode = obj(spec['Mode']);
	if (mode['Global'] !== undefined) return {mode: 'global', replicas: null};
	if (mode['ReplicatedJob'] !== undefined) return {mode: 'replicated job', replicas: num(obj(mode['ReplicatedJob'])['TotalCompletions'])};
	if (mode['GlobalJob'] !== undefined) return {mode: 'global job', replicas: null};
	return {mode: 'replicated', replicas: num(obj(mode['Replicated'])['Replicas'])};
}

function updateOf(raw: unknown): UpdateStatus | null {
	if (raw === undefined || raw === null) return null;
	const u = obj(raw);
	return {state: str(u['State']), message: str(u['Message']), startedAt: str(u['StartedAt']), completedAt: str(u['CompletedAt'])};
}

export function mapService(raw: unknown): ServiceInfo {
	const s = obj(raw);
	const spec = obj(s['Spec']);
	const template = obj(spec['TaskTemplate']);
	const container = obj(template['ContainerSpec']);
	const endpoint = obj(s['Endpoint']);
	const status = s['ServiceStatus'] === undefined ? null : obj(s['ServiceStatus']);
	const {mode, replicas} = modeOf(spec);
	return {
		id: str(s['ID']),
		name: str(spec['Name']),
		image: serviceImage(str(container['Image'])),
		mode,
		replicas,
		maxPerNode: num(obj(template['Placement'])['MaxReplicas']),
		running: status ? optNum(status['RunningTasks']) : null,
		desired: status ? optNum(status['DesiredTasks']) : null,
		completed: status ? optNum(status['CompletedTasks']) : null,
		specPorts: arr(obj(spec['EndpointSpec'])['Ports']).map(mapPort),
		ports: arr(endpoint['Ports']).map(mapPort),
		networks: arr(template['Networks'] ?? spec['Networks']).map((n) => str(obj(n)['Target'])),
		vips: arr(endpoint['VirtualIPs']).map((v) => ({networkId: str(obj(v)['NetworkID']), addr: str(obj(v)['Addr'])})),
		endpointMode: str(obj(spec['EndpointSpec'])['Mode']) || 'vip',
		update: updateOf(s['UpdateStatus']),
		version: num(obj(s['Version'])['Index']),
		labels: Object.fromEntries(Object.entries(obj(spec['Labels'])).map(([k, v]) => [str(k), str(v)])),
	};
}

export function mapTask(raw: unknown): TaskInfo {
	const t = obj(raw);
	const status = obj(t['Status']);
	return {
		id: str(t['ID']),
		serviceId: str(t['ServiceID']),
		slot: num(t['Slot']),
		nodeId: str(t['NodeID']),
		desiredState: str(t['DesiredState']),
		state: str(status['State']),
		message: str(status['Message']),
		error: str(status['Err']),
		containerId: str(obj(status['ContainerStatus'])['ContainerID']),
		// The engine lists a host-mode port once per address family: once here.
		hostPorts: [...new Map(arr(obj(status['PortStatus'])['Ports']).map((p) => mapPort(p)).map((p) => [`${p.publishedPort}:${p.targetPort}/${p.protocol}`, p])).values()],
		timestamp: str(status['Timestamp']),
	};
}

export function mapNode(raw: unknown): NodeInfo {
	const n = obj(raw);
	const spec = obj(n['Spec']);
	const status = obj(n['Status']);
	return {
		id: str(n['ID']),
		hostname: str(obj(n['Description'])['Hostname']),
		addr: str(status['Addr']),
		role: str(spec['Role']),
		availability: str(spec['Availability']),
		state: str(status['State']),
		leader: obj(n['ManagerStatus'])['Leader'] === true,
	};
}

export function mapSwarmState(info: unknown): SwarmState {
	const swarm = obj(obj(info)['Swarm']);
	return {
		localState: str(swarm['LocalNodeState']) || 'inactive',
		manager: swarm['ControlAvailable'] === true,
		nodeId: str(swarm['NodeID']),
		nodeAddr: str(swarm['NodeAddr']),
	};
}

/** A raw call through dockerode's modem (query and body given apart). */
export function dial(docker: Dockerode, path: string, method: 'GET' | 'POST', query: Json, body?: Json): Promise<unknown> {
	return new Promise((resolve, reject) => {
		const options: Json = {_query: query};
		if (body !== undefined) options['_body'] = body;
		docker.modem.dial(
			{
				path: `${path}?`,
				method,
				options: Object.keys(query).length === 0 && body === undefined ? {} : options,
				statusCodes: {200: true, 400: 'bad parameter', 404: 'no such service', 500: 'server error', 503: 'node is not part of a swarm'},
			},
			// The modem's own error (an Error with statusCode and json), read by toEngineError.
			// eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
			(error: unknown, data: unknown) => (error ? reject(error) : resolve(data)),
		);
	});
}

export const listServicesRaw = (docker: Dockerode): Promise<unknown> => dial(docker, '/services', 'GET', {status: 'true'});
export const listTasksRaw = (docker: Dockerode, serviceId: string | null): Promise<unknown> =>
	dial(docker, '/tasks', 'GET', serviceId === null ? {} : {filters: JSON.stringify({service: [serviceId]})});

/**
 * `POST /services/{id}/update?version=…`: the whole spec (dnet changes only its ports); with
 * `rollback`, `rollback=previous` asks the engine to go back to the previous spec, as
 * `docker service update --rollback`. Returns the engine's warnings.
 */
export async function updateServiceRaw(docker: Dockerode, id: string, version: number, spec: Json, rollback: boolean): Promise<string[]> {
	const query: Json = {version};
	if (rollback) query['rollback'] = 'previous';
	const answer = obj(await dial(docker, `/services/${id}/update`, 'POST', query, spec));
	return arr(answer['Warnings']).map(str);
}

export const arrOf = arr;

/** A service inspect: the mapped service and its raw spec. */
export function withSpec(raw: unknown): {service: ServiceInfo; spec: Record<string, unknown>} {
	return {service: mapService(raw), spec: structuredClone(obj(obj(raw)['Spec']))};
}
