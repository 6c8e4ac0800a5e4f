/** Effects of the backup offer: find backups of interrupted recreates, restore or discard one. */
import type {EffectContext} from '../../app/effect-context.js';
import {errorText} from '../../model/error-text.js';
import {discardBackup, findBackups, restoreBackup, type RecreateBackup} from '../../operations/recreate/index.js';

export async function offerBackups(ctx: EffectContext): Promise<void> {
	try {
		const backups = await findBackups(ctx.engine);
		if (backups.length > 0) ctx.dispatch({type: 'backup/found', backups});
	} catch {
		// Not fatal: the next start looks again.
	}
}

export async function settleBackup(ctx: EffectContext, backup: RecreateBackup, how: 'restore' | 'discard'): Promise<void> {
	try {
		if (how === 'restore') {
			await restoreBackup(ctx.engine, backup);
			ctx.dispatch({type: 'backup/done', ok: true, text: `restored ${backup.originalName} from ${backup.name}`});
		} else {
			await discardBackup(ctx.engine, backup);
			ctx.dispatch({type: 'backup/done', ok: true, text: `removed the backup ${backup.name}; ${backup.originalName} keeps the change`});
		}
	} catch (error) {
		ctx.dispatch({type: 'backup/done', ok: false, text: `${backup.name}: ${errorText(error)}`});
	}
}
