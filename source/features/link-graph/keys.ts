/** Keys of the link graph (`L`, `:links`). */
import type {Binding} from '../../app/input/commands.js';
import {navigation} from '../../app/input/navigation.js';

export const LINK_GRAPH_OPEN_KEYS: readonly Binding[] = [
	{id: 'openLinks', scope: 'list', keys: ['L'], description: 'Link graph: every link as recipient --alias--> source, broken ones flagged', hint: 'links'},
	{id: 'openLinks', scope: 'networks', keys: ['L'], description: 'Link graph'},
];

export const LINK_GRAPH_KEYS: readonly Binding[] = [
	{id: 'back', scope: 'links', keys: ['esc', 'left'], description: 'Back to the list', hint: 'back'},
	...navigation('links', {move: 'link'}),
	{id: 'removeLink', scope: 'links', keys: ['x', 'delete'], description: 'Remove the link, after confirming (recreates the recipient safely)', hint: 'remove', mutates: true},
	{id: 'moveLink', scope: 'links', keys: ['m'], description: 'Move the pair to a user-defined network: DNS alias instead of the link', hint: 'to network', mutates: true},
];
