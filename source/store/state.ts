/** The whole app state: engine data, connection, and what the user is looking at. */
import type {ContainerDetails, ContainerSummary, EngineInfo} from '../model/container.js';

export type Screen = 'list' | 'details' | 'help';

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
}

export function initialState(endpoint: string, size = {columns: 80, rows: 24}): State {
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
	};
}
