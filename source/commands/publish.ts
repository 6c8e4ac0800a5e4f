/**
 * `dnet publish CONTAINER SPEC...`: adds or replaces the host bindings of the container ports the
 * specs name (docker `-p` syntax), through the safe recreate transaction.
 */
import {EngineError} from '../engine/engine.js';
import type {ContainerDetails} from '../model/container.js';
import {buildPortConfig, PortSpecError} from '../model/ports/index.js';
import {changePorts, publishesNothingNew, type PortChange} from '../operations/ports.js';
import {PortConflictError, RecreateError} from '../operations/recreate/index.js';
import {engineFailureText} from './cli-errors.js';
import type {Command, CommandContext} from './context.js';
import {positionalArgs} from './args.js';

const USAGE = 'Usage:  dnet publish CONTAINER [IP:][HOST_PORT:]CONTAINER_PORT[/PROTO]...';

/** The text of `dnet publish --help`. */
const PUBLISH_HELP = `${USAGE}

Publish container ports on the host (docker -p syntax), replacing the bindings of the ports named.
The container is recreated with the rest of its configuration unchanged; on any failure the
original container is put back.
`;

/** The container to change, or exit status 1 (the engine's words printed) when it cannot be inspected. */
export async function inspectOrFail(ctx: CommandContext, container: string): Promise<ContainerDetails | number> {
	try {
		return await ctx.engine().inspectContainer(container);
	} catch (error) {
		if (!(error instanceof EngineError)) throw error;
		ctx.stderr.write(`dnet: ${engineFailureText(error)}\n`);
		return 1;
	}
}

/**
 * Runs the port change on the inspected container and reports it (warnings, relinked containers,
 * `- old` / `+ new` / `  kept` binding lines, the new id); shared by publish and unpublish.
 * @returns the exit status (0, or 1 on any failure: the original is then intact or reported).
 */
export async function reportPortChange(ctx: CommandContext, before: ContainerDetails, change: PortChange): Promise<number> {
	try {
		const {result, after, diff} = await changePorts(ctx.engine(), before.id, change, ctx.faults ? {faults: ctx.faults} : {});
		for (const w of result.warnings) ctx.stderr.write(`dnet: warning: ${w}\n`);
		if (result.relinked.length > 0) ctx.stdout.write(`relinked: ${result.relinked.join(', ')}\n`);
		if (diff.length > 0) ctx.stdout.write(`${diff.join('\n')}\n`);
		ctx.stdout.write(`${before.name} recreated: ${after.id}\n`);
		return 0;
	} catch (error) {
		if (error instanceof PortConflictError) ctx.stderr.write(`dnet: cannot publish on ${before.name}: ${error.message}\n`);
		else if (error instanceof RecreateError) ctx.stderr.write(`dnet: ${error.message}\n`);
		else if (error instanceof EngineError) ctx.stderr.write(`dnet: ${engineFailureText(error)}\n`);
		else throw error;
		return 1;
	}
}

/**
 * `dnet publish`: every spec is checked first (exit 125 with the docker CLI's message, nothing
 * sent to the engine); then the named container ports get exactly the bindings of the specs, the
 * other ports keep theirs. Exit 0, or 1 when the engine or the transaction fails.
 */
export const publishCommand: Command = async (args, ctx) => {
	const positional = positionalArgs(args, ctx, {
		name: 'publish',
		usage: USAGE,
		help: PUBLISH_HELP,
		accepts: (n) => n >= 2,
		countMessage: "'dnet publish' requires at least 2 arguments",
	});
	if (typeof positional === 'number') return positional;
	const [container = '', ...specs] = positional;
	let wanted;
	try {
		wanted = buildPortConfig({publish: specs, expose: [], publishAll: false});
	} catch (error) {
		if (!(error instanceof PortSpecError)) throw error;
		ctx.stderr.write(`dnet: ${error.message}\n`);
		return 125;
	}
	const before = await inspectOrFail(ctx, container);
	if (typeof before === 'number') return before;
	if (publishesNothingNew(before, wanted.PortBindings)) {
		ctx.stdout.write(`${before.name}: nothing to change\n`);
		return 0;
	}
	return reportPortChange(ctx, before, {kind: 'publish', bindings: wanted.PortBindings});
};
