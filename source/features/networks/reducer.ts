/** The networks view (`N`): move, create (`n`), remove (`x`), connect (`c`), disconnect (`d`). */
import type {CommandId} from '../../app/input/commands.js';
import {cursorTarget, navigate} from '../../app/input/navigation.js';
import type {FieldHandlers} from '../../app/handlers.js';
import type {HandlerTable} from '../../app/handlers.js';
import {listHeight} from '../../app/layout.js';
import type {State} from '../../app/state.js';
import {openField} from '../../app/input/text-field.js';
import {request} from '../../app/request.js';
import {ask, errorNotice, loadNetworks, setNet} from '../net-ops/ops.js';
import {aliasesProblem, connectCandidates, networkNameProblem, networkRows, parseAliases, selectedNetworkRow, subnetProblem} from './selectors.js';

/** `N`, `:networks`: opens the view and asks for the networks. */
export function openNetworksView(state: State): State {
	// The services' VIPs on each network come with the swarm's load (a manager only).
	return request(loadNetworks({...state, screen: 'networks', details: null}), {kind: 'loadServices'});
}

function move(id: CommandId) {
	return (state: State): State => {
		const rows = networkRows(state.net.networks);
		if (rows.length === 0) return state;
		return setNet(state, {networkCursor: cursorTarget(id, state.net.networkCursor, rows.length, listHeight(state) - 2) ?? state.net.networkCursor});
	};
}

function removeNetwork(state: State): State {
	const row = selectedNetworkRow(state);
	if (!row) return state;
	if (row.network.predefined) return errorNotice(state, `${row.network.name} is a pre-defined network and cannot be removed`);
	return ask(state, {kind: 'removeNetwork', name: row.network.name});
}

function connect(state: State): State {
	const row = selectedNetworkRow(state);
	if (!row) return state;
	if (row.network.driver === 'host' || row.network.driver === 'null') {
		return errorNotice(state, `containers cannot be connected to the ${row.network.name} network while running; pick a bridge network`);
	}
	return setNet(state, {draft: {kind: 'connect', network: row.network.name, container: null}, choosing: 0});
}

function disconnect(state: State): State {
	const row = selectedNetworkRow(state);
	if (row?.kind !== 'member') return {...state, notice: {tone: 'info', text: 'select a container under a network to disconnect it'}};
	return ask(state, {kind: 'disconnect', network: row.network.name, container: row.member.name});
}

/** The container to connect was picked: type its aliases next. */
export function chooseContainer(state: State, container: string): State {
	const d = state.net.draft;
	if (d?.kind !== 'connect') return state;
	return {...setNet(state, {draft: {...d, container}, choosing: null}), field: openField({kind: 'connectAlias'}, '')};
}

/** `choose` mode on the networks view: move over the containers, pick one, or close. */
export function moveCandidate(id: CommandId) {
	return (state: State): State => {
		const d = state.net.draft;
		const at = state.net.choosing;
		if (d?.kind !== 'connect' || at === null) return state;
		const to = cursorTarget(id, at, connectCandidates(state, d.network).length, listHeight(state) - 2) ?? at;
		return to === at ? state : setNet(state, {choosing: to});
	};
}

export function pickHighlightedCandidate(state: State): State {
	const d = state.net.draft;
	if (d?.kind !== 'connect' || state.net.choosing === null) return state;
	const name = connectCandidates(state, d.network)[state.net.choosing];
	return name === undefined ? state : chooseContainer(state, name);
}

export const closeCandidates = (state: State): State => setNet(state, {choosing: null, draft: null});

const dropDraft = (state: State): State => setNet(state, {draft: null});

export const networksFields: FieldHandlers = {
	networkName: {
		problem: (state, field) => networkNameProblem(field.text, state.net.networks),
		accept: (state, field) => ({...setNet(state, {draft: {kind: 'create', name: field.text.trim()}}), field: openField({kind: 'subnet'}, '')}),
		cancel: dropDraft,
	},
	subnet: {
		problem: (_state, field) => subnetProblem(field.text),
		accept(state, field) {
			const draft = state.net.draft;
			return draft?.kind === 'create' ? ask(state, {kind: 'createNetwork', name: draft.name, subnet: field.text.trim()}) : state;
		},
		cancel: dropDraft,
	},
	connectAlias: {
		problem: (_state, field) => aliasesProblem(field.text),
		accept(state, field) {
			const draft = state.net.draft;
			return draft?.kind === 'connect' && draft.container
				? ask(state, {kind: 'connect', network: draft.network, container: draft.container, aliases: parseAliases(field.text)})
				: state;
		},
		cancel: dropDraft,
	},
};

export const handlers: HandlerTable = {
	list: {openNetworks: openNetworksView},
	links: {openNetworks: openNetworksView},
	networks: {
		...navigate(move),
		back: (s) => setNet({...s, screen: 'list'}, {result: null}),
		createNetwork: (s) => ({...setNet(s, {draft: {kind: 'create', name: ''}}), field: openField({kind: 'networkName'}, '')}),
		removeNetwork,
		connectNetwork: connect,
		disconnectNetwork: disconnect,
	},
};
