/**
 * The reducer's links part: the link picker (`l`), the link graph (`L`, `x` removes, `m` moves to a
 * network), rename (`r`), the text field of these features and the confirmation before each
 * operation. Pure; `net-effects.ts` talks to the engine.
 */
import type {CommandId} from './commands.js';
import {cursorTarget} from './cursor.js';
import {fromDetails} from './from-details.js';
import type {NetAction} from './net-actions.js';
import {confirmFor} from './net-confirm.js';
import {aliasesProblem, graphEdges, linkSources, networkNameProblem, parseAliases, pickerAliasProblem, renameProblem, subnetProblem} from './net-selectors.js';
import type {NetFieldPurpose, NetOp, NetState} from './net-state.js';
import {networksCommand} from './reducer-networks.js';
import {listHeight, selectedContainer} from './selectors.js';
import type {State} from './state.js';

export const setNet = (state: State, net: Partial<NetState>): State => ({...state, net: {...state.net, ...net}});

export const openField = (state: State, purpose: NetFieldPurpose, text: string): State => ({...state, field: {target: {kind: 'net', purpose}, text, added: false}});

const err = (state: State, text: string): State => ({...state, notice: {tone: 'error', text}});

/** Asks before `op`. */
export const ask = (state: State, op: NetOp): State => setNet({...state, field: null}, {confirm: confirmFor(op, state.containers, state.net.networks)});

function openPicker(state: State): State {
	const c = selectedContainer(state);
	if (!c) return state;
	if (!c.networks.some((n) => n.name === 'bridge')) {
		return err(state, `${c.name} is not on the default bridge network: legacy links only work there (N: networks and their DNS aliases instead)`);
	}
	if (linkSources(state.containers, c.id).length === 0) return {...state, notice: {tone: 'info', text: `no other container on the default bridge for ${c.name} to link to`}};
	const picker = {recipient: {id: c.id, name: c.name}, stage: 'pick' as const, source: null, alias: '', preview: null, previewError: null, previewKey: null};
	return setNet({...state, screen: 'linkPicker'}, {picker});
}

function pickerCommand(state: State, id: CommandId): State | null {
	const p = state.net.picker;
	if (!p) return null;
	const close = (): State => setNet({...state, screen: 'list'}, {picker: null});
	if (p.stage === 'pick') return id === 'fieldCancel' || id === 'back' ? close() : null;
	switch (id) {
		case 'editAlias':
			return openField(state, 'linkAlias', p.alias);
		case 'confirmNo':
			return setNet(state, {picker: {...p, stage: 'pick', source: null, preview: null, previewError: null, previewKey: null}});
		case 'confirmYes': {
			const problem = pickerAliasProblem(state, p.alias);
			if (problem) return err(state, problem);
			if (!p.source || p.previewKey !== `${p.source}:${p.alias}`) return {...state, notice: {tone: 'info', text: 'wait for the preview'}};
			if (p.previewError) return err(state, p.previewError);
			return queue(setNet({...state, screen: 'list'}, {picker: null}), {kind: 'addLink', recipient: p.recipient.name, source: p.source, alias: p.alias});
		}
		default:
			return null;
	}
}

/** Queues a confirmed operation for the effects. */
export function queue(state: State, op: NetOp): State {
	const seq = state.net.opSeq + 1;
	const what: Record<NetOp['kind'], string> = {
		addLink: 'linking',
		removeLink: 'removing the link',
		moveLink: 'moving the link',
		rename: 'renaming',
		connect: 'connecting',
		disconnect: 'disconnecting',
		createNetwork: 'creating the network',
		removeNetwork: 'removing the network',
	};
	return setNet({...state, notice: {tone: 'info', text: `${what[op.kind]}…`}}, {confirm: null, draft: null, ops: [...state.net.ops, {seq, op}], opSeq: seq});
}

function graphCommand(state: State, id: CommandId): State | null {
	const edges = graphEdges(state);
	const target = cursorTarget(id, state.net.graphCursor, edges.length, listHeight(state));
	if (target !== null) return edges.length === 0 ? state : setNet(state, {graphCursor: target});
	const edge = edges[Math.min(state.net.graphCursor, edges.length - 1)];
	switch (id) {
		case 'back':
			return setNet({...state, screen: 'list'}, {result: null});
		case 'removeLink':
			return edge ? ask(state, {kind: 'removeLink', recipient: edge.recipient, alias: edge.alias}) : state;
		case 'moveLink':
			if (!edge) return state;
			return openField(setNet(state, {draft: {kind: 'move', recipient: edge.recipient, alias: edge.alias, source: edge.source}}), 'moveNetwork', `${edge.recipient}-${edge.source}`);
		default:
			return null;
	}
}

/** Why the field's text cannot be accepted, or null. */
export function netFieldProblem(state: State, purpose: NetFieldPurpose, text: string): string | null {
	switch (purpose) {
		case 'linkAlias':
			return pickerAliasProblem(state, text.trim());
		case 'rename': {
			const c = state.containers.find((x) => x.id === state.selectedId);
			return renameProblem(text, c?.name ?? '', state.containers);
		}
		case 'networkName':
			return networkNameProblem(text, state.net.networks);
		case 'moveNetwork': {
			const n = text.trim();
			const existing = state.net.networks?.find((x) => x.name === n);
			if (existing) return existing.predefined || existing.driver !== 'bridge' ? `${n} is not a user-defined bridge network` : null;
			return networkNameProblem(n, null);
		}
		case 'subnet':
			return subnetProblem(text);
		case 'connectAlias':
			return aliasesProblem(text);
	}
}

