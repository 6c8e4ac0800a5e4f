/** State, actions and effects of the offer, on start, to restore backups of interrupted recreates. */
import type {RecreateBackup} from '../../operations/recreate/index.js';

/** Backups of interrupted recreates, offered one at a time. */
export interface BackupOffer {
	backups: RecreateBackup[];
	/** What the effect is doing with the first one. */
	running: 'restore' | 'discard' | null;
}

export type BackupAction = {type: 'backup/found'; backups: RecreateBackup[]} | {type: 'backup/done'; ok: boolean; text: string};

export type BackupEffect = {kind: 'findBackups'} | {kind: 'settleBackup'; backup: RecreateBackup; how: 'restore' | 'discard'};
