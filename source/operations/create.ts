/**
 * Create-then-start, as `docker run -d` (shared by `dnet run` and the TUI's new-container form).
 * A container which cannot start is removed by default (the form) or kept, as docker keeps it
 * (`dnet run`: `keepOnStartFailure`).
 */
import {EngineError, type Engine} from '../engine/engine.js';
import {errorText} from '../model/error-text.js';
import {buildCreateBody, type RunSpec} from '../model/run-spec.js';
import {conflictsAmong, otherContainers} from './recreate/conflicts.js';

/** A failed create-and-start: which stage failed, the engine's (or other) error, and a failed cleanup. */
export class CreateError extends Error {
	constructor(
		readonly stage: 'create' | 'start',
		override readonly cause: Error,
		/** `could not remove 0123456789ab: …` when the container that did not start could not be removed either. */
		readonly cleanup: string | null,
	) {
		super(`${cause.message}${cleanup ? ` (${cleanup})` : ''}`);
		this.name = 'CreateError';
	}
}

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

/** What a create-and-start made: the id, the name, and warnings (host ports stopped containers ask for too). */
export interface Created {
	id: string;
	name: string;
	/** `127.0.0.1:8000/tcp is also asked for by old-web (stopped): …` (`model/host-ports.ts`). */
	warnings: string[];
	/** The engine's own warnings on create (`IPv4 forwarding is disabled. …`), which docker prints. */
	engineWarnings: string[];
}

/** How a create-and-start goes. */
export interface CreateOptions {
	/** Leave a container whose start failed, as `docker run` does (default: remove it). */
	keepOnStartFailure?: boolean;
	/** Called once created, before the start (`dnet run` prints the engine's warnings there, as docker). */
	created?: (created: {id: string; warnings: string[]; engineWarnings: string[]}) => void;
}

/**
 * The warnings of the one conflict rule for a container not created yet: host ports stopped
 * containers ask for. Ports held now are left to the engine, whose own error says so at start.
 */
async function stoppedClaims(engine: Engine, bindings: Parameters<typeof conflictsAmong>[2]): Promise<string[]> {
	if (Object.values(bindings).every((list) => (list ?? []).every((b) => !/^[1-9]\d*$/.test(b.HostPort)))) return [];
	const subject = {id: null, own: {}};
	const found = await conflictsAmong(engine, subject, bindings, await otherContainers(engine, subject));
	return found.filter((c) => !c.holderRunning).map((c) => c.message);
}

/**
 * Creates a container from `spec`, with the host-port warnings and the engine's.
 * @throws CreateError (stage `create`)
 */
export async function createFromSpec(engine: Engine, spec: RunSpec): Promise<{id: string; warnings: string[]; engineWarnings: string[]}> {
	const body = buildCreateBody(spec);
	try {
		const warnings = await stoppedClaims(engine, body.HostConfig.PortBindings);
		const {id, warnings: engineWarnings} = await engine.createContainerWarned(spec.name || null, {...body});
		return {id, warnings, engineWarnings};
	} catch (error) {
		throw new CreateError('create', asError(error), null);
	}
}

/**
 * Starts a created container; when the start fails, removes it unless `keep`.
 * @throws CreateError (stage `start`)
 */
export async function startCreated(engine: Engine, id: string, keep = false): Promise<void> {
	try {
		await engine.startContainer(id);
	} catch (error) {
		let cleanup: string | null = null;
		if (!keep) {
			try {
				await engine.removeContainer(id, {force: true, volumes: true});
			} catch (again) {
				if (!(again instanceof EngineError && again.kind === 'not-found')) cleanup = `could not remove ${id.slice(0, 12)}: ${errorText(again)}`;
			}
		}
		throw new CreateError('start', asError(error), cleanup);
	}
}

/**
 * Creates and starts a container from `spec`; `name` is the spec's, or the one the engine chose
 * (the short id when it cannot be read: a `--rm` container may be gone already).
 * @throws CreateError
 */
export async function createAndStart(engine: Engine, spec: RunSpec, options: CreateOptions = {}): Promise<Created> {
	const name = spec.name || null;
	const made = await createFromSpec(engine, spec);
	const {id, warnings, engineWarnings} = made;
	options.created?.(made);
	await startCreated(engine, id, options.keepOnStartFailure ?? false);
	if (name !== null) return {id, name, warnings, engineWarnings};
	try {
		return {id, name: (await engine.inspectContainer(id)).name, warnings, engineWarnings};
	} catch {
		return {id, name: id.slice(0, 12), warnings, engineWarnings};
	}
}
