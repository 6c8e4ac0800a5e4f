/** Keys of the networks view (`N`, `:networks`). */
import type {Binding} from '../../app/input/commands.js';
import {navigation} from '../../app/input/navigation.js';

export const NETWORKS_OPEN_KEYS: readonly Binding[] = [
	{id: 'openNetworks', scope: 'list', keys: ['N'], description: 'Networks: driver, subnet, gateway, containers with their IPs and aliases', hint: 'networks'},
	{id: 'openNetworks', scope: 'links', keys: ['N'], description: 'Networks view', hint: 'networks'},
];

export const NETWORKS_KEYS: readonly Binding[] = [
	{id: 'back', scope: 'networks', keys: ['esc', 'left'], description: 'Back to the list', hint: 'back'},
	...navigation('networks', {move: 'row'}),
	{id: 'connectNetwork', scope: 'networks', keys: ['c'], description: 'Connect a container to the network, with aliases (docker network connect --alias)', hint: 'connect', mutates: true},
	{id: 'disconnectNetwork', scope: 'networks', keys: ['d'], description: 'Disconnect the selected container from its network, after confirming', hint: 'disconnect', mutates: true},
	{id: 'createNetwork', scope: 'networks', keys: ['n'], description: 'Create a network: name, then subnet (empty: the engine picks)', hint: 'new', mutates: true},
	{id: 'removeNetwork', scope: 'networks', keys: ['x', 'delete'], description: 'Remove the network, after confirming (docker network rm)', hint: 'remove', mutates: true},
];
