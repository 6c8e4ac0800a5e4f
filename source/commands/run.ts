/**
 * `dnet run [-d] [--rm] [--name NAME] [-h HOSTNAME] [-p SPEC]... [-P] [--expose PORT]... [--link
 * NAME[:ALIAS]]... [--network NET] [--network-alias A]... [--ip IP] [--ip6 IP] [--dns IP]...
 * [--add-host HOST:IP]... [--dry-run] IMAGE [COMMAND [ARG...]]`: `docker run` for the flags dnet supports; in the
 * foreground (`run-foreground.ts`) unless `-d`.
 */
import {EngineError} from '../engine/engine.js';
import {FlagError} from '../model/cli/flags.js';
import {imageRefError} from '../model/cli/image-ref.js';
import {InteractiveError, parseRunArgs, RUN_FLAGS, type RunArgs} from '../model/run-args.js';
import {buildCreateBody, RunSpecError, type RunCreateBody, type RunSpec} from '../model/run-spec.js';
import {createAndStart, CreateError} from '../operations/create.js';
import type {Command, CommandContext} from './context.js';
import {usageFailure} from './args.js';
import {engineFailureText} from './cli-errors.js';
import {printWarnings, runFailure, runForeground, startFailureStatus} from './run-foreground.js';

/** The text of `dnet run --help`. */
const RUN_HELP = `Usage:  dnet run [OPTIONS] IMAGE [COMMAND] [ARG...]

Create and start a container, like \`docker run\`: in the foreground (its output streamed, dnet
exits with its status, Ctrl+C and SIGTERM forwarded to it), or in the background with -d (its id
printed). No -i/-t: for an interactive container use docker run -it.

Options: ${RUN_FLAGS}
  --dry-run   print {"name", "create"}: the Engine API create body, and contact no engine
`;

/** Exit status of `docker run` for invalid input and engine failures. */
const FAILED = 125;

/** Creates and starts (`-d`): the engine's warnings, then the id; a container that does not start is kept, as docker keeps it. */
async function runDetached(spec: RunSpec, ctx: CommandContext): Promise<number> {
	try {
		const {id} = await createAndStart(ctx.engine(), spec, {keepOnStartFailure: true, created: (made) => printWarnings(ctx, made)});
		ctx.stdout.write(`${id}\n`);
		return 0;
	} catch (error) {
		if (!(error instanceof CreateError)) throw error;
		if (!(error.cause instanceof EngineError)) throw error.cause;
		const text = engineFailureText(error.cause);
		ctx.stderr.write(runFailure(`${text}${error.cleanup ? `\ndnet: ${error.cleanup}` : ''}`));
		return error.stage === 'start' ? startFailureStatus(text) : FAILED;
	}
}

const USAGE = 'Usage:  dnet run [OPTIONS] IMAGE [COMMAND] [ARG...]';

const failure = runFailure;

/**
 * `dnet run`: reads the flags as `docker run` (a flag error: its line, the usage, exit 125; no
 * IMAGE: exit 1), checks the image reference and every flag value (nothing is created when one is
 * invalid: `dnet: <the docker CLI's message>`, exit 125), then creates and starts the container and
 * prints its id; if start fails the container is removed and the engine's error is shown. With
 * `--dry-run` it prints `{"name": …, "create": …}` and contacts no engine.
 */
export const runCommand: Command = async (args, ctx) => {
	let spec: RunArgs;
	let body: RunCreateBody;
	try {
		spec = parseRunArgs(args);
	} catch (error) {
		if (error instanceof InteractiveError) {
			ctx.stderr.write(`dnet: ${error.message}\n`);
			return FAILED;
		}
		if (!(error instanceof FlagError)) throw error;
		ctx.stderr.write(usageFailure('run', USAGE, error.message));
		return FAILED;
	}
	if (spec.help) {
		ctx.stdout.write(RUN_HELP);
		return 0;
	}
	if (!spec.hasImage) {
		// docker run alone says `See` here where its other commands say `Run`.
		ctx.stderr.write(usageFailure('run', USAGE, "dnet: 'dnet run' requires at least 1 argument").replace("\nRun 'dnet run --help'", "\nSee 'dnet run --help'"));
		return 1;
	}
	try {
		// In docker's order: the flags' values (the CLI), the image reference (the CLI), the name (the engine).
		buildCreateBody({...spec, name: null});
		const refError = imageRefError(spec.image);
		if (refError !== null) {
			ctx.stderr.write(failure(refError));
			return FAILED;
		}
		body = buildCreateBody(spec);
	} catch (error) {
		if (!(error instanceof RunSpecError)) throw error;
		ctx.stderr.write(failure(error.message));
		return FAILED;
	}
	if (spec.dryRun) {
		ctx.stdout.write(`${JSON.stringify({name: spec.name === '' ? null : spec.name, create: body}, null, 2)}\n`);
		return 0;
	}
	try {
		return await (spec.detach ? runDetached(spec, ctx) : runForeground(spec, ctx));
	} catch (error) {
		if (!(error instanceof EngineError)) throw error;
		ctx.stderr.write(failure(engineFailureText(error)));
		return FAILED;
	}
};
