/** Every way the state can change: a tagged union, handled exhaustively by the reducer. */
import type {ProbeResult} from '../engine/probe.js';
import type {BindingRow} from '../model/bindings.js';
import type {ContainerDetails, ContainerSummary, EngineInfo} from '../model/container.js';
import type {CommandId} from './commands.js';
import type {EditorAction} from './editor-actions.js';
import type {NetAction} from './net-actions.js';

export type Action =
	| {type: 'command'; id: CommandId}
	| {type: 'filter/set'; text: string}
	| {type: 'resize'; columns: number; rows: number}
	| {type: 'select'; id: string}
	| {type: 'engine/connecting'; attempt: number}
	| {type: 'engine/connected'; info: EngineInfo}
	| {type: 'engine/disconnected'; message: string; hint?: string; retryInMs: number; attempt: number}
	| {type: 'containers/loaded'; containers: ContainerSummary[]}
	| {type: 'details/loaded'; id: string; data: ContainerDetails}
	| {type: 'details/failed'; id: string; message: string; gone: boolean}
	| {type: 'job/done'; seq: number; errors: string[]}
	| {type: 'confirm/autoRemove'; names: string[]}
	| {type: 'ports/loaded'; rows: BindingRow[]}
	| {type: 'ports/failed'; message: string}
	| {type: 'probe/done'; key: string; result: ProbeResult}
	| {type: 'palette/set'; text: string}
	| {type: 'help/layout'; maxScroll: number}
	| EditorAction
	| NetAction;
