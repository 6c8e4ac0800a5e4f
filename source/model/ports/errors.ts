/**
 * The one error type of the port-spec model. Its message is the docker CLI's own wording.
 */

/** A port spec, `--expose` value or `docker port` argument the docker CLI would reject. */
export class PortSpecError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'PortSpecError';
	}
}
