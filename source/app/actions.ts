/** Every way the state can change: a tagged union, handled exhaustively by the reducer. */
import type {ContainerDetails, ContainerSummary, EngineInfo} from '../model/container.js';
import type {BackupAction} from '../features/backup/state.js';
import type {ContextsAction} from '../features/contexts/state.js';
import type {DoctorAction} from '../features/doctor/state.js';
import type {ServicesAction} from '../features/services/state.js';
import type {EditorAction} from '../features/editor/state.js';
import type {FormAction} from '../features/form/state.js';
import type {LifecycleAction} from '../features/lifecycle/state.js';
import type {NetAction} from '../features/net-ops/state.js';
import type {PortsAction} from '../features/ports/state.js';
import type {CommandId, KeyName} from './input/commands.js';

export type Action =
	/** Keys as typed, in order: the reducer routes each through the mode model. */
	| {type: 'keys'; keys: KeyName[]}
	/** A command, as if its key was pressed in the current mode. */
	| {type: 'command'; id: CommandId}
	/** Replaces the open text field's text (a paste); ignored when no field is open. */
	| {type: 'field/set'; text: string}
	/** Sets the `/` filter (and the filter field's text when it is open). */
	| {type: 'filter/set'; text: string}
	/** Moves the list's cursor to this container. */
	| {type: 'select'; id: string}
	| {type: 'resize'; columns: number; rows: number}
	| {type: 'engine/connecting'; attempt: number}
	| {type: 'engine/connected'; info: EngineInfo}
	| {type: 'engine/disconnected'; message: string; hint?: string; retryInMs: number; attempt: number; at?: number}
	/** An event of the engine's stream concerning this container (the list is refreshed by `live.ts`). */
	| {type: 'engine/event'; containerId: string; /** The engine's action (`start`, `exec_create`…). */ action?: string}
	/** The list, read at `at` (dnet's clock, ms): the statuses' times are read relative to it. */
	/** `runningOnly`: only the running containers were read (the first frame's list). */
	| {type: 'containers/loaded'; containers: ContainerSummary[]; at?: number; runningOnly?: boolean}
	/** Some containers read again at `at` (the ones an event named): their rows replaced, `removed` ones gone. */
	| {type: 'containers/patched'; containers: ContainerSummary[]; removed: string[]; at: number}
	/** Exact starts of status clocks (the engine's `StartedAt`/`FinishedAt`), for statuses read too coarsely. */
	| {type: 'containers/times'; times: Array<{id: string; status: string; exact: number}>}
	| {type: 'details/loaded'; id: string; data: ContainerDetails}
	| {type: 'details/failed'; id: string; message: string; gone: boolean}
	| {type: 'help/layout'; maxScroll: number}
	| LifecycleAction
	| PortsAction
	| EditorAction
	| FormAction
	| BackupAction
	| NetAction
	| DoctorAction
	| ContextsAction
	| ServicesAction;

export type Dispatch = (action: Action) => void;
