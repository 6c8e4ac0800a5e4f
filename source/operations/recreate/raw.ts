/**
 * The parts of `GET /containers/{id}/json` (Engine API 1.30–1.47) that the recreate transaction
 * reads, typed once. Everything else of `Config` and `HostConfig` is carried through untouched, as
 * the engine gave it, so that nothing the user set is lost.
 */
import type {EngineBinding} from '../../model/ports/index.js';
import type {EndpointConfig} from '../../engine/engine.js';

/** A JSON object whose other fields are copied as they are. */
export type JsonObject = Record<string, unknown>;

/** `Config` of an inspected container (the fields dnet reads; the rest is kept). */
export interface RawConfig extends JsonObject {
	Hostname?: string;
	Image?: string;
	ExposedPorts?: Record<string, Record<string, never>> | null;
	Labels?: Record<string, string> | null;
	MacAddress?: string;
}

/** `HostConfig` of an inspected container (the fields dnet reads; the rest is kept). */
export interface RawHostConfig extends JsonObject {
	Binds?: string[] | null;
	Mounts?: Array<{Type?: string; Source?: string; Target?: string}> | null;
	NetworkMode?: string;
	PortBindings?: Record<string, EngineBinding[] | null> | null;
	PublishAllPorts?: boolean;
	Links?: string[] | null;
	AutoRemove?: boolean;
}

/** One entry of the top-level `Mounts` (what is mounted now, anonymous volumes included). */
export interface RawMount {
	Type?: string;
	Name?: string;
	Source?: string;
	Destination?: string;
	RW?: boolean;
}

/** One entry of `NetworkSettings.Networks`. */
export interface RawEndpoint extends EndpointConfig {
	NetworkID?: string;
	IPAddress?: string;
}

/** The inspected container, as the recreate transaction reads it. */
export interface RawContainer {
	Id: string;
	/** `/web` */
	Name: string;
	Image: string;
	State: {Status?: string; Running?: boolean; Paused?: boolean; Restarting?: boolean};
	Config: RawConfig;
	HostConfig: RawHostConfig;
	Mounts: RawMount[];
	NetworkSettings: {
		Networks: Record<string, RawEndpoint>;
		Ports?: Record<string, EngineBinding[] | null> | null;
	};
}

const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Checks the shape of raw inspect JSON and returns it typed (a deep copy: the caller may edit it).
 * @throws Error when the answer is not an inspected container.
 */
export function asRawContainer(json: Record<string, unknown>): RawContainer {
	const copy = structuredClone(json);
	const {Id, Name, Config, HostConfig, State} = copy;
	if (typeof Id !== 'string' || typeof Name !== 'string' || !isObject(Config) || !isObject(HostConfig) || !isObject(State)) {
		throw new Error('the engine answered an inspect without Id, Name, Config, HostConfig or State');
	}
	const settings = isObject(copy['NetworkSettings']) ? copy['NetworkSettings'] : {};
	return {
		Id,
		Name,
		Image: typeof copy['Image'] === 'string' ? copy['Image'] : '',
		State: State,
		Config: Config,
		HostConfig: HostConfig,
		Mounts: Array.isArray(copy['Mounts']) ? (copy['Mounts'] as RawMount[]) : [],
		NetworkSettings: {
			Networks: isObject(settings['Networks']) ? (settings['Networks'] as Record<string, RawEndpoint>) : {},
			Ports: isObject(settings['Ports']) ? (settings['Ports'] as Record<string, EngineBinding[] | null>) : null,
		},
	};
}

/** The container's name without the leading slash. */
export const shortName = (c: RawContainer): string => c.Name.replace(/^\//, '');

/** True when the container runs (a paused or restarting container counts as running). */
export const isRunning = (c: RawContainer): boolean => c.State.Running === true;
