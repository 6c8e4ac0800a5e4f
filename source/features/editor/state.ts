/** State, actions and effects of the port editor (`p`) and the recreates it starts. */
import type {ContainerDetails, Link, NetworkAttachment, PortMap} from '../../model/container.js';
import type {EngineBinding} from '../../model/ports/index.js';
import type {ConflictNote} from '../../operations/port-conflicts.js';

/** A host-port conflict found before applying, and the editor row that asked for the port. */
export interface EditorConflict extends ConflictNote {
	row: number | null;
}

/** What the container had when the editor opened. */
export interface EditorOriginal {
	image: string;
	autoRemove: boolean;
	running: boolean;
	links: Link[];
	exposed: string[];
	/** What was asked for (`HostConfig.PortBindings`). */
	bindings: PortMap;
	/** What the engine bound (`NetworkSettings.Ports`; empty when not running). */
	live: PortMap;
	networks: NetworkAttachment[];
	specs: string[];
	publishAll: boolean;
}

export interface EditorState {
	id: string;
	name: string;
	/** Where the editor was opened from, and goes back to. */
	origin: 'list' | 'details';
	original: EditorOriginal | null;
	/** The fingerprint of the raw inspect the rows were made from: the apply refuses a container changed since (null until loaded). */
	fingerprint: string | null;
	/** Why the container could not be loaded. */
	error: string | null;
	rows: string[];
	publishAll: boolean;
	/** 0..rows.length; rows.length is the "Apply" line. */
	cursor: number;
	/**
	 * `discard`: Esc (or q) with unsaved changes asks first; `review`: the change before `y`;
	 * `applying`: the recreate runs, the editor stays until it is done.
	 */
	stage: 'edit' | 'discard' | 'review' | 'applying';
	/** What the discard question leads to: close the editor, or quit dnet. */
	discardThen: 'close' | 'quit';
	/** Why the last apply failed (the edits are kept). */
	applyError: string | null;
	/** Conflicts of the reviewed change: null while checking. */
	conflicts: EditorConflict[] | null;
	/** The conflict check itself failed (the transaction checks again). */
	conflictError: string | null;
}

/** A recreate asked for from the editor, run by an effect while the UI goes on; `id` is the effect's. */
export interface RecreateRequest {
	id: number;
	containerId: string;
	name: string;
	bindings: Record<string, EngineBinding[]>;
	/** Ports to add to `ExposedPorts` (the ones the rows name). */
	exposed: string[];
	publishAll: boolean;
	/** What the user reviewed (`EditorState.fingerprint`): the transaction refuses a container changed since. */
	fingerprint: string | null;
}

export type EditorAction =
	| {type: 'editor/loaded'; id: string; details: ContainerDetails; fingerprint: string}
	| {type: 'editor/failed'; id: string; message: string}
	| {type: 'editor/conflicts'; id: string; conflicts: ConflictNote[]; error: string | null}
	| {type: 'recreate/done'; id: number; ok: boolean; text: string; full?: string};

export type EditorEffect =
	| {kind: 'loadEditor'; containerId: string}
	| {kind: 'checkConflicts'; containerId: string; bindings: Record<string, EngineBinding[]>}
	| {kind: 'recreatePorts'; request: Omit<RecreateRequest, 'id'>};
