/**
 * Create-then-start, as `docker run -d` (shared by `dnet run` and the TUI's new-container form),
 * except that a container which cannot start is removed rather than left behind.
 */
import {EngineError, type Engine} from '../engine/engine.js';
import {errorText} from '../model/error-text.js';
import {buildCreateBody, type RunSpec} from '../model/run-spec.js';

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

/**
 * Creates and starts a container from `spec`; `name` is the spec's, or the one the engine chose
 * (the short id when it cannot be read: a `--rm` container may be gone already).
 * @throws CreateError
 */
export async function createAndStart(engine: Engine, spec: RunSpec): Promise<{id: string; name: string}> {
	const name = spec.name || null;
	let id: string;
	try {
		id = await engine.createContainer(name, {...buildCreateBody(spec)});
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
	if (name !== null) return {id, name};
	try {
		return {id, name: (await engine.inspectContainer(id)).name};
	} catch {
		return {id, name: id.slice(0, 12)};
	}
}
