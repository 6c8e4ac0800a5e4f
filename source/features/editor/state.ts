/** State, actions and effects of the port editor (`p`) and the recreates it starts. */
import type {ContainerDetails, Link, PortMap} from '../../model/container.js';
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
	bindings: PortMap;
	specs: string[];
	publishAll: boolean;
}

export interface EditorState {
	id: string;
	name: string;
	original: EditorOriginal | null;
	/** Why the container could not be loaded. */
	error: string | null;
	rows: string[];
	publishAll: boolean;
	/** 0..rows.length; rows.length is the "Apply" line. */
	cursor: number;
	/** `discard`: Esc with unsaved changes asks first; `review`: the change before `y`. */
	stage: 'edit' | 'discard' | 'review';
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
}

export type EditorAction =
	| {type: 'editor/loaded'; id: string; details: ContainerDetails}
	| {type: 'editor/failed'; id: string; message: string}
	| {type: 'editor/conflicts'; id: string; conflicts: ConflictNote[]; error: string | null}
	| {type: 'recreate/done'; id: number; ok: boolean; text: string};

export type EditorEffect =
	| {kind: 'loadEditor'; containerId: string}
	| {kind: 'checkConflicts'; containerId: string; bindings: Record<string, EngineBinding[]>}
	| {kind: 'recreatePorts'; request: Omit<RecreateRequest, 'id'>};
