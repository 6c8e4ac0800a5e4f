/** Keys of the `:` command line. */
import type {Binding} from '../../app/input/commands.js';

export const PALETTE_OPEN_KEYS: readonly Binding[] = [
	{id: 'palette', scope: 'global', keys: [':'], description: 'Command line: :ports, :links, :networks, :containers, :all, :latest, :help, :quit'},
];

export const PALETTE_KEYS: readonly Binding[] = [
	{id: 'paletteRun', scope: 'palette', keys: ['enter'], description: 'Run the command', hint: 'run'},
	{id: 'paletteCancel', scope: 'palette', keys: ['esc'], description: 'Close the command line', hint: 'cancel'},
	{id: 'quit', scope: 'palette', keys: ['ctrl+c'], description: 'Quit dnet'},
];
