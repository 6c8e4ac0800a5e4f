/**
 * State shared by the links and networks features (link picker `l`, link graph `L`, rename `r`,
 * networks view `N`): the operations they run, the confirmation before each, the networks list and
 * the flows of several steps.
 */
import type {NetworkInfo} from '../../model/network.js';
import type {LinkPreview} from '../../operations/links.js';

/** A change of links, names or networks, run by an effect once confirmed. */
export type NetOp =
	/** `reviewed`: the preview's (`LinkPreview.reviewed`): a recipient changed since is refused. */
	| {kind: 'addLink'; recipient: string; source: string; alias: string; reviewed: string | null}
	/** `reviewed`: the recipient as the confirmation was shown (its raw inspect's fingerprint, read then; null until read). */
	| {kind: 'removeLink'; recipient: string; alias: string; reviewed: string | null}
	| {kind: 'moveLink'; recipient: string; alias: string; network: string; reviewed: string | null}
	| {kind: 'rename'; id: string; from: string; to: string}
	| {kind: 'connect'; network: string; container: string; aliases: string[]}
	| {kind: 'disconnect'; network: string; container: string}
	| {kind: 'createNetwork'; name: string; subnet: string}
	| {kind: 'removeNetwork'; name: string};

/** The question before an operation: what it does, line by line. */
export interface NetConfirm {
	title: string;
	lines: string[];
	op: NetOp;
}

/** The link picker: choose a source, then review the alias and what the recipient will see. */
export interface LinkPickerState {
	recipient: {id: string; name: string};
	stage: 'pick' | 'review';
	/** The highlighted source while picking. */
	cursor: number;
	source: string | null;
	alias: string;
	/** The preview of `source:alias` (its key says which), or why the link is refused. */
	preview: LinkPreview | null;
	previewError: string | null;
	previewKey: string | null;
}

/** A flow of several steps in the networks view or the graph, waiting for its next input. */
export type NetDraft =
	| {kind: 'create'; name: string}
	| {kind: 'connect'; network: string; container: string | null}
	| {kind: 'move'; recipient: string; alias: string; source: string};

export interface NetState {
	/** Where the picker or rename was opened from, and goes back to. */
	origin: 'list' | 'details';
	picker: LinkPickerState | null;
	/** Index of the selected link in the graph view. */
	graphCursor: number;
	/** Networks (null until listed), their load error, the selected row of the view. */
	networks: NetworkInfo[] | null;
	networksError: string | null;
	networkCursor: number;
	/** The container list of `c` (connect) is open, with its cursor; null when closed. */
	choosing: number | null;
	draft: NetDraft | null;
	confirm: NetConfirm | null;
	/** Operations running, by effect id. */
	ops: Array<{id: number; op: NetOp}>;
	/** What the last operation changed (shown in the graph and networks views). */
	result: string[] | null;
}

export function initialNetState(): NetState {
	return {
		origin: 'list',
		picker: null,
		graphCursor: 0,
		networks: null,
		networksError: null,
		networkCursor: 0,
		choosing: null,
		draft: null,
		confirm: null,
		ops: [],
		result: null,
	};
}

export type NetAction =
	/** The link picker's source was picked (Enter on it). */
	| {type: 'net/pickSource'; source: string}
	/** The container to connect was picked (Enter on it). */
	| {type: 'net/chooseContainer'; container: string}
	| {type: 'net/preview'; key: string; preview: LinkPreview | null; error: string | null}
	| {type: 'net/networks'; networks: NetworkInfo[] | null; error: string | null}
	| {type: 'net/opDone'; id: number; ok: boolean; text: string; full?: string; lines: string[]}
	/** The recipient of the confirmation on screen, as read when it was shown. */
	| {type: 'net/reviewed'; recipient: string; fingerprint: string};

export type NetEffect =
	| {kind: 'previewLink'; recipient: string; source: string; alias: string}
	| {kind: 'loadNetworks'}
	| {kind: 'netOp'; op: NetOp}
	| {kind: 'reviewRecipient'; recipient: string};
