/** Keys of the ports view (and `P` on the list). */
import type {Binding} from '../../app/input/commands.js';
import {navigation} from '../../app/input/navigation.js';

export const PORTS_LIST_KEYS: readonly Binding[] = [
	{id: 'openPorts', scope: 'list', keys: ['P'], description: 'Ports view: every binding of every container', hint: 'ports'},
];

export const PORTS_KEYS: readonly Binding[] = [
	{id: 'back', scope: 'ports', keys: ['esc', 'left'], description: 'Clear the filter, or back to the list', hint: 'back'},
	...navigation('ports', {move: 'binding'}),
	{id: 'probe', scope: 'ports', keys: ['enter'], description: 'Probe the binding: connect to it from this machine (TCP, 1 s timeout)', hint: 'probe'},
	{id: 'filter', scope: 'ports', keys: ['/'], description: 'Find who holds a port: port number, name or address', hint: 'find'},
];
