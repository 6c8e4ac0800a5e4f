/**
 * `dnet publish CONTAINER SPEC...`: adds or replaces the host bindings of the container ports the
 * specs name (docker `-p` syntax), through the safe recreate transaction.
 */
import {EngineError, type Engine} from '../engine/engine.js';
import {PortConflictError, recreate, RecreateError, type NewContainerSpec} from '../engine/recreate/index.js';
import type {ContainerDetails} from '../model/container.js';
import {buildPortConfig, formatPortList, PortSpecError} from '../model/ports/index.js';
import {engineFailureText} from './cli-errors.js';
import type {Command, CommandContext} from './context.js';
import {positionalArgs} from './args.js';

const USAGE = 'Usage:  dnet publish CONTAINER [IP:][HOST_PORT:]CONTAINER_PORT[/PROTO]...';

/** The text of `dnet publish --help`. */
export const PUBLISH_HELP = `${USAGE}

Publish container ports on the host (docker -p syntax), replacing the bindings of the ports named.
The container is recreated with the rest of its configuration unchanged; on any failure the
original container is put back.
`;

/** What a port binding change looks like: the bindings now, for `docker port`-style lines. */
function bindingLines(d: ContainerDetails): string[] {
	return formatPortList(d.state.running ? d.ports : d.portBindings);
}

/** Prints `- old` / `+ new` / `  kept` binding lines and the new id. */
function writeChange(ctx: CommandContext, name: string, before: ContainerDetails, after: ContainerDetails): void {
	const old = bindingLines(before);
	const now = bindingLines(after);
	const lines = [
		...old.filter((l) => !now.includes(l)).map((l) => `- ${l}`),
		...now.map((l) => (old.includes(l) ? `  ${l}` : `+ ${l}`)),
	];
	if (lines.length > 0) ctx.stdout.write(`${lines.join('\n')}\n`);
	ctx.stdout.write(`${name} recreated: ${after.id}\n`);
}

/**
 * Runs the transaction with `edit` and reports it; shared by publish and unpublish.
 * @returns the exit status (0, or 1 on any failure: the original is then intact or reported).
 */
export async function applyPortEdit(
	ctx: CommandContext,
	engine: Engine,
	before: ContainerDetails,
	edit: (spec: NewContainerSpec) => void,
): Promise<number> {
	const name = before.name.replace(/^\//, '');
	try {
		const result = await recreate(engine, before.id, edit, ctx.faults ? {faults: ctx.faults} : {});
		for (const w of result.warnings) ctx.stderr.write(`dnet: warning: ${w}\n`);
		if (result.relinked.length > 0) ctx.stdout.write(`relinked: ${result.relinked.join(', ')}\n`);
		writeChange(ctx, name, before, await engine.inspectContainer(result.newId));
		return 0;
	} catch (error) {
		if (error instanceof PortConflictError) ctx.stderr.write(`dnet: cannot publish on ${name}: ${error.message}\n`);
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
	let before: ContainerDetails;
	try {
		before = await ctx.engine().inspectContainer(container);
	} catch (error) {
		if (!(error instanceof EngineError)) throw error;
		ctx.stderr.write(`dnet: ${engineFailureText(error)}\n`);
		return 1;
	}
	const same = Object.entries(wanted.PortBindings).every(
		([key, list]) => JSON.stringify(before.portBindings[key] ?? null) === JSON.stringify(list.map((b) => ({hostIp: b.HostIp, hostPort: b.HostPort}))),
	);
	if (same) {
		ctx.stdout.write(`${before.name.replace(/^\//, '')}: nothing to change\n`);
		return 0;
	}
	return applyPortEdit(ctx, ctx.engine(), before, (spec) => {
		const bindings = {...(spec.hostConfig.PortBindings ?? {})};
		const exposed = {...(spec.config.ExposedPorts ?? {})};
		for (const [key, list] of Object.entries(wanted.PortBindings)) {
			bindings[key] = list;
			exposed[key] = {};
		}
		spec.hostConfig.PortBindings = bindings;
		spec.config.ExposedPorts = exposed;
	});
};
