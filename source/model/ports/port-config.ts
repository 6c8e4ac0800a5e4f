/**
 * `Config.ExposedPorts` and `HostConfig.PortBindings` built from `-p`, `--expose` and `-P` as the
 * docker CLI 28 builds them for `POST /containers/create`.
 */
import {parseExpose, parsePortSpec, toStandardNotation, type EngineBinding} from './parse.js';

/** The port part of a create body, in Engine API shape (keys sorted as Go's JSON encoder does). */
export interface EnginePortConfig {
	/** `Config.ExposedPorts`: `{"80/tcp": {}}`. */
	ExposedPorts: Record<string, Record<string, never>>;
	/** `HostConfig.PortBindings`: `{"80/tcp": [{"HostIp": "", "HostPort": "8080"}]}`. */
	PortBindings: Record<string, EngineBinding[]>;
	/** `HostConfig.PublishAllPorts` (`-P`). */
	PublishAllPorts: boolean;
}

/** The port flags of a `docker run`/`docker create` command line. */
export interface PortFlags {
	/** `-p/--publish` values, in order. */
	publish: readonly string[];
	/** `--expose` values, in order. */
	expose: readonly string[];
	/** `-P/--publish-all`. */
	publishAll: boolean;
}

/** Byte-wise comparison, as Go sorts map keys when encoding JSON. */
function goLess(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function sortedRecord<T>(entries: Map<string, T>): Record<string, T> {
	const out: Record<string, T> = {};
	for (const key of [...entries.keys()].sort(goLess)) out[key] = entries.get(key) as T;
	return out;
}

/**
 * Builds the create body's port fields from the port flags, checking publish specs first (in
 * order) and then `--expose` values, as the CLI does.
 * @throws PortSpecError with the CLI's message for the first invalid value.
 */
export function buildPortConfig(flags: PortFlags): EnginePortConfig {
	const exposed = new Map<string, Record<string, never>>();
	const bindings = new Map<string, EngineBinding[]>();
	const standard = flags.publish.map(toStandardNotation);
	for (const spec of standard) {
		for (const mapping of parsePortSpec(spec)) {
			exposed.set(mapping.port, {});
			const list = bindings.get(mapping.port) ?? [];
			list.push(mapping.binding);
			bindings.set(mapping.port, list);
		}
	}
	for (const value of flags.expose) {
		for (const port of parseExpose(value)) exposed.set(port, {});
	}
	return {ExposedPorts: sortedRecord(exposed), PortBindings: sortedRecord(bindings), PublishAllPorts: flags.publishAll};
}
