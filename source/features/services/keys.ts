/** Keys of the services view, a service's page and its port editor. */
import type {Binding} from '../../app/input/commands.js';
import {navigation} from '../../app/input/navigation.js';

export const SERVICES_OPEN_KEYS: readonly Binding[] = [
	{id: 'openServices', scope: 'list', keys: ['w'], description: 'Swarm services: their published ports, tasks and nodes', hint: 'services'},
];

export const SERVICES_KEYS: readonly Binding[] = [
	{id: 'back', scope: 'services', keys: ['esc', 'left'], description: 'Back to the list', hint: 'back'},
	...navigation('services', {move: 'service'}),
	{id: 'open', scope: 'services', keys: ['enter', 'right'], description: 'The service: ports, tasks and nodes, networks, update status', hint: 'open'},
	{id: 'editPorts', scope: 'services', keys: ['p'], description: 'Edit the published ports of the service (a rolling service update)', hint: 'edit ports', mutates: true},

	{id: 'back', scope: 'service', keys: ['esc', 'left'], description: 'Back to the services', hint: 'back'},
	{id: 'up', scope: 'service', keys: ['k', 'up'], description: 'Scroll up'},
	{id: 'down', scope: 'service', keys: ['j', 'down'], description: 'Scroll down', hint: 'scroll'},
	{id: 'editPorts', scope: 'service', keys: ['p'], description: 'Edit the published ports of this service', hint: 'edit ports', mutates: true},

	{id: 'up', scope: 'serviceEditor', keys: ['k', 'up'], description: 'Previous row'},
	{id: 'down', scope: 'serviceEditor', keys: ['j', 'down'], description: 'Next row', hint: 'move'},
	{id: 'rowEdit', scope: 'serviceEditor', keys: ['enter'], description: 'Edit the row in --publish syntax, short or long (on Apply: review)', hint: 'edit'},
	{id: 'rowAdd', scope: 'serviceEditor', keys: ['a'], description: 'Add a published port', hint: 'add'},
	{id: 'rowDelete', scope: 'serviceEditor', keys: ['x', 'delete'], description: 'Delete the published port', hint: 'delete'},
	{id: 'editorApply', scope: 'serviceEditor', keys: ['w'], description: 'Review the change (old -> new, the docker service update line)', hint: 'review'},
	{id: 'confirmYes', scope: 'serviceEditor', keys: ['y'], description: 'In the review: apply it as a service update', hint: 'apply', when: (s) => s.svcEditor?.stage === 'review'},
	{id: 'useSuggestion', scope: 'serviceEditor', keys: ['u'], description: 'In the review: use the suggested free ports', hint: 'use free port', when: (s) => s.svcEditor?.stage === 'review' && (s.svcEditor.conflicts ?? []).some((c) => c.suggestion !== null)},
	{id: 'editorCancel', scope: 'serviceEditor', keys: ['esc'], description: 'Back to editing from the review; else close the editor', hint: 'back'},
];
