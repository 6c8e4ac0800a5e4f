/** The list's lifecycle actions on containers: start, stop, restart, remove, every target at once. */
import type {Engine} from '../engine/engine.js';
import {describeFailure, type FailureText} from './failure.js';

/** A lifecycle action. */
export type LifecycleKind = 'start' | 'stop' | 'restart' | 'remove';

/** A container to act on. */
export interface LifecycleTarget {
	id: string;
	name: string;
	running: boolean;
}

/**
 * Runs `kind` on every target in parallel (a running container is removed with force, as
 * `docker rm -f`). Returns one failure per target that failed, empty when all succeeded: a short
 * line with the engine's cause first (`start old-web: port is already allocated (…)`) and the full
 * text (`start old-web: driver failed programming …: port is already allocated`).
 */
export async function runLifecycle(
	engine: Engine,
	kind: LifecycleKind,
	targets: readonly LifecycleTarget[],
	options: {removeVolumes: boolean},
): Promise<FailureText[]> {
	const results = await Promise.allSettled(
		targets.map(async (t) => {
			switch (kind) {
				case 'start':
					return engine.startContainer(t.id);
				case 'stop':
					return engine.stopContainer(t.id);
				case 'restart':
					return engine.restartContainer(t.id);
				case 'remove':
					return engine.removeContainer(t.id, {force: t.running, volumes: options.removeVolumes});
			}
		}),
	);
	const errors: FailureText[] = [];
	results.forEach((r, i) => {
		if (r.status === 'rejected') errors.push(describeFailure(`${kind} ${targets[i]?.name ?? '?'}`, r.reason));
	});
	return errors;
}

/** The names of the targets that were run with `--rm` (AutoRemove): stopping them removes them. */
export async function autoRemoveNames(engine: Engine, targets: ReadonlyArray<{id: string; name: string}>): Promise<string[]> {
	const found = await Promise.all(
		targets.map(async (t) => {
			try {
				return (await engine.inspectContainer(t.id)).autoRemove ? t.name : null;
			} catch {
				return null;
			}
		}),
	);
	return found.filter((n): n is string => n !== null);
}
