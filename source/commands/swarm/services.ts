/**
 * `dnet services [--json]`: the swarm's services as `docker service ls` lists them (MODE, REPLICAS,
 * IMAGE, PORTS in its words), each with its published ports in full; on an engine that is not a
 * manager, one line saying so and how to make it one.
 */
import {EngineError} from '../../engine/engine.js';
import {lastValue} from '../../model/cli/flags.js';
import {formatReplicas, formatServicePorts} from '../../model/swarm/format.js';
import type {ServicePort} from '../../model/swarm/types.js';
import {loadSwarm, notManagerLine} from '../../operations/services.js';
import {parseCommandLine} from '../args.js';
import {engineFailureText} from '../cli-errors.js';
import type {Command} from '../context.js';
import {formatTable} from '../table.js';

const USAGE = 'Usage:  dnet services [--json]';

const SERVICES_HELP = `${USAGE}

List the swarm's services as docker service ls does (ID, NAME, MODE, REPLICAS, IMAGE, PORTS).
The engine must be a swarm manager.

Options:
      --json   Print a JSON array of {id, name, mode, replicas, image, ports, published, tasks}
`;

/** One published port in `dnet services --json`. */
export interface PortJson {
	published: number;
	target: number;
	protocol: string;
	mode: string;
}

const portJson = (p: ServicePort): PortJson => ({published: p.publishedPort, target: p.targetPort, protocol: p.protocol, mode: p.publishMode});

/** `dnet services`: exit 0; 1 when the engine fails or is not a manager; 125 on a bad flag. */
export const servicesCommand: Command = async (args, ctx) => {
	const parsed = parseCommandLine(args, ctx, {
		name: 'services',
		usage: USAGE,
		help: SERVICES_HELP,
		flags: [{long: 'json', kind: 'bool'}],
		accepts: (n) => n === 0,
		countMessage: "'dnet services' accepts no arguments",
	});
	if (typeof parsed === 'number') return parsed;
	let load;
	try {
		load = await loadSwarm(ctx.engine());
	} catch (error) {
		if (!(error instanceof EngineError)) throw error;
		ctx.stderr.write(`dnet: ${engineFailureText(error)}\n`);
		return 1;
	}
	if (!load.manager) {
		ctx.stderr.write(`dnet: ${notManagerLine(load.swarm)}\n`);
		return 1;
	}
	const {services, tasks, nodes} = load.snapshot;
	if (lastValue(parsed, 'json') === true) {
		const out = services.map((s) => ({
			id: s.id,
			name: s.name,
			mode: s.mode,
			replicas: formatReplicas(s),
			image: s.image,
			ports: formatServicePorts(s.ports),
			published: s.ports.map(portJson),
			tasks: tasks
				.filter((t) => t.serviceId === s.id && t.desiredState === 'running')
				.map((t) => {
					const node = nodes.find((n) => n.id === t.nodeId);
					return {id: t.id, slot: t.slot, node: node?.hostname ?? t.nodeId, nodeId: t.nodeId, addr: node?.addr ?? '', state: t.state, hostPorts: t.hostPorts.map(portJson)};
				}),
		}));
		ctx.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
		return 0;
	}
	const rows = services.map((s) => [s.id.slice(0, 12), s.name, s.mode, formatReplicas(s), s.image, formatServicePorts(s.ports)]);
	ctx.stdout.write(formatTable(['ID', 'NAME', 'MODE', 'REPLICAS', 'IMAGE', 'PORTS'], rows));
	return 0;
};