function fieldCommand(state: State, purpose: NetFieldPurpose, text: string, id: CommandId): State {
	const closed = {...state, field: null};
	const draft = state.net.draft;
	if (id === 'fieldCancel') {
		if (purpose === 'rename') return {...closed, screen: 'list'};
		return purpose === 'linkAlias' ? closed : setNet(closed, {draft: null});
	}
	if (netFieldProblem(state, purpose, text) !== null) return state;
	const t = text.trim();
	switch (purpose) {
		case 'linkAlias': {
			const p = state.net.picker;
			return p ? setNet(closed, {picker: {...p, alias: t}}) : closed;
		}
		case 'rename': {
			const c = state.containers.find((x) => x.id === state.selectedId);
			return c ? ask(closed, {kind: 'rename', id: c.id, from: c.name, to: t.replace(/^\//, '')}) : {...closed, screen: 'list'};
		}
		case 'networkName':
			return openField(setNet(closed, {draft: {kind: 'create', name: t}}), 'subnet', '');
		case 'subnet':
			return draft?.kind === 'create' ? ask(closed, {kind: 'createNetwork', name: draft.name, subnet: t}) : closed;
		case 'connectAlias':
			return draft?.kind === 'connect' && draft.container ? ask(closed, {kind: 'connect', network: draft.network, container: draft.container, aliases: parseAliases(t)}) : closed;
		case 'moveNetwork':
			return draft?.kind === 'move' ? ask(closed, {kind: 'moveLink', recipient: draft.recipient, alias: draft.alias, network: t}) : closed;
	}
}

/** Commands of the links and networks features; null when not theirs in this state. */
export function netCommand(state: State, id: CommandId): State | null {
	if (state.confirm || state.backupOffer) return null;
	const field = state.field;
	if (field) {
		if (field.target.kind !== 'net') return null;
		return id === 'fieldAccept' || id === 'fieldCancel' ? fieldCommand(state, field.target.purpose, field.text, id) : null;
	}
	if (state.net.confirm) {
		if (id === 'confirmYes') {
			// A confirmed rename is done with its screen: back to the list, where the row shows it.
			const queued = queue(state, state.net.confirm.op);
			return state.net.confirm.op.kind === 'rename' && queued.screen === 'rename' ? {...queued, screen: 'list'} : queued;
		}
		if (id === 'confirmNo') return setNet(state, {confirm: null, draft: null});
		return null;
	}
	switch (id) {
		case 'openLinks':
			return setNet({...state, screen: 'links', details: null}, {graphCursor: Math.min(state.net.graphCursor, Math.max(0, graphEdges(state).length - 1))});
		case 'openNetworks':
			return setNet({...state, screen: 'networks', details: null}, {networksSeq: state.net.networksSeq + 1});
		default:
			break;
	}
	if (id === 'openLinkPicker' && (state.screen === 'list' || state.screen === 'details')) return openPicker(fromDetails(state));
	if (id === 'rename' && (state.screen === 'list' || state.screen === 'details')) {
		const from = fromDetails(state);
		const c = selectedContainer(from);
		return c ? openField({...from, screen: 'rename', selectedId: c.id}, 'rename', c.name) : state;
	}
	if (state.screen === 'rename' && id === 'back') return {...state, screen: 'list'};
	if (state.screen === 'linkPicker') return pickerCommand(state, id);
	if (state.screen === 'links') return graphCommand(state, id);
	if (state.screen === 'networks') return networksCommand(state, id);
	return null;
}

/** The actions of these features. */
export function netAction(state: State, action: NetAction): State {
	switch (action.type) {
		case 'net/pickSource': {
			const p = state.net.picker;
			if (!p || p.stage !== 'pick') return state;
			return setNet(state, {picker: {...p, stage: 'review', source: action.source, alias: action.source, preview: null, previewError: null, previewKey: null}});
		}
		case 'net/preview': {
			const p = state.net.picker;
			if (!p || `${p.source}:${p.alias}` !== action.key) return state;
			return setNet(state, {picker: {...p, preview: action.preview, previewError: action.error, previewKey: action.key}});
		}
		case 'net/chooseContainer': {
			const d = state.net.draft;
			if (d?.kind !== 'connect') return state;
			return openField(setNet(state, {draft: {...d, container: action.container}, choosing: false}), 'connectAlias', '');
		}
		case 'net/networks':
			return setNet(state, {networks: action.networks ?? state.net.networks, networksError: action.error});
		case 'net/opDone': {
			const ops = state.net.ops.filter((o) => o.seq !== action.seq);
			return setNet(
				{...state, notice: {tone: action.ok ? 'info' : 'error', text: action.text}},
				{ops, result: action.lines.length > 0 ? action.lines : state.net.result, networksSeq: state.net.networksSeq + (state.screen === 'networks' ? 1 : 0)},
			);
		}
	}
}
