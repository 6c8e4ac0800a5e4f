/**
 * State of the links and networks features (issue 5): the link picker (`l`), the link graph (`L`),
 * rename (`r`), the networks view (`N`), their text field purposes, the confirmation before each
 * mutation and the operations running in the background.
 */
import type {LinkPreview} from '../engine/links.js';
import type {NetworkInfo} from '../model/network.js';

/** What the shared text field (`FieldTarget` kind `net`) is typing. */
export type NetFieldPurpose = 'linkAlias' | 'rename' | 'networkName' | 'subnet' | 'connectAlias' | 'moveNetwork';

/** A change of links, names or networks, run by an effect once confirmed. */
export type NetOp =
	| {kind: 'addLink'; recipient: string; source: string; alias: string}
	| {kind: 'removeLink'; recipient: string; alias: string}
	| {kind: 'moveLink'; recipient: string; alias: string; network: string}
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
	picker: LinkPickerState | null;
	/** Index of the selected link in the graph view. */
	graphCursor: number;
	/** Networks (null until listed), their load error, the selected row of the view. */
	networks: NetworkInfo[] | null;
	networksError: string | null;
	networkCursor: number;
	/** Bumped to ask the effects for a fresh network list. */
	networksSeq: number;
	/** The container list of `c` (connect) is open. */
	choosing: boolean;
	draft: NetDraft | null;
	confirm: NetConfirm | null;
	ops: Array<{seq: number; op: NetOp}>;
	opSeq: number;
	/** What the last operation changed (shown in the graph and networks views). */
	result: string[] | null;
}

export function initialNetState(): NetState {
	return {
		picker: null,
		graphCursor: 0,
		networks: null,
		networksError: null,
		networkCursor: 0,
		networksSeq: 0,
		choosing: false,
		draft: null,
		confirm: null,
		ops: [],
		opSeq: 0,
		result: null,
	};
}
