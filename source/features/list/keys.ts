/** Keys of the container list and of its `/` filter field. */
import type {Binding} from '../../app/input/commands.js';
import {navigation} from '../../app/input/navigation.js';

export const LIST_KEYS: readonly Binding[] = [
	...navigation('list', {move: 'container'}),
	{id: 'open', scope: 'list', keys: ['enter'], description: 'Details of the selected container', hint: 'details'},
	{id: 'toggleAll', scope: 'list', keys: ['a'], description: 'Show all containers or running only (docker ps -a)', hint: 'all'},
	{id: 'filter', scope: 'list', keys: ['/'], description: 'Filter by name, image or port number', hint: 'filter'},
	{id: 'clearFilter', scope: 'list', keys: ['esc'], description: 'Clear the filter'},
	{id: 'cycleSort', scope: 'list', keys: ['o'], description: 'Sort by name, created (newest first) or status'},
	{id: 'latest', scope: 'list', keys: ['t'], description: 'Jump to the latest created container (docker ps -l)'},
];

export const FILTER_KEYS: readonly Binding[] = [
	{id: 'filterAccept', scope: 'filter', keys: ['enter'], description: 'Keep the filter and return to the list', hint: 'apply'},
	{id: 'filterCancel', scope: 'filter', keys: ['esc'], description: 'Clear the filter', hint: 'cancel'},
	{id: 'quit', scope: 'filter', keys: ['ctrl+c'], description: 'Quit dnet'},
];
