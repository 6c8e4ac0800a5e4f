/**
 * `dnet port CONTAINER [PRIVATE_PORT[/PROTO]]`: the output, errors and exit status of
 * `docker port` (docker CLI 28).
 */
import {EngineError} from '../engine/engine.js';
import {formatPortList, formatPortLookup, PortSpecError} from '../model/ports/index.js';
import type {Command} from './context.js';
import {splitArgs} from './args.js';
import {engineFailureText} from './cli-errors.js';

const USAGE = 'Usage:  dnet port CONTAINER [PRIVATE_PORT[/PROTO]]';

/** The text of `dnet port --help` (docker's, with dnet's name). */
const PORT_HELP = `${USAGE}\n\nList port mappings or a specific mapping for the container\n`;

function usageFailure(message: string): string {
	return `${message}\n\n${USAGE}\n\nRun 'dnet port --help' for more information\n`;
}


/**
 * `dnet port`: lists a container's published ports (`5000/tcp -> 0.0.0.0:32768`) or the host
 * addresses of one private port, byte for byte as `docker port`. Exit status 0, 1 on a failure, 125
 * for an unknown flag.
 */
export const portCommand: Command = async (args, ctx) => {
	const parsed = splitArgs(args);
	if ('error' in parsed) {
		ctx.stderr.write(usageFailure(parsed.error));
		return 125;
	}
	if (parsed.help) {
		ctx.stdout.write(PORT_HELP);
		return 0;
	}
	const [container, port] = parsed.positional;
	if (container === undefined || parsed.positional.length > 2) {
		ctx.stderr.write(usageFailure("dnet: 'dnet port' requires at least 1 and at most 2 arguments"));
		return 1;
	}
	try {
		const details = await ctx.engine().inspectContainer(container);
		const lines = port === undefined || port === '' ? formatPortList(details.ports) : formatPortLookup(details.ports, port, container);
		if (lines.length > 0) ctx.stdout.write(`${lines.join('\n')}\n`);
		return 0;
	} catch (error) {
		if (error instanceof PortSpecError) ctx.stderr.write(`${error.message}\n`);
		else if (error instanceof EngineError) ctx.stderr.write(`${engineFailureText(error)}\n`);
		else throw error;
		return 1;
	}
};
