/**
 * A change of a container's published ports through the recreate transaction, shared by the TUI's
 * port editor, `dnet publish` and `dnet unpublish`.
 */
import {EngineError, type Engine} from '../engine/engine.js';
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
	/**
	 * `dnet unpublish`: these ports (`5000/tcp`) lose their bindings, and their exposure unless the
	 * image exposes them itself (as `docker run` without those `-p` would make it).
	 */
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

/**
 * Drops the exposure of `ports` (they lost every binding) where only a `-p` made it: not the
 * image's own `EXPOSE` (`imageExposed`; null when the image cannot be read: then nothing is dropped).
 */
function unexposing(spec: NewContainerSpec, ports: Iterable<string>, imageExposed: ReadonlySet<string> | null): void {
	if (imageExposed === null) return;
	const exposed: Record<string, Record<string, never>> = {...(spec.config.ExposedPorts ?? {})};
	for (const k of ports) if (!imageExposed.has(k)) delete exposed[k];
	spec.config.ExposedPorts = exposed;
}

const bound = (map: Record<string, EngineBinding[] | null | undefined>): string[] => Object.keys(map).filter((k) => (map[k] ?? []).length > 0);

function applyPortChange(spec: NewContainerSpec, change: PortChange, imageExposed: ReadonlySet<string> | null): void {
	switch (change.kind) {
		case 'replace': {
			// Ports whose bindings the editor removed, and which it does not expose itself.
			const dropped = bound(spec.hostConfig.PortBindings ?? {}).filter((k) => !bound(change.bindings).includes(k) && !change.exposed.includes(k));
			exposing(spec, change.exposed);
			unexposing(spec, dropped, imageExposed);
			spec.hostConfig.PortBindings = structuredClone(change.bindings);
			spec.hostConfig.PublishAllPorts = change.publishAll;
			return;
		}
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
			unexposing(spec, change.ports, imageExposed);
			return;
		}
		default: {
			const never: never = change;
			throw new Error(`unknown port change ${JSON.stringify(never)}`);
		}
	}
}

/** The image's own `EXPOSE`s (by the container's image id, else its image name), or null when it cannot be read. */
async function imageExposedPorts(engine: Engine, container: ContainerDetails): Promise<Set<string> | null> {
	for (const ref of [container.imageId, container.image]) {
		if (ref === '') continue;
		try {
			return new Set((await engine.inspectImage(ref)).exposedPorts);
		} catch (error) {
			if (!(error instanceof EngineError && error.kind === 'not-found')) throw error;
		}
	}
	return null;
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
	const imageExposed = change.kind === 'publish' ? null : await imageExposedPorts(engine, before);
	// By id, expecting the name it had here: a change meanwhile is refused (recreate/claim.ts).
	const result = await recreate(engine, before.id, (spec) => applyPortChange(spec, change, imageExposed), {expectName: before.name, ...options});
	const after = await engine.inspectContainer(result.newId);
	return {result, before, after, diff: bindingDiff(portLinesOf(before), portLinesOf(after))};
}
