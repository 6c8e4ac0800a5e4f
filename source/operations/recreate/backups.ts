/**
 * Backups left behind by an interrupted recreate (dnet killed, engine gone), found on a later start.
 *
 * The journal needs no state file: the backup is the old container, renamed to
 * `<name>-dnet-backup-<ms>`; its replacement, if one was created, is the container under `<name>`
 * labelled `dnet.recreate.from=<backup id>` and `dnet.recreate.was-running=<bool>`. The transaction
 * stops the old container only after the replacement exists, so the original run state is always
 * known: from that label, or from the backup itself while no replacement exists.
 */
import {EngineError, type Engine} from '../../engine/engine.js';
import type {ContainerSummary} from '../../model/container.js';
import {RECREATE_LABELS} from './body.js';

/** A recreate backup found on the engine. */
export interface RecreateBackup {
	/** The backup container's id and name (`web-dnet-backup-1764284400000`). */
	id: string;
	name: string;
	/** The name the container had, and gets back on restore. */
	originalName: string;
	/** When the transaction started (ms since the epoch, from the name). */
	startedAt: number;
	/** The backup's state now (`running`, `exited`, …). */
	state: string;
	/** Whether the original was running before the transaction. */
	wasRunning: boolean;
	/** The replacement made from it, if the transaction got that far. */
	replacement: {id: string; state: string} | null;
	/**
	 * True when the replacement exists and is in the original's run state: the change took effect
	 * and only removing the backup was left (offer `discardBackup`; `restoreBackup` undoes it).
	 */
	complete: boolean;
}

const BACKUP_NAME = /^(.+)-dnet-backup-(\d+)$/;

function backupOf(c: ContainerSummary, all: ContainerSummary[]): RecreateBackup | null {
	const match = BACKUP_NAME.exec(c.name);
	if (!match) return null;
	const originalName = match[1] as string;
	const replacement = all.find((r) => r.name === originalName && r.labels[RECREATE_LABELS.from] === c.id) ?? null;
	const wasRunning = replacement
		? replacement.labels[RECREATE_LABELS.wasRunning] === 'true'
		: c.state === 'running' || c.state === 'restarting' || c.state === 'paused';
	const replacementRunning = replacement?.state === 'running';
	return {
		id: c.id,
		name: c.name,
		originalName,
		startedAt: Number(match[2]),
		state: c.state,
		wasRunning,
		replacement: replacement ? {id: replacement.id, state: replacement.state} : null,
		complete: replacement !== null && replacementRunning === wasRunning,
	};
}

/** Every recreate backup on the engine, oldest first. */
export async function findBackups(engine: Engine): Promise<RecreateBackup[]> {
	const all = await engine.listContainers(true);
	return all
		.map((c) => backupOf(c, all))
		.filter((b): b is RecreateBackup => b !== null)
		.sort((a, b) => a.startedAt - b.startedAt || a.name.localeCompare(b.name));
}

/**
 * Puts a backup back: removes its replacement (only a container labelled as made from this
 * backup), renames the backup to its original name and starts it if the original was running.
 * @throws EngineError `conflict` when another container (not its replacement) holds the name.
 */
export async function restoreBackup(engine: Engine, backup: RecreateBackup): Promise<void> {
	const all = await engine.listContainers(true);
	const holder = all.find((c) => c.name === backup.originalName);
	if (holder) {
		if (holder.labels[RECREATE_LABELS.from] !== backup.id) {
			throw new EngineError(
				'conflict',
				`the name ${backup.originalName} is taken by container ${holder.id.slice(0, 12)}, which was not made from ${backup.name}`,
			);
		}
		await engine.removeContainer(holder.id, {force: true, volumes: false});
	}
	await engine.renameContainer(backup.id, backup.originalName);
	if (backup.wasRunning) await engine.startContainer(backup.id);
}

/** Removes a backup whose change took effect (its volumes are kept: the replacement uses them). */
export async function discardBackup(engine: Engine, backup: RecreateBackup): Promise<void> {
	await engine.removeContainer(backup.id, {force: true, volumes: false});
}
