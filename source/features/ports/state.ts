/** State, actions and effects of the ports view: every binding of every container, probes. */
import type {BindingRow} from '../../model/bindings.js';
import type {ContainerSummary} from '../../model/container.js';
import type {ProbeResult} from '../../engine/probe.js';

/** A probe of one binding: running, its result, or why it was not probed. */
export type ProbeState = {status: 'probing'} | {status: 'not-probed'; reason: string} | ProbeResult;

export interface PortsState {
	rows: BindingRow[];
	/** The view's own `/` filter (who holds a port), apart from the list's. */
	filter: string;
	loaded: boolean;
	error: string | null;
	selectedKey: string | null;
	scrollTop: number;
	probes: Record<string, ProbeState>;
}

export const initialPortsState = (): PortsState => ({rows: [], filter: '', loaded: false, error: null, selectedKey: null, scrollTop: 0, probes: {}});

export type PortsAction =
	| {type: 'ports/loaded'; rows: BindingRow[]}
	| {type: 'ports/failed'; message: string}
	| {type: 'probe/done'; key: string; result: ProbeResult};

export type PortsEffect =
	| {kind: 'loadBindings'; containers: ContainerSummary[]}
	| {kind: 'probe'; key: string; hostIp: string; hostPort: number};
