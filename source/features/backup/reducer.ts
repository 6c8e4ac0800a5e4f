/** The offer to restore a backup left by an interrupted recreate: y restores, n keeps the change. Pure. */
import type {CommandId} from './commands.js';
import type {EditorAction} from './editor-actions.js';
import type {BackupOffer} from './editor-state.js';
import type {State} from './state.js';

/** Drops the first backup from the offer (closing it after the last). */
function next(state: State, offer: BackupOffer): State {
	const backups = offer.backups.slice(1);
	return {...state, backupOffer: backups.length > 0 ? {backups, running: null} : null};
}

/** y: restore; n: remove the backup when the change took effect, else leave it for later; Esc: later. */
export function backupCommand(state: State, offer: BackupOffer, id: CommandId): State | null {
	const first = offer.backups[0];
	if (!first) return null;
	if (offer.running) return id === 'confirmYes' || id === 'confirmNo' || id === 'editorCancel' ? state : null;
	switch (id) {
		case 'confirmYes':
			return {...state, backupOffer: {...offer, running: 'restore'}};
		case 'confirmNo':
			if (first.complete) return {...state, backupOffer: {...offer, running: 'discard'}};
			return {...next(state, offer), notice: {tone: 'info', text: `kept ${first.name}: it is offered again on the next start`}};
		case 'editorCancel':
			return {...next(state, offer), notice: {tone: 'info', text: `kept ${first.name}: it is offered again on the next start`}};
		default:
			return null;
	}
}

export function backupAction(state: State, action: Extract<EditorAction, {type: 'backup/found' | 'backup/done'}>): State {
	switch (action.type) {
		case 'backup/found':
			return action.backups.length > 0 && !state.readOnly ? {...state, backupOffer: {backups: action.backups, running: null}} : state;
		case 'backup/done': {
			const offer = state.backupOffer;
			const closed = offer ? next(state, offer) : state;
			return {...closed, notice: {tone: action.ok ? 'info' : 'error', text: action.text}};
		}
	}
}
