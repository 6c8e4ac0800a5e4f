/** The whole app state: engine data, connection, and what the user is looking at. */
import type {ProbeResult} from '../engine/probe.js';
import type {BindingRow} from '../model/bindings.js';
import type {ContainerDetails, ContainerSummary, EngineInfo} from '../model/container.js';
import type {BackupOffer, EditorState, FieldState, FormState, RecreateRequest} from './editor-state.js';
import {initialNetState, type NetState} from './net-state.js';

export type Screen = 'list' | 'details' | 'help' | 'ports' | 'editor' | 'new' | 'linkPicker' | 'links' | 'networks' | 'rename';

/** A probe of one binding: running, its result, or why it was not probed. */
export type ProbeState = {status: 'probing'} | {status: 'not-probed'; reason: string} | ProbeResult;

/** The ports view: every binding of every container. */
export interface PortsState {
	rows: BindingRow[];
	loaded: boolean;
	error: string | null;
	selectedKey: string | null;
	scrollTop: number;
	probes: Record<string, ProbeState>;
}

/** List order: by name (default), newest first, or running first. */
export type SortKey = 'name' | 'created' | 'status';

/** Lifecycle operations on containers, as the docker CLI names them. */
export type JobKind = 'start' | 'stop' | 'restart' | 'remove';

/** A lifecycle operation the user asked for; effects run it and report back. */
export interface Job {
	seq: number;
	kind: JobKind;
	/** Containers, by id, with the name each had when asked (for messages). */
	targets: Array<{id: string; name: string; running: boolean}>;
	/** `remove`: also remove anonymous volumes (`docker rm -v`). */
	removeVolumes: boolean;
}

/** A question waiting for y/n before a stop or remove. */
export interface Confirm {
	kind: 'stop' | 'remove';
	targets: Job['targets'];
	/** Names of targets run with `--rm` (a stop removes them); null until known. */
	autoRemove: string[] | null;
	removeVolumes: boolean;
}

/** One line for the footer: an engine error, or why a key was refused. */
export interface Notice {
	tone: 'error' | 'info';
	text: string;
}

export type ConnectionState =
	| {status: 'connecting'; attempt: number}
	| {status: 'connected'}
	| {status: 'disconnected'; message: string; hint?: string; retryInMs: number; attempt: number};

export interface DetailsState {
	id: string;
	/** The name it was opened under, shown while loading and after removal. */
	name: string;
	data: ContainerDetails | null;
	error: string | null;
	/** True when the container was removed while shown. */
	gone: boolean;
	scroll: number;
}

export interface State {
	endpoint: string;
	info: EngineInfo | null;
	connection: ConnectionState;
	/** Every container (the list is always fetched with `all`); sorted by name. */
	containers: ContainerSummary[];
	/** True once the first list arrived. */
	loaded: boolean;
	screen: Screen;
	/** The screen `help` returns to. */
	returnTo: Exclude<Screen, 'help'>;
	/** `a`: show stopped containers too, like `docker ps -a`. */
	showAll: boolean;
	filter: string;
	filterEditing: boolean;
	/** The selected container's id: the cursor follows the container, not a row number. */
	selectedId: string | null;
	/** Index of the first visible row of the list. */
	scrollTop: number;
	size: {columns: number; rows: number};
	details: DetailsState | null;
	/** Set by `quit`: the UI unmounts. */
	quitting: boolean;
	/** `--read-only`: every mutating command is hidden and refused. */
	readOnly: boolean;
	sort: SortKey;
	/** Ids marked with space; actions apply to them (else to the selected row). */
	marked: string[];
	confirm: Confirm | null;
	/** Lifecycle jobs asked for and not yet finished, oldest first. */
	jobs: Job[];
	/** Sequence number of the last job created. */
	jobSeq: number;
	notice: Notice | null;
	ports: PortsState;
	/** The `:` command line being typed, or null. */
	palette: string | null;
	/** The help screen's scroll position, and how far it can go (reported by the view). */
	help: {scroll: number; maxScroll: number};
	/** The port editor (`p`), or null. */
	editor: EditorState | null;
	/** The new-container form (`n`), or null. */
	form: FormState | null;
	/** The text field open in the editor or the form, or null. */
	field: FieldState | null;
	/** Recreates asked for from the editor and not yet finished. */
	recreates: RecreateRequest[];
	recreateSeq: number;
	/** Backups of interrupted recreates, offered for restore on start; null when none. */
	backupOffer: BackupOffer | null;
	/** Links, rename and networks (`l`, `L`, `r`, `N`). */
	net: NetState;
}

export function initialState(endpoint: string, size = {columns: 80, rows: 24}, readOnly = false): State {
	return {
		endpoint,
		info: null,
		connection: {status: 'connecting', attempt: 0},
		containers: [],
		loaded: false,
		screen: 'list',
		returnTo: 'list',
		showAll: false,
		filter: '',
		filterEditing: false,
		selectedId: null,
		scrollTop: 0,
		size,
		details: null,
		quitting: false,
		readOnly,
		sort: 'name',
		marked: [],
		confirm: null,
		jobs: [],
		jobSeq: 0,
		notice: null,
		ports: {rows: [], loaded: false, error: null, selectedKey: null, scrollTop: 0, probes: {}},
		palette: null,
		help: {scroll: 0, maxScroll: 0},
		editor: null,
		form: null,
		field: null,
		recreates: [],
		recreateSeq: 0,
		backupOffer: null,
		net: initialNetState(),
	};
}
