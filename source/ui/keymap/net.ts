/** Keys of the links and networks features (issue 5), merged into `KEYMAP` by `ui/keymap.ts`. */
import type {Scope} from '../../store/commands.js';
import type {Binding} from '../keymap.js';
import {navigation} from './navigation.js';

/** Container-list keys, listed with the other list keys. */
export const NET_LIST_KEYS: readonly Binding[] = [
	{id: 'openLinkPicker', scope: 'list', keys: ['l'], description: 'Link the container to another (--link): pick the source and alias, see the env and hosts it adds', hint: 'link', mutates: true},
	{id: 'rename', scope: 'list', keys: ['r'], description: 'Rename the container (docker rename); links to it follow', mutates: true},
	{id: 'openLinks', scope: 'list', keys: ['L'], description: 'Link graph: every link as recipient --alias--> source, broken ones flagged', hint: 'links'},
	{id: 'openNetworks', scope: 'list', keys: ['N'], description: 'Networks: driver, subnet, gateway, containers with their IPs and aliases', hint: 'networks'},
];

/** Keys of the picker, the graph, rename, the networks view and their confirmation. */
export const NET_SCREEN_KEYS: readonly Binding[] = [
	{id: 'confirmYes', scope: 'linkPicker', keys: ['y'], description: 'Add the link: recreate the recipient with it (the original is kept until it works)', hint: 'apply'},
	{id: 'editAlias', scope: 'linkPicker', keys: ['e', 'enter'], description: 'Edit the alias (default: the source name)', hint: 'alias'},
	{id: 'confirmNo', scope: 'linkPicker', keys: ['n', 'esc'], description: 'Back to the list of sources', hint: 'back'},

	{id: 'fieldCancel', scope: 'choose', keys: ['esc'], description: 'Close the list (arrows move, Enter picks)', hint: 'close'},
	{id: 'quit', scope: 'choose', keys: ['ctrl+c'], description: 'Quit dnet'},

	{id: 'back', scope: 'links', keys: ['esc', 'left'], description: 'Back to the list', hint: 'back'},
	...navigation('links', {move: 'link'}),
	{id: 'removeLink', scope: 'links', keys: ['x', 'delete'], description: 'Remove the link, after confirming (recreates the recipient safely)', hint: 'remove', mutates: true},
	{id: 'moveLink', scope: 'links', keys: ['m'], description: 'Move the pair to a user-defined network: DNS alias instead of the link', hint: 'to network', mutates: true},
	{id: 'openNetworks', scope: 'links', keys: ['N'], description: 'Networks view', hint: 'networks'},

	{id: 'back', scope: 'rename', keys: ['esc'], description: 'Back to the list'},

	{id: 'back', scope: 'networks', keys: ['esc', 'left'], description: 'Back to the list', hint: 'back'},
	...navigation('networks', {move: 'row'}),
	{id: 'connectNetwork', scope: 'networks', keys: ['c'], description: 'Connect a container to the network, with aliases (docker network connect --alias)', hint: 'connect', mutates: true},
	{id: 'disconnectNetwork', scope: 'networks', keys: ['d'], description: 'Disconnect the selected container from its network, after confirming', hint: 'disconnect', mutates: true},
	{id: 'createNetwork', scope: 'networks', keys: ['n'], description: 'Create a network: name, then subnet (empty: the engine picks)', hint: 'new', mutates: true},
	{id: 'removeNetwork', scope: 'networks', keys: ['x', 'delete'], description: 'Remove the network, after confirming (docker network rm)', hint: 'remove', mutates: true},
	{id: 'openLinks', scope: 'networks', keys: ['L'], description: 'Link graph'},

	{id: 'confirmYes', scope: 'netConfirm', keys: ['y', 'enter'], description: 'Yes, do it', hint: 'yes'},
	{id: 'confirmNo', scope: 'netConfirm', keys: ['n', 'esc'], description: 'No, cancel', hint: 'no'},
	{id: 'quit', scope: 'netConfirm', keys: ['ctrl+c'], description: 'Quit dnet'},
];

export const NET_SCOPE_TITLES: Record<Extract<Scope, 'linkPicker' | 'choose' | 'links' | 'rename' | 'networks' | 'netConfirm'>, string> = {
	linkPicker: 'Link picker: review',
	choose: 'Choosing from a list (link source, container to connect)',
	links: 'Link graph',
	rename: 'Rename',
	networks: 'Networks view',
	netConfirm: 'Confirmation of a link, rename or network change',
};
