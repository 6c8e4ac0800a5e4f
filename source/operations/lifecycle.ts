/** The list's lifecycle actions on containers: start, stop, restart, remove, every target at once. */
import type {Engine} from '../engine/engine.js';
import {errorText} from '../model/error-text.js';

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
 * `docker rm -f`). Returns one line per failure (`stop web: <message>`), empty when all succeeded.
 */
export async function runLifecycle(
	engine: Engine,
	kind: LifecycleKind,
	targets: readonly LifecycleTarget[],
	options: {removeVolumes: boolean},
): Promise<string[]> {
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
	const errors: string[] = [];
	results.forEach((r, i) => {
		if (r.status === 'rejected') errors.push(`${kind} ${targets[i]?.name ?? '?'}: ${errorText(r.reason)}`);
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
