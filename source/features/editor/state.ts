/**
 * State of the port editor (`p`), the new-container form (`n`), the text field they share, the
 * recreates running in the background and the offer to restore a backup left by a crash.
 */
import type {RecreateBackup} from '../engine/recreate/index.js';
import type {Link, PortMap} from '../model/container.js';
import type {EngineBinding} from '../model/ports/index.js';
import type {NetFieldPurpose} from './net-state.js';

/** What the one-line text field is editing. */
export type FieldTarget =
	| {kind: 'port'; index: number}
	| {kind: 'image'}
	| {kind: 'name'}
	| {kind: 'command'}
	| {kind: 'alias'; source: string}
	| {kind: 'net'; purpose: NetFieldPurpose};

/** The text field open on the editor or the form (null when none is). */
export interface FieldState {
	target: FieldTarget;
	text: string;
	/** The row was added with `a` (Esc removes it again). */
	added: boolean;
}

/** A host-port conflict found before applying, with the next free host port when one was found. */
export interface ConflictNote {
	message: string;
	/** The row (index into the editor's rows) that asked for the port, when known. */
	row: number | null;
	hostPort: number;
	suggestion: number | null;
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
	conflicts: ConflictNote[] | null;
	/** The conflict check itself failed (the transaction checks again). */
	conflictError: string | null;
}

/** A recreate asked for from the editor, run by an effect while the UI goes on. */
export interface RecreateRequest {
	seq: number;
	id: string;
	name: string;
	bindings: Record<string, EngineBinding[]>;
	/** Ports to add to `ExposedPorts` (the ones the rows name). */
	exposed: string[];
	publishAll: boolean;
}

/** One item of the new-container form, top to bottom. */
export type FormItem =
	| {kind: 'image'}
	| {kind: 'name'}
	| {kind: 'command'}
	| {kind: 'port'; index: number}
	| {kind: 'publishAll'}
	| {kind: 'autoRemove'}
	| {kind: 'link'; source: string}
	| {kind: 'create'};

export interface FormState {
	image: string;
	name: string;
	command: string;
	rows: string[];
	publishAll: boolean;
	autoRemove: boolean;
	/** Selected links: source container and alias. */
	links: Link[];
	cursor: number;
	/** Local `repo:tag` names; null until listed. */
	images: string[] | null;
	imagesError: string | null;
	/** The image picker (ink-select-input) is open. */
	picking: boolean;
	stage: 'edit' | 'discard' | 'creating';
	/** The engine's answer to the last create/start, or why the form cannot be sent. */
	error: string | null;
	/** Bumped when Create is pressed on a valid form: the effect creates and starts. */
	createSeq: number;
}

/** Backups of interrupted recreates, offered one at a time. */
export interface BackupOffer {
	backups: RecreateBackup[];
	/** What the effect is doing with the first one. */
	running: 'restore' | 'discard' | null;
}
