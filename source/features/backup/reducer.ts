/** The offer to restore a backup left by an interrupted recreate: y restores, n keeps the change. */
import type {HandlerTable} from '../../app/handlers.js';
import {request} from '../../app/request.js';
import type {State} from '../../app/state.js';
import type {RecreateBackup} from '../../operations/recreate/index.js';
import type {BackupOffer} from './state.js';

/** Drops the first backup from the offer (closing it after the last). */
function next(state: State, offer: BackupOffer): State {
	const backups = offer.backups.slice(1);
	return {...state, backupOffer: backups.length > 0 ? {backups, running: null} : null};
}

const later = (state: State, offer: BackupOffer, first: RecreateBackup): State => ({
	...next(state, offer),
	notice: {tone: 'info', text: `kept ${first.name}: it is offered again on the next start`},
});

/** Runs `fn` on the offer's first backup while nothing runs (keys wait meanwhile). */
const onOffer =
	(fn: (state: State, offer: BackupOffer, first: RecreateBackup) => State) =>
	(state: State): State => {
		const offer = state.backupOffer;
		const first = offer?.backups[0];
		return offer && first && offer.running === null ? fn(state, offer, first) : state;
	};

const settle = (state: State, offer: BackupOffer, first: RecreateBackup, how: 'restore' | 'discard'): State =>
	request({...state, backupOffer: {...offer, running: how}}, {kind: 'settleBackup', backup: first, how});

/** Looks for backups once, on the first connection (never under --read-only). */
export function checkBackups(state: State): State {
	if (state.backupsChecked || state.readOnly) return state;
	return request({...state, backupsChecked: true}, {kind: 'findBackups'});
}

export function backupsFound(state: State, backups: RecreateBackup[]): State {
	return backups.length > 0 && !state.readOnly ? {...state, backupOffer: {backups, running: null}} : state;
}

export function backupDone(state: State, ok: boolean, text: string): State {
	const offer = state.backupOffer;
	const closed = offer ? next(state, offer) : state;
	return {...closed, notice: {tone: ok ? 'info' : 'error', text}};
}

export const handlers: HandlerTable = {
	backup: {
		confirmYes: onOffer((s, o, first) => settle(s, o, first, 'restore')),
		// n: remove the backup when the change took effect, else leave it for later.
		confirmNo: onOffer((s, o, first) => (first.complete ? settle(s, o, first, 'discard') : later(s, o, first))),
		editorCancel: onOffer(later),
	},
};
