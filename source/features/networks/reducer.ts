/** The reducer's networks-view part (`N`): move, create (`n`), remove (`x`), connect (`c`), disconnect (`d`). Pure. */
import type {CommandId} from './commands.js';
import {cursorTarget} from './cursor.js';
import {networkRows, selectedNetworkRow} from './net-selectors.js';
import {ask, openField, setNet} from './reducer-links.js';
import {listHeight} from './selectors.js';
import type {State} from './state.js';

export function networksCommand(state: State, id: CommandId): State | null {
	if (state.net.choosing) return id === 'fieldCancel' || id === 'back' ? setNet(state, {choosing: false, draft: null}) : null;
	const rows = networkRows(state.net.networks);
	const target = cursorTarget(id, state.net.networkCursor, rows.length, listHeight(state) - 2);
	if (target !== null) return rows.length === 0 ? state : setNet(state, {networkCursor: target});
	const row = selectedNetworkRow(state);
	switch (id) {
		case 'back':
			return setNet({...state, screen: 'list'}, {result: null});
		case 'createNetwork':
			return openField(setNet(state, {draft: {kind: 'create', name: ''}}), 'networkName', '');
		case 'removeNetwork':
			if (!row) return state;
			if (row.network.predefined) return {...state, notice: {tone: 'error', text: `${row.network.name} is a pre-defined network and cannot be removed`}};
			return ask(state, {kind: 'removeNetwork', name: row.network.name});
		case 'connectNetwork':
			if (!row) return state;
			if (row.network.driver === 'host' || row.network.driver === 'null') {
				return {...state, notice: {tone: 'error', text: `containers cannot be connected to the ${row.network.name} network while running; pick a bridge network`}};
			}
			return setNet(state, {draft: {kind: 'connect', network: row.network.name, container: null}, choosing: true});
		case 'disconnectNetwork':
			if (row?.kind !== 'member') return {...state, notice: {tone: 'info', text: 'select a container under a network to disconnect it'}};
			return ask(state, {kind: 'disconnect', network: row.network.name, container: row.member.name});
		default:
			return null;
	}
}
