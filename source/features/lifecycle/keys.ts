/** Keys of start, stop, restart and remove (list and details), marks, and the confirmation. */
import type {Binding} from '../../app/input/commands.js';

export const LIFECYCLE_LIST_KEYS: readonly Binding[] = [
	{id: 'start', scope: 'list', keys: ['s'], description: 'Start the container (docker start)', mutates: true},
	{id: 'stop', scope: 'list', keys: ['S'], description: 'Stop the container, after confirming (docker stop)', hint: 'stop', mutates: true},
	{id: 'restart', scope: 'list', keys: ['R'], description: 'Restart the container (docker restart)', mutates: true},
	{id: 'remove', scope: 'list', keys: ['d', 'delete'], description: 'Remove the container, after confirming (docker rm, rm -f if running)', mutates: true},
	{id: 'mark', scope: 'list', keys: ['space'], description: 'Mark or unmark the container; actions apply to all marked'},
	{id: 'markAll', scope: 'list', keys: ['ctrl+a'], description: 'Mark every shown container, or clear the marks'},
];

export const LIFECYCLE_DETAILS_KEYS: readonly Binding[] = [
	{id: 'start', scope: 'details', keys: ['s'], description: 'Start the container', mutates: true},
	{id: 'stop', scope: 'details', keys: ['S'], description: 'Stop the container, after confirming', mutates: true},
	{id: 'restart', scope: 'details', keys: ['R'], description: 'Restart the container', mutates: true},
	{id: 'remove', scope: 'details', keys: ['d', 'delete'], description: 'Remove the container, after confirming', mutates: true},
];

export const CONFIRM_KEYS: readonly Binding[] = [
	{id: 'confirmYes', scope: 'confirm', keys: ['y', 'enter'], description: 'Yes, do it', hint: 'yes'},
	{id: 'confirmNo', scope: 'confirm', keys: ['n', 'esc'], description: 'No, cancel', hint: 'no'},
	{id: 'toggleVolumes', scope: 'confirm', keys: ['v'], description: 'Remove: also remove anonymous volumes (docker rm -v)'},
	{id: 'quit', scope: 'confirm', keys: ['ctrl+c'], description: 'Quit dnet'},
];
