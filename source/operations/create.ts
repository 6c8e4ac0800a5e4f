/**
 * Create-then-start, as `docker run -d` (shared by `dnet run` and the TUI's new-container form),
 * except that a container which cannot start is removed rather than left behind.
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
 * Creates and starts a container from `spec`; `name` is the spec's, or the one the engine chose
 * (the short id when it cannot be read: a `--rm` container may be gone already).
 * @throws CreateError
 */
export async function createAndStart(engine: Engine, spec: RunSpec): Promise<Created> {
	const name = spec.name || null;
	const body = buildCreateBody(spec);
	let warnings: string[];
	let id: string;
	try {
		warnings = await stoppedClaims(engine, body.HostConfig.PortBindings);
		id = await engine.createContainer(name, {...body});
	} catch (error) {
		throw new CreateError('create', asError(error), null);
	}
	try {
		await engine.startContainer(id);
	} catch (error) {
		let cleanup: string | null = null;
		try {
			await engine.removeContainer(id, {force: true, volumes: true});
		} catch (again) {
			if (!(again instanceof EngineError && again.kind === 'not-found')) cleanup = `could not remove ${id.slice(0, 12)}: ${errorText(again)}`;
		}
		throw new CreateError('start', asError(error), cleanup);
	}
	if (name !== null) return {id, name, warnings};
	try {
		return {id, name: (await engine.inspectContainer(id)).name, warnings};
	} catch {
		return {id, name: id.slice(0, 12), warnings};
	}
}
