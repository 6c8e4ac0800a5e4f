/**
 * `dnet unpublish CONTAINER PORT[/PROTO]...`: removes the host bindings of container ports,
 * through the safe recreate transaction.
 */
import {parseUint16} from '../model/ports/index.js';
import {unboundPorts} from '../operations/ports.js';
import type {Command} from './context.js';
import {positionalArgs} from './args.js';
import {inspectOrFail, reportPortChange} from './publish.js';

const USAGE = 'Usage:  dnet unpublish CONTAINER PRIVATE_PORT[/PROTO]...';

/** The text of `dnet unpublish --help`. */
const UNPUBLISH_HELP = `${USAGE}

Remove the host bindings of container ports (as published with -p), and their exposure unless the
image exposes them itself. The container is recreated with the rest of its configuration
unchanged; on any failure the original container is put back.
`;

/** `5000` or `5000/udp` into `5000/udp` keys, as `docker port` reads its argument. */
function portKey(arg: string): {key: string} | {error: string} {
	const slash = arg.indexOf('/');
	const port = slash < 0 ? arg : arg.slice(0, slash);
	const proto = (slash < 0 ? '' : arg.slice(slash + 1)) || 'tcp';
	const parsed = parseUint16(port);
	if (!parsed.ok) return {error: `invalid port (${port}): ${parsed.error}`};
	return {key: `${parsed.value}/${proto.toLowerCase()}`};
}

/**
 * `dnet unpublish`: every port is checked first (exit 125 for a malformed one, 1 for one that has
 * no binding, nothing sent to the engine but an inspect); then their bindings are removed, and
 * their exposure unless the image exposes them itself (with `-P`, an image's port gets a random
 * host port again). Exit 0, or 1 on a failure.
 */
export const unpublishCommand: Command = async (args, ctx) => {
	const positional = positionalArgs(args, ctx, {
		name: 'unpublish',
		usage: USAGE,
		help: UNPUBLISH_HELP,
		accepts: (n) => n >= 2,
		countMessage: "'dnet unpublish' requires at least 2 arguments",
	});
	if (typeof positional === 'number') return positional;
	const [container = '', ...ports] = positional;
	const keys: string[] = [];
	for (const arg of ports) {
		const k = portKey(arg);
		if ('error' in k) {
			ctx.stderr.write(`dnet: ${k.error}\n`);
			return 125;
		}
		keys.push(k.key);
	}
	const before = await inspectOrFail(ctx, container);
	if (typeof before === 'number') return before;
	const missing = unboundPorts(before, keys);
	if (missing.length > 0) {
		const viaAll = before.publishAllPorts ? ' (ports published by -P cannot be unpublished one by one)' : '';
		ctx.stderr.write(`dnet: No public port '${missing.join("', '")}' published with -p for ${container}${viaAll}\n`);
		return 1;
	}
	return reportPortChange(ctx, before, {kind: 'unpublish', ports: keys});
};
