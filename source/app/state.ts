/**
 * The whole app state: engine data, connection, what the user is looking at, each feature's part,
 * and the queue of effect requests the reducers made (ARCHITECTURE.md, "Effects as data").
 */
import type {ContainerDetails, ContainerSummary, EngineInfo} from '../model/container.js';
import type {StatusAge} from '../model/status-age.js';
import type {BackupOffer} from '../features/backup/state.js';
import type {ContextsState} from '../features/contexts/state.js';
import type {DoctorState} from '../features/doctor/state.js';
import {initialServicesState, type ServiceEditorState, type ServicesState} from '../features/services/state.js';
import type {EditorState, RecreateRequest} from '../features/editor/state.js';
import type {FormState} from '../features/form/state.js';
import type {Confirm, Job} from '../features/lifecycle/state.js';
import {initialNetState, type NetState} from '../features/net-ops/state.js';
import {initialPortsState, type PortsState} from '../features/ports/state.js';
import type {EffectRequest} from './effects.js';
import type {FieldState} from './input/text-field.js';

export type Screen = 'list' | 'details' | 'help' | 'ports' | 'editor' | 'new' | 'linkPicker' | 'links' | 'networks' | 'rename' | 'doctor' | 'contexts' | 'services' | 'service' | 'serviceEditor';

/** List order: by name (default), newest first, or running first. */
export type SortKey = 'name' | 'created' | 'status';

/** One line for the footer: an engine error, or why a key was refused. */
export interface Notice {
	tone: 'error' | 'info';
	/** One line, the cause first. */
	text: string;
	/** The engine's whole words, in their own order, when they differ from `text` (shown by `!`). */
	detail?: string;
}

export type ConnectionState =
	| {status: 'connecting'; attempt: number}
	| {status: 'connected'}
	| {status: 'disconnected'; message: string; hint?: string; retryInMs: number; attempt: number; retryAt?: number};

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
	/**
	 * The list holds the running containers only: the first frame draws them while the whole list
	 * is still being read (ARCHITECTURE.md, "The first frame"); the total is unknown until it comes.
	 */
	runningOnly: boolean;
	/** When the list was last read from the engine (dnet's clock, ms); null before the first read. */
	lastSync: number | null;
	/** What the reads so far tell of each container's status clock, by id (`model/status-age.ts`). */
	ages: Record<string, StatusAge>;
	screen: Screen;
	/** The screen `help` returns to. */
	returnTo: Exclude<Screen, 'help'>;
	/** `a`: show stopped containers too, like `docker ps -a`. */
	showAll: boolean;
	/** The `/` filter (kept while the field is open too: the list filters as you type). */
	filter: string;
	/** The selected container's id: the cursor follows the container, not a row number. */
	selectedId: string | null;
	/**
	 * A name the cursor goes to as soon as a row shows it: the container being recreated (a new
	 * id under the same name) or just created. Cleared when the user moves the cursor.
	 */
	follow: string | null;
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
	notice: Notice | null;
	/** A notice shown whole in a panel (`!`: the footer had to cut it), or null. */
	message: Notice | null;
	ports: PortsState;
	/** The help screen's scroll position, and how far it can go (reported by the view). */
	help: {scroll: number; maxScroll: number};
	/** The port editor (`p`), or null. */
	editor: EditorState | null;
	/** The new-container form (`n`), or null. */
	form: FormState | null;
	/** The one open text field (filter, command line, editor and form fields, names…), or null. */
	field: FieldState | null;
	/** Recreates asked for from the editor and not yet finished. */
	recreates: RecreateRequest[];
	/** Backups of interrupted recreates, offered for restore on start; null when none. */
	backupOffer: BackupOffer | null;
	/** True once backups were looked for (on the first connection). */
	backupsChecked: boolean;
	/** Links, rename and networks (`l`, `L`, `r`, `N`). */
	net: NetState;
	/** The port doctor (`D`), or null. */
	doctor: DoctorState | null;
	/** The context switcher (`c`, `:ctx`), or null. */
	contexts: ContextsState | null;
	/** Swarm services (`w`, `:services`) and a service's page. */
	services: ServicesState;
	/** The port editor of a service (`p` in the services view), or null. */
	svcEditor: ServiceEditorState | null;
	/** Effect requests made by the reducers, drained by the store after each dispatch. */
	effects: EffectRequest[];
	/** The id the next effect request gets. */
	nextEffectId: number;
}

export function initialState(endpoint: string, size = {columns: 80, rows: 24}, readOnly = false): State {
	return {
		endpoint,
		info: null,
		connection: {status: 'connecting', attempt: 0},
		containers: [],
		loaded: false,
		runningOnly: false,
		lastSync: null,
		ages: {},
		screen: 'list',
		returnTo: 'list',
		showAll: false,
		filter: '',
		selectedId: null,
		follow: null,
		scrollTop: 0,
		size,
		details: null,
		quitting: false,
		readOnly,
		sort: 'name',
		marked: [],
		confirm: null,
		jobs: [],
		notice: null,
		message: null,
		ports: initialPortsState(),
		help: {scroll: 0, maxScroll: 0},
		editor: null,
		form: null,
		field: null,
		recreates: [],
		backupOffer: null,
		backupsChecked: false,
		net: initialNetState(),
		doctor: null,
		contexts: null,
		services: initialServicesState(),
		svcEditor: null,
		effects: [],
		nextEffectId: 1,
	};
}
