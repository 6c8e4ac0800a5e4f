/** Keys of the link picker (`l`): the sources list is the `choose` mode, the review is `linkPicker`. */
import type {Binding} from '../../app/input/commands.js';

export const LINK_PICKER_OPEN_KEYS: readonly Binding[] = [
	{id: 'openLinkPicker', scope: 'list', keys: ['l'], description: 'Link the container to another (--link): pick the source and alias, see the env and hosts it adds', hint: 'link', mutates: true},
	{id: 'openLinkPicker', scope: 'details', keys: ['l'], description: 'Link this container to another (--link)', hint: 'link', mutates: true},
];

export const LINK_PICKER_KEYS: readonly Binding[] = [
	{id: 'confirmYes', scope: 'linkPicker', keys: ['y'], description: 'Add the link: recreate the recipient with it (the original is kept until it works)', hint: 'apply'},
	{id: 'editAlias', scope: 'linkPicker', keys: ['e', 'enter'], description: 'Edit the alias (default: the source name)', hint: 'alias'},
	{id: 'confirmNo', scope: 'linkPicker', keys: ['n', 'esc'], description: 'Back to the list of sources', hint: 'back'},
];
