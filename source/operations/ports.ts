/**
 * A change of a container's published ports through the recreate transaction, shared by the TUI's
 * port editor, `dnet publish` and `dnet unpublish`.
 */
import type {Engine} from '../engine/engine.js';
import {bindingDiff, portLinesOf} from '../model/binding-diff.js';
import type {ContainerDetails} from '../model/container.js';
import type {EngineBinding} from '../model/ports/index.js';
import {recreate, type NewContainerSpec, type RecreateOptions, type RecreateResult} from './recreate/index.js';

/** What to change in the container's ports. */
export type PortChange =
	/** The editor: the whole `PortBindings`, `-P`, and ports to add to `ExposedPorts`. */
	| {kind: 'replace'; bindings: Record<string, EngineBinding[]>; publishAll: boolean; exposed: string[]}
	/** `dnet publish`: the named ports get exactly these bindings (and are exposed); others keep theirs. */
	| {kind: 'publish'; bindings: Record<string, EngineBinding[]>}
	/** `dnet unpublish`: these ports (`5000/tcp`) lose their bindings; they stay exposed. */
	| {kind: 'unpublish'; ports: string[]};

/** What a port change did. */
export interface PortChangeResult {
	result: RecreateResult;
	/** The container before and after (the new one), as inspected. */
	before: ContainerDetails;
	after: ContainerDetails;
	/** `- 5000/tcp -> 0.0.0.0:32768`, `+ …`, `  …`: the bindings before and after (`bindingDiff`). */
	diff: string[];
}

function exposing(spec: NewContainerSpec, keys: Iterable<string>): void {
	const exposed: Record<string, Record<string, never>> = {...(spec.config.ExposedPorts ?? {})};
	for (const k of keys) exposed[k] = {};
	spec.config.ExposedPorts = exposed;
}

function applyPortChange(spec: NewContainerSpec, change: PortChange): void {
	switch (change.kind) {
		case 'replace':
			exposing(spec, change.exposed);
			spec.hostConfig.PortBindings = structuredClone(change.bindings);
			spec.hostConfig.PublishAllPorts = change.publishAll;
			return;
		case 'publish': {
			const bindings = {...(spec.hostConfig.PortBindings ?? {})};
			for (const [key, list] of Object.entries(change.bindings)) bindings[key] = list;
			spec.hostConfig.PortBindings = bindings;
			exposing(spec, Object.keys(change.bindings));
			return;
		}
		case 'unpublish': {
			const bindings = {...(spec.hostConfig.PortBindings ?? {})};
			for (const k of change.ports) delete bindings[k];
			spec.hostConfig.PortBindings = bindings;
			return;
		}
		default: {
			const never: never = change;
			throw new Error(`unknown port change ${JSON.stringify(never)}`);
		}
	}
}

/** True when a `publish` asks for exactly the bindings the named ports already have (nothing to do). */
export function publishesNothingNew(before: ContainerDetails, bindings: Record<string, EngineBinding[]>): boolean {
	return Object.entries(bindings).every(
		([key, list]) => JSON.stringify(before.portBindings[key] ?? null) === JSON.stringify(list.map((b) => ({hostIp: b.HostIp, hostPort: b.HostPort}))),
	);
}

/** The ports (`5000/tcp`) among `ports` that have no `-p` binding to remove. */
export function unboundPorts(before: ContainerDetails, ports: readonly string[]): string[] {
	return ports.filter((k) => (before.portBindings[k] ?? []).length === 0);
}

/**
 * Changes the container's ports by recreating it (the rest of its configuration unchanged; the
 * original is put back on failure), and inspects the result.
 * @throws EngineError when the container cannot be inspected; PortConflictError / RecreateError from the transaction.
 */
export async function changePorts(engine: Engine, container: string, change: PortChange, options: RecreateOptions = {}): Promise<PortChangeResult> {
	const before = await engine.inspectContainer(container);
	const result = await recreate(engine, before.id, (spec) => applyPortChange(spec, change), options);
	const after = await engine.inspectContainer(result.newId);
	return {result, before, after, diff: bindingDiff(portLinesOf(before), portLinesOf(after))};
}
