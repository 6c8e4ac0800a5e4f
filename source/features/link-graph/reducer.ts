/** The link graph (`L`, `:links`): every link, `x` removes one, `m` moves a pair to a user network. */
import type {CommandId} from '../../app/input/commands.js';
import {cursorTarget, navigate} from '../../app/input/navigation.js';
import type {FieldHandlers} from '../../app/handlers.js';
import type {HandlerTable} from '../../app/handlers.js';
import {listHeight} from '../../app/layout.js';
import type {State} from '../../app/state.js';
import {openField} from '../../app/input/text-field.js';
import {linkGraph, type LinkEdge} from '../../model/links.js';
import {networkNameProblem} from '../networks/selectors.js';
import {ask, loadNetworks, setNet} from '../net-ops/ops.js';

/** The link graph of the list's containers. */
export function graphEdges(state: Pick<State, 'containers'>): LinkEdge[] {
	return linkGraph(state.containers);
}

/** `L`, `:links`: opens the graph. */
export function openLinkGraph(state: State): State {
	return setNet({...state, screen: 'links', details: null}, {graphCursor: Math.min(state.net.graphCursor, Math.max(0, graphEdges(state).length - 1))});
}

function move(id: CommandId) {
	return (state: State): State => {
		const edges = graphEdges(state);
		if (edges.length === 0) return state;
		return setNet(state, {graphCursor: cursorTarget(id, state.net.graphCursor, edges.length, listHeight(state)) ?? state.net.graphCursor});
	};
}

const selectedEdge = (state: State): LinkEdge | undefined => {
	const edges = graphEdges(state);
	return edges[Math.min(state.net.graphCursor, edges.length - 1)];
};

function removeLink(state: State): State {
	const edge = selectedEdge(state);
	return edge ? ask(state, {kind: 'removeLink', recipient: edge.recipient, alias: edge.alias, reviewed: null}) : state;
}

function moveLink(state: State): State {
	const edge = selectedEdge(state);
	if (!edge) return state;
	const drafted = setNet(state, {draft: {kind: 'move', recipient: edge.recipient, alias: edge.alias, source: edge.source}});
	return loadNetworks({...drafted, field: openField({kind: 'moveNetwork'}, `${edge.recipient}-${edge.source}`)});
}

/** The network to move a link to: an existing user-defined bridge, or a new one. */
export const linkGraphFields: FieldHandlers = {
	moveNetwork: {
		problem(state, field) {
			const n = field.text.trim();
			const existing = state.net.networks?.find((x) => x.name === n);
			if (existing) return existing.predefined || existing.driver !== 'bridge' ? `${n} is not a user-defined bridge network` : null;
			return networkNameProblem(n, null);
		},
		accept(state, field) {
			const draft = state.net.draft;
			return draft?.kind === 'move' ? ask(state, {kind: 'moveLink', recipient: draft.recipient, alias: draft.alias, network: field.text.trim(), reviewed: null}) : state;
		},
		cancel: (state) => setNet(state, {draft: null}),
	},
};

export const handlers: HandlerTable = {
	list: {openLinks: openLinkGraph},
	networks: {openLinks: openLinkGraph},
	links: {
		...navigate(move),
		back: (s) => setNet({...s, screen: 'list'}, {result: null}),
		removeLink,
		moveLink,
	},
};
