/** Keys of the offer to restore a backup left by an interrupted recreate. */
import type {Binding} from '../../app/input/commands.js';

export const BACKUP_KEYS: readonly Binding[] = [
	{id: 'confirmYes', scope: 'backup', keys: ['y'], description: 'Restore the container from the backup of an interrupted change', hint: 'restore'},
	{id: 'confirmNo', scope: 'backup', keys: ['n'], description: 'Keep the change (removes a finished backup; keeps an unfinished one)', hint: 'no'},
	{id: 'editorCancel', scope: 'backup', keys: ['esc'], description: 'Decide later (offered again on the next start)', hint: 'later'},
	{id: 'quit', scope: 'backup', keys: ['ctrl+c'], description: 'Quit dnet'},
];
