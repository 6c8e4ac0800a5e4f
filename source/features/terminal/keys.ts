/** Keys of the terminal feature: suspend (every screen) and copy (where there is one thing to copy). */
import type {Binding, Scope} from '../../app/input/commands.js';

/**
 * The panels and fields open over a screen take the keyboard from it (no global keys there): Ctrl+Z
 * suspends there too. Not while a change is applied (`busy`): the change would wait in the shell.
 */
export const SUSPEND_OVER: readonly Scope[] = ['filter', 'palette', 'field', 'confirm', 'backup', 'message', 'netConfirm', 'choose', 'review', 'discard', 'picker'];

export const TERMINAL_KEYS: readonly Binding[] = [
	{id: 'suspend', scope: 'global', keys: ['ctrl+z'], description: 'Suspend dnet (back to the shell; fg brings it back)'},
	...SUSPEND_OVER.map((scope): Binding => ({id: 'suspend', scope, keys: ['ctrl+z'], description: 'Suspend dnet (fg brings it back)'})),
	{id: 'copy', scope: 'list', keys: ['y'], description: 'Copy the container name to the clipboard (OSC 52: works over SSH and in tmux)'},
	{id: 'copy', scope: 'details', keys: ['y'], description: 'Copy the first published address (host:port), else the name, to the clipboard'},
	{id: 'copy', scope: 'ports', keys: ['y'], description: 'Copy the binding\'s address (host:port) to the clipboard'},
	{id: 'copy', scope: 'review', keys: ['Y'], description: 'Copy the docker run line to the clipboard'},
];
