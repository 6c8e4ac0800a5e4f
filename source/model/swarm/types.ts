/**
 * Swarm objects as dnet uses them (services, tasks, nodes, the engine's swarm state), mapped from
 * the Engine API by `engine/services.ts`. Every string is sanitized there.
 */

export type PortProtocol = 'tcp' | 'udp' | 'sctp';
export type PublishMode = 'ingress' | 'host';

/** One `PortConfig` of a service (Engine API), with docker's defaults filled in. */
export interface ServicePort {
	protocol: PortProtocol;
	targetPort: number;
	/** 0 when the engine picks one (ingress: assigned from 30000+; host: a random port per task). */
	publishedPort: number;
	publishMode: PublishMode;
}

/** `replicated`, `global`, and the two job modes. */
export type ServiceMode = 'replicated' | 'global' | 'replicated job' | 'global job';

/** A service's update (or rollback), as `UpdateStatus`. */
export interface UpdateStatus {
	/** `updating`, `paused`, `completed`, `rollback_started`, `rollback_paused`, `rollback_completed`. */
	state: string;
	message: string;
	startedAt: string;
	completedAt: string;
}

/** A service's virtual IP on one network (`Endpoint.VirtualIPs`). */
export interface ServiceVip {
	networkId: string;
	/** `10.0.1.2/24`. */
	addr: string;
}

export interface ServiceInfo {
	id: string;
	name: string;
	/** The image as `docker service ls` shows it (no digest). */
	image: string;
	mode: ServiceMode;
	/** Replicas asked for (replicated) or null. */
	replicas: number | null;
	/** `MaxReplicas` per node, 0 when unlimited. */
	maxPerNode: number;
	/** `ServiceStatus.RunningTasks` and `DesiredTasks` (null when the engine does not report them). */
	running: number | null;
	desired: number | null;
	/** Jobs: `ServiceStatus.CompletedTasks`. */
	completed: number | null;
	/** What the spec asks for (`Spec.EndpointSpec.Ports`). */
	specPorts: ServicePort[];
	/** What the engine publishes (`Endpoint.Ports`: ingress ports with their assigned numbers). */
	ports: ServicePort[];
	/** Networks the tasks join (`Spec.TaskTemplate.Networks`), by id or name as given. */
	networks: string[];
	vips: ServiceVip[];
	/** `vip` or `dnsrr`. */
	endpointMode: string;
	update: UpdateStatus | null;
	/** The object version, for updates. */
	version: number;
	labels: Record<string, string>;
}

export interface TaskInfo {
	id: string;
	serviceId: string;
	/** Replicated: the slot (1..N); global: 0. */
	slot: number;
	nodeId: string;
	/** `running`, `shutdown`, … */
	desiredState: string;
	/** `new`, `pending`, `running`, `failed`, `shutdown`, `rejected`, … */
	state: string;
	message: string;
	error: string;
	containerId: string;
	/** Host-mode ports this task publishes on its node (`Status.PortStatus.Ports`). */
	hostPorts: ServicePort[];
	/** `Status.Timestamp`. */
	timestamp: string;
}

export interface NodeInfo {
	id: string;
	hostname: string;
	/** `Status.Addr`: the address host-mode ports answer on. */
	addr: string;
	role: string;
	availability: string;
	/** `ready`, `down`, … */
	state: string;
	leader: boolean;
}

/** The engine's part in a swarm (`GET /info` `Swarm`). */
export interface SwarmState {
	/** `inactive`, `pending`, `active`, `error`, `locked`. */
	localState: string;
	/** True when this engine is a manager (it can list services). */
	manager: boolean;
	nodeId: string;
	nodeAddr: string;
}

/** Everything the services view shows, in one load. */
export interface SwarmSnapshot {
	swarm: SwarmState;
	services: ServiceInfo[];
	tasks: TaskInfo[];
	nodes: NodeInfo[];
}
