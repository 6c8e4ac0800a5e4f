/** Keys of the port doctor: `D` on a container or a binding, and the diagnosis screen's own. */
import type {Binding} from '../../app/input/commands.js';

export const DOCTOR_OPEN_KEYS: readonly Binding[] = [
	{id: 'diagnose', scope: 'list', keys: ['D'], description: 'Port doctor: why a published port does not answer'},
	{id: 'diagnose', scope: 'details', keys: ['D'], description: 'Port doctor for this container'},
	{id: 'diagnose', scope: 'ports', keys: ['D'], description: 'Port doctor for the binding under the cursor', hint: 'doctor'},
];

export const DOCTOR_KEYS: readonly Binding[] = [
	{id: 'back', scope: 'doctor', keys: ['esc'], description: 'Back to where D was pressed', hint: 'back'},
	{id: 'diagnose', scope: 'doctor', keys: ['D', 'g'], description: 'Diagnose again', hint: 'again'},
	{id: 'up', scope: 'doctor', keys: ['up', 'k'], description: 'Scroll up'},
	{id: 'down', scope: 'doctor', keys: ['down', 'j'], description: 'Scroll down'},
];
