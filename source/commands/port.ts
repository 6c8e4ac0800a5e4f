/**
 * `dnet port CONTAINER [PRIVATE_PORT[/PROTO]]`: the output, errors and exit status of
 * `docker port` (docker CLI 28).
 */
import {EngineError} from '../engine/engine.js';
import {formatPortList, formatPortLookup, PortSpecError} from '../model/ports/index.js';
import type {Command} from './context.js';
import {positionalArgs} from './args.js';
import {engineFailureText} from './cli-errors.js';

const USAGE = 'Usage:  dnet port CONTAINER [PRIVATE_PORT[/PROTO]]';

/** The text of `dnet port --help` (docker's, with dnet's name). */
const PORT_HELP = `${USAGE}\n\nList port mappings or a specific mapping for the container\n`;

/**
 * `dnet port`: lists a container's published ports (`5000/tcp -> 0.0.0.0:32768`) or the host
 * addresses of one private port, byte for byte as `docker port`. Exit status 0, 1 on a failure, 125
 * for an unknown flag.
 */
export const portCommand: Command = async (args, ctx) => {
	const positional = positionalArgs(args, ctx, {
		name: 'port',
		usage: USAGE,
		help: PORT_HELP,
		accepts: (n) => n >= 1 && n <= 2,
		countMessage: "'dnet port' requires at least 1 and at most 2 arguments",
	});
	if (typeof positional === 'number') return positional;
	const [container = '', port] = positional;
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
