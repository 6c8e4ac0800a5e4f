/** State, actions and effects of the port doctor (`D`, issue 16; ARCHITECTURE.md, "How to add a feature"). */
import type {Protocol} from '../../model/container.js';
import type {Diagnosis} from '../../model/doctor/facts.js';

export interface DoctorState {
	/** The container diagnosed (its name as the list shows it). */
	name: string;
	/** The one port asked for (`D` on a binding), or all of the container's. */
	port: {port: number; proto: Protocol} | null;
	diagnosis: Diagnosis | null;
	error: string | null;
	/** The first line shown. */
	scroll: number;
	/** Where Esc returns: the screen `D` was pressed on. */
	returnTo: 'list' | 'details' | 'ports';
	/** The id of the last diagnose request: an older answer is dropped. */
	request: number;
	/** The last request runs (its answer not in yet). */
	running: boolean;
	/** An engine event touched the container while a diagnosis ran: run it again once it is in. */
	stale: boolean;
}

export type DoctorAction = {type: 'doctor/done'; request: number; diagnosis?: Diagnosis; error?: string};

export type DoctorEffect = {kind: 'diagnose'; container: string; port: {port: number; proto: Protocol} | null};
