/** Pure reads of the link picker: the sources it offers and the alias rule. */
import type {State} from '../../app/state.js';
import type {ContainerSummary, Link} from '../../model/container.js';
import {aliasProblem} from '../../model/links.js';
import {isUp} from '../list/selectors.js';

/** A container the picker offers as a link source. */
export interface LinkSourceItem {
	name: string;
	running: boolean;
}

export const onBridge = (c: ContainerSummary): boolean => c.networks.some((n) => n.name === 'bridge');

/** Link sources for `recipientId`: containers on the default bridge other than itself, by name. */
export function linkSources(containers: ContainerSummary[], recipientId: string): LinkSourceItem[] {
	return containers
		.filter((c) => c.id !== recipientId && onBridge(c))
		.map((c) => ({name: c.name, running: isUp(c)}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The links the recipient holds now (from the list). */
export function recipientLinks(state: Pick<State, 'containers'>, id: string): Link[] {
	return state.containers.find((c) => c.id === id)?.links ?? [];
}

/** Why `alias` cannot be the picker's alias, or null. */
export function pickerAliasProblem(state: State, alias: string): string | null {
	const p = state.net.picker;
	if (!p) return null;
	return aliasProblem(alias, recipientLinks(state, p.recipient.id));
}
