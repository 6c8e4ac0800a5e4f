/** Keys of rename (`r`). */
import type {Binding} from '../../app/input/commands.js';

export const RENAME_OPEN_KEYS: readonly Binding[] = [
	{id: 'rename', scope: 'list', keys: ['r'], description: 'Rename the container (docker rename); links to it follow', mutates: true},
	{id: 'rename', scope: 'details', keys: ['r'], description: 'Rename this container', mutates: true},
];

export const RENAME_KEYS: readonly Binding[] = [{id: 'back', scope: 'rename', keys: ['esc'], description: 'Back to the list'}];
