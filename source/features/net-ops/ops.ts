/**
 * What the links and networks features share: asking before an operation, queueing it as an
 * effect, folding its result back in, and the networks list.
 */
import type {HandlerTable} from '../../app/handlers.js';
import {request, requestWithId} from '../../app/request.js';
import type {State} from '../../app/state.js';
import type {NetworkInfo} from '../../model/network.js';
import {confirmFor} from './confirm.js';
import type {NetOp, NetState} from './state.js';

export const setNet = (state: State, net: Partial<NetState>): State => ({...state, net: {...state.net, ...net}});

export const errorNotice = (state: State, text: string): State => ({...state, notice: {tone: 'error', text}});

/**
 * Asks before `op`. A link removed or moved from the graph recreates its recipient: the recipient is
 * read as the question is shown, and the apply refuses it if it changed since (ARCHITECTURE.md,
 * "The recreate transaction").
 */
export function ask(state: State, op: NetOp): State {
	const asked = setNet({...state, field: null}, {confirm: confirmFor(op, state.containers, state.net.networks)});
	return op.kind === 'removeLink' || op.kind === 'moveLink' ? request(asked, {kind: 'reviewRecipient', recipient: op.recipient}) : asked;
}

/** The recipient of the question on screen, as read when it was shown. */
export function reviewed(state: State, recipient: string, fingerprint: string): State {
	const confirm = state.net.confirm;
	if (!confirm || (confirm.op.kind !== 'removeLink' && confirm.op.kind !== 'moveLink') || confirm.op.recipient !== recipient || confirm.op.reviewed !== null) return state;
	return setNet(state, {confirm: {...confirm, op: {...confirm.op, reviewed: fingerprint}}});
}

/** Asks the engine for the networks (the newest answer wins). */
export const loadNetworks = (state: State): State => request(state, {kind: 'loadNetworks'});

const WHAT: Record<NetOp['kind'], string> = {
	addLink: 'linking',
	removeLink: 'removing the link',
	moveLink: 'moving the link',
	rename: 'renaming',
	connect: 'connecting',
	disconnect: 'disconnecting',
	createNetwork: 'creating the network',
	removeNetwork: 'removing the network',
};

/** Queues a confirmed operation as an effect. */
export function queue(state: State, op: NetOp): State {
	const {state: next, id} = requestWithId(state, {kind: 'netOp', op});
	return setNet({...next, notice: {tone: 'info', text: `${WHAT[op.kind]}…`}}, {confirm: null, draft: null, ops: [...state.net.ops, {id, op}]});
}

/** An operation finished: its notice, what it changed, and a fresh networks list in that view. */
export function opDone(state: State, id: number, ok: boolean, text: string, lines: string[], full?: string): State {
	const notice = {tone: ok ? ('info' as const) : ('error' as const), text, ...(full !== undefined && full !== text ? {detail: full} : {})};
	const next = setNet({...state, notice}, {ops: state.net.ops.filter((o) => o.id !== id), result: lines.length > 0 ? lines : state.net.result});
	return state.screen === 'networks' ? loadNetworks(next) : next;
}

export function networksLoaded(state: State, networks: NetworkInfo[] | null, error: string | null): State {
	return setNet(state, {networks: networks ?? state.net.networks, networksError: error});
}

/** Reloads the networks when the containers changed while they are shown (members, addresses). */
export function reloadNetworks(state: State, previous: State): State {
	const shown = state.screen === 'networks' || state.net.draft?.kind === 'move';
	return shown && state.containers !== previous.containers && previous.containers.length > 0 ? loadNetworks(state) : state;
}

function confirmYes(state: State): State {
	const confirm = state.net.confirm;
	if (!confirm) return state;
	const queued = queue(state, confirm.op);
	// A confirmed rename is done with its screen: back where it was opened (the row or the details show it).
	if (confirm.op.kind === 'rename' && queued.screen === 'rename') return {...queued, screen: state.net.origin === 'details' && state.details ? 'details' : 'list'};
	// A recreate keeps the cursor on its container.
	return 'recipient' in confirm.op ? {...queued, follow: confirm.op.recipient} : queued;
}

export const handlers: HandlerTable = {
	netConfirm: {
		confirmYes,
		confirmNo: (s) => setNet(s, {confirm: null, draft: null}),
	},
};
