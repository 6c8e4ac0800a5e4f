/**
 * The `choose` mode: a list to pick from, over the link picker (a source) or the networks view (a
 * container to connect). Each screen's feature supplies the moves; this routes to it.
 */
import type {CommandId} from '../../app/input/commands.js';
import {navigate} from '../../app/input/navigation.js';
import type {Handler, HandlerTable} from '../../app/handlers.js';
import type {State} from '../../app/state.js';
import {closePicker, moveSource, pickHighlightedSource} from '../link-picker/reducer.js';
import {closeCandidates, moveCandidate, pickHighlightedCandidate} from '../networks/reducer.js';

const byScreen =
	(picker: Handler, networks: Handler): Handler =>
	(state: State): State =>
		state.screen === 'linkPicker' ? picker(state) : state.screen === 'networks' ? networks(state) : state;

const move = (id: CommandId): Handler => byScreen(moveSource(id), moveCandidate(id));

export const handlers: HandlerTable = {
	choose: {
		pick: byScreen(pickHighlightedSource, pickHighlightedCandidate),
		fieldCancel: byScreen(closePicker, closeCandidates),
		...navigate(move),
	},
};
