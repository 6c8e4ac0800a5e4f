/**
 * Concurrent changes (ARCHITECTURE.md, "The recreate transaction"): two dnet processes, or the docker
 * CLI, changing the container between dnet's review (its inspect) and its apply.
 *
 * The engine has no compare-and-swap, but a name is held by one container at a time. So the
 * transaction claims the container by renaming it *by its name* to its backup name, after checking
 * that it is still what was reviewed: of two changes started together, only the first rename finds
 * the container under its name; the other finds nothing (or the winner's replacement, which it puts
 * back at once) and is refused with a clear reason. Nothing of the loser's is left behind.
 */
import {EngineError, type Engine} from '../../engine/engine.js';
import {RECREATE_LABELS} from './body.js';
import {asRawContainer, isRunning, type RawContainer} from './raw.js';

/** The change was refused because the container is no longer what was reviewed; nothing was changed. */
export class ChangedSinceReviewError extends EngineError {
	constructor(
		readonly container: string,
		readonly why: string,
	) {
		super('conflict', `${container} changed since you reviewed it: ${why}; nothing was changed (review it again)`);
		this.name = 'ChangedSinceReviewError';
	}
}

/** What a change must find unchanged: the name, the configuration, the networks and their aliases. */
export function fingerprint(c: RawContainer): string {
	const networks = Object.keys(c.NetworkSettings.Networks)
		.sort()
		.map((n) => [n, [...(c.NetworkSettings.Networks[n]?.Aliases ?? [])].sort()]);
	return JSON.stringify([c.Name, c.Image, c.Config, c.HostConfig, networks]);
}

const isNotFound = (e: unknown): boolean => e instanceof EngineError && e.kind === 'not-found';

/** Why `now` is not `reviewed` (null: the same container, as reviewed). */
function difference(reviewed: RawContainer, now: RawContainer): string | null {
	if (now.Name !== reviewed.Name) {
		const backup = /^\/(.+)-dnet-backup-\d+$/.exec(now.Name);
		return backup ? 'another change of it is under way' : `it was renamed to ${now.Name.replace(/^\//, '')}`;
	}
	if (fingerprint(now) !== fingerprint(reviewed)) return 'its configuration was changed';
	return null;
}

/**
 * Checks that the container is still the one reviewed, then renames it by name to `backup`.
 * @returns the container as it was just before the rename (its run state is the one to keep).
 * @throws ChangedSinceReviewError when it was removed, renamed, changed, or claimed by another change.
 */
export async function claim(engine: Engine, reviewed: RawContainer, name: string, backup: string): Promise<RawContainer> {
	let now: RawContainer;
	try {
		now = asRawContainer(await engine.inspectContainerRaw(reviewed.Id));
	} catch (error) {
		if (isNotFound(error)) throw new ChangedSinceReviewError(name, 'it was removed');
		throw error;
	}
	const why = difference(reviewed, now);
	if (why !== null) throw new ChangedSinceReviewError(name, why);
	try {
		await engine.renameContainer(name, backup);
	} catch (error) {
		if (isNotFound(error)) throw new ChangedSinceReviewError(name, 'another change of it is under way');
		throw error;
	}
	const renamed = asRawContainer(await engine.inspectContainerRaw(backup));
	if (renamed.Id !== reviewed.Id) {
		// The name already held another change's replacement: give it its name back at once.
		await engine.renameContainer(renamed.Id, name);
		throw new ChangedSinceReviewError(name, 'another change replaced it first');
	}
	return now;
}

/**
 * True when the name is held by the replacement another transaction made from the same original
 * (its `from` label names it, its `backup` label is not ours): that change won, ours must not undo it.
 */
export async function lostTo(engine: Engine, original: RawContainer, name: string, ourBackup: string): Promise<boolean> {
	try {
		const holder = asRawContainer(await engine.inspectContainerRaw(name));
		const labels = holder.Config.Labels ?? {};
		return holder.Id !== original.Id && labels[RECREATE_LABELS.from] === original.Id && labels[RECREATE_LABELS.backup] !== ourBackup;
	} catch {
		return false;
	}
}

/** `web-dnet-backup-1764284400000`: the name of a container another change set aside. */
export const isBackupName = (name: string): boolean => /-dnet-backup-\d+$/.test(name);

/**
 * Why the container must not be changed now (null: it may): it is another change's backup, or the
 * replacement of a change still under way (its original still runs, or it is not started yet).
 */
export async function busyReason(engine: Engine, c: RawContainer, name: string): Promise<string | null> {
	if (isBackupName(name)) return 'another change of it is under way (or one left its backup: restore or discard it)';
	const from = c.Config.Labels?.[RECREATE_LABELS.from];
	if (!from) return null;
	let original: RawContainer;
	try {
		original = asRawContainer(await engine.inspectContainerRaw(from));
	} catch {
		return null;
	}
	const starting = c.Config.Labels?.[RECREATE_LABELS.wasRunning] === 'true' && !isRunning(c);
	return isRunning(original) || starting ? 'another change of it is under way' : null;
}
