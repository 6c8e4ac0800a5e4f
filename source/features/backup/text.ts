/** What the restore offer says, pure (the panel wraps it; the layout counts its rows). */
import {sanitize} from '../../model/sanitize.js';
import {wrapText} from '../../model/wrap.js';
import type {RecreateBackup} from '../../operations/recreate/index.js';
import type {BackupOffer} from './state.js';

/** The question. */
export function backupText(b: RecreateBackup): string {
	const name = sanitize(b.originalName);
	const backup = sanitize(b.name);
	if (b.complete) return `A change to ${name} finished but left its backup (${backup}). Restore the old ${name}? y/n (n removes the backup)`;
	return `A change to ${name} was interrupted (backup ${backup}). Restore it? y/n`;
}

/** Rows the panel takes: the wrapped question, the keys, the border. */
export function backupPanelRows(offer: BackupOffer, width: number): number {
	const first = offer.backups[0];
	return first ? wrapText(backupText(first), Math.max(10, width - 4)).length + 3 : 0;
}
