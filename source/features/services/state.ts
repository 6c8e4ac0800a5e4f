/** State, actions and effects of the services view (`w`, `:services`) and the service port editor (issue 15). */
import type {ServicePort} from '../../model/swarm/types.js';
import type {ServiceConflict} from '../../operations/service-conflicts.js';
import type {ServiceProgress, SwarmLoad} from '../../operations/services.js';

export interface ServicesState {
	/** The last load: the swarm's services, tasks and nodes, or the engine's state when it is no manager. */
	load: SwarmLoad | null;
	error: string | null;
	selectedId: string | null;
	scrollTop: number;
	/** The service shown by Enter (screen `service`), by id. */
	shown: string | null;
	/** The first line of the shown service. */
	scroll: number;
	/** Network names by id (for the VIPs). */
	networkNames: Record<string, string>;
}

export const initialServicesState = (): ServicesState => ({load: null, error: null, selectedId: null, scrollTop: 0, shown: null, scroll: 0, networkNames: {}});

/** The port editor of one service: rows of `--publish` specs, a review, a service update. */
export interface ServiceEditorState {
	id: string;
	name: string;
	returnTo: 'services' | 'service';
	/** The ports the spec has now. */
	original: ServicePort[];
	rows: string[];
	/** 0..rows.length; rows.length is the Apply line. */
	cursor: number;
	stage: 'edit' | 'review' | 'applying';
	conflicts: ServiceConflict[] | null;
	conflictError: string | null;
	progress: ServiceProgress | null;
	/** The outcome of the last apply (kept while editing again), and its tone. */
	result: {tone: 'info' | 'error'; text: string} | null;
}

export type ServicesAction =
	| {type: 'services/loaded'; load: SwarmLoad; networkNames: Record<string, string>}
	| {type: 'services/failed'; message: string}
	| {type: 'swarm/event'}
	| {type: 'svcEditor/conflicts'; id: string; conflicts: ServiceConflict[]; error: string | null}
	| {type: 'svcEditor/progress'; id: string; progress: ServiceProgress}
	| {type: 'svcEditor/done'; id: string; ok: boolean; text: string};

export type ServicesEffect =
	| {kind: 'loadServices'}
	| {kind: 'checkServiceConflicts'; serviceId: string; ports: ServicePort[]}
	| {kind: 'changeServicePorts'; serviceId: string; name: string; ports: ServicePort[]};
