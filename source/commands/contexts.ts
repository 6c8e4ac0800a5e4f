/**
 * `dnet context ls [--json]` and `dnet context use NAME`: the docker CLI's contexts, read from its
 * own store (ARCHITECTURE.md, "Remote engines"). `ls` prints what `docker context ls` prints (the
 * one in use marked `*`); `--json` one JSON object a line, as `docker context ls --format json`.
 * `use` writes `currentContext` as `docker context use` does.
 */
import type {ConnectionEnv} from '../engine/connection.js';
import {EngineError} from '../engine/engine.js';
import {contextRows} from '../engine/endpoint/overview.js';
import {useContext} from '../engine/endpoint/store.js';
import {lastValue} from '../model/cli/flags.js';
import {sanitize} from '../model/sanitize.js';
import {parseCommandLine, usageFailure} from './args.js';
import type {Command, CommandContext} from './context.js';
import {formatTable} from './table.js';

const USAGE = 'Usage:  dnet context ls [--json] | dnet context use NAME';

const HELP = `${USAGE}

List the docker contexts (the one in use marked *), or make one the current context
(currentContext in the docker config file, as 'docker context use').

Options:
      --json   Print one JSON object a line: {Current, Description, DockerEndpoint, Error, Name}
`;

export function contextsCommand(flags: {context?: string; host?: string}, env: ConnectionEnv): Command {
	return (args, ctx) => Promise.resolve(run(flags, env, args, ctx));
}

function run(flags: {context?: string; host?: string}, env: ConnectionEnv, args: string[], ctx: CommandContext): number {
	const [verb, ...rest] = args;
	if (verb === undefined || verb === '--help' || verb === '-h') {
		(verb === undefined ? ctx.stderr : ctx.stdout).write(HELP);
		return verb === undefined ? 1 : 0;
	}
	if (verb !== 'ls' && verb !== 'list' && verb !== 'use') {
		ctx.stderr.write(usageFailure('context', USAGE, `dnet: unknown command: dnet context ${verb}`));
		return 1;
	}
	const parsed = parseCommandLine(rest, ctx, {
		name: 'context',
		usage: USAGE,
		help: HELP,
		flags: verb === 'use' ? [] : [{long: 'json', kind: 'bool'}],
		accepts: (n) => (verb === 'use' ? n === 1 : n === 0),
		countMessage: verb === 'use' ? "'dnet context use' requires exactly 1 argument" : "'dnet context ls' accepts no arguments",
	});
	if (typeof parsed === 'number') return parsed;
	try {
		if (verb === 'use') {
			const name = parsed.positional[0]!;
			useContext(env, name);
			ctx.stdout.write(`${name}\n`);
			ctx.stderr.write(`Current context is now "${name}"\n`);
			if (env.DOCKER_HOST) {
				ctx.stderr.write('Warning: DOCKER_HOST environment variable overrides the active context. To use a context, either set the global --context flag, or unset DOCKER_HOST environment variable.\n');
			}
			return 0;
		}
		const rows = contextRows(flags, env);
		if (lastValue(parsed, 'json') === true) {
			for (const r of rows) {
				ctx.stdout.write(
					`${JSON.stringify({Current: r.current, Description: r.description, DockerEndpoint: r.dockerEndpoint, Error: r.error, Name: r.name})}\n`,
				);
			}
			return 0;
		}
		const clean = (s: string): string => sanitize(s).replace(/\s+/g, ' ');
		ctx.stdout.write(
			formatTable(
				['NAME', 'DESCRIPTION', 'DOCKER ENDPOINT', 'ERROR'],
				rows.map((r) => [`${clean(r.name)}${r.current ? ' *' : ''}`, clean(r.description), clean(r.dockerEndpoint), clean(r.error)]),
			),
		);
		return 0;
	} catch (error) {
		if (!(error instanceof EngineError)) throw error;
		ctx.stderr.write(`dnet: ${error.message}${error.hint ? ` (${error.hint})` : ''}\n`);
		return 1;
	}
}
