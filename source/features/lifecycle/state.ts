/** State, actions and effects of the lifecycle commands: start, stop, restart, remove (with confirmation). */

/** Lifecycle operations on containers, as the docker CLI names them. */
export type JobKind = 'start' | 'stop' | 'restart' | 'remove';

/** A container an operation applies to, with the name it had when asked (for messages). */
export interface Target {
	id: string;
	name: string;
	running: boolean;
}

/** A lifecycle operation asked for and not finished yet; `id` is its effect's id. */
export interface Job {
	id: number;
	kind: JobKind;
	targets: Target[];
	/** `remove`: also remove anonymous volumes (`docker rm -v`). */
	removeVolumes: boolean;
}

/** A question waiting for y/n before a stop or remove. */
export interface Confirm {
	kind: 'stop' | 'remove';
	targets: Target[];
	/** Names of targets run with `--rm` (a stop removes them); null until known. */
	autoRemove: string[] | null;
	removeVolumes: boolean;
}

export type LifecycleAction =
	/** `errors`: one short line a failure, the cause first; `details`: their full texts. */
	| {type: 'job/done'; id: number; errors: string[]; details?: string[]}
	| {type: 'confirm/autoRemove'; names: string[]};

export type LifecycleEffect =
	| {kind: 'lifecycle'; job: Omit<Job, 'id'>}
	| {kind: 'autoRemove'; targets: Target[]};
