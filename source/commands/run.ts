/**
 * `dnet run [-d] [--rm] [--name NAME] [-p SPEC]... [-P] [--expose PORT]... [--link NAME[:ALIAS]]...
 * [--dry-run] IMAGE [COMMAND [ARG...]]`: `docker run -d` for the flags dnet supports.
 */
import {EngineError} from '../engine/engine.js';
import {parseRunArgs, RUN_FLAGS} from '../model/run-args.js';
import {buildCreateBody, RunSpecError, type RunCreateBody, type RunSpec} from '../model/run-spec.js';
import {createAndStart, CreateError} from '../operations/create.js';
import type {Command, CommandContext} from './context.js';
import {engineFailureText} from './cli-errors.js';

/** The text of `dnet run --help`. */
const RUN_HELP = `Usage:  dnet run [OPTIONS] IMAGE [COMMAND] [ARG...]

Create and start a container in the background, like \`docker run -d\`.

Options: ${RUN_FLAGS}
  --dry-run   print {"name", "create"}: the Engine API create body, and contact no engine
`;

/** Exit status of `docker run` for invalid input and engine failures. */
const FAILED = 125;

/** Creates and starts; prints the id, or the engine's error (and a failed cleanup) and returns 125. */
async function run(spec: RunSpec, ctx: CommandContext): Promise<number> {
	try {
		const {id, warnings} = await createAndStart(ctx.engine(), spec);
		for (const w of warnings) ctx.stderr.write(`dnet: warning: ${w}\n`);
		ctx.stdout.write(`${id}\n`);
		return 0;
	} catch (error) {
		if (!(error instanceof CreateError)) throw error;
		if (!(error.cause instanceof EngineError)) throw error.cause;
		ctx.stderr.write(`dnet: ${engineFailureText(error.cause)}${error.cleanup ? `\ndnet: ${error.cleanup}` : ''}\n`);
		return FAILED;
	}
}

/**
 * `dnet run`: validates every flag first (nothing is created when one is invalid: stderr
 * `dnet: <the docker CLI's message>`, exit 125), then creates and starts the container and prints
 * its id; if start fails the container is removed and the engine's error is shown. With
 * `--dry-run` it prints `{"name": …, "create": …}` and contacts no engine.
 */
export const runCommand: Command = async (args, ctx) => {
	let spec: ReturnType<typeof parseRunArgs>;
	let body: RunCreateBody;
	try {
		spec = parseRunArgs(args);
		if (spec.help) {
			ctx.stdout.write(RUN_HELP);
			return 0;
		}
		body = buildCreateBody(spec);
	} catch (error) {
		if (!(error instanceof RunSpecError)) throw error;
		ctx.stderr.write(`dnet: ${error.message}\n`);
		return FAILED;
	}
	if (spec.dryRun) {
		ctx.stdout.write(`${JSON.stringify({name: spec.name === '' ? null : spec.name, create: body}, null, 2)}\n`);
		return 0;
	}
	try {
		return await run(spec, ctx);
	} catch (error) {
		if (!(error instanceof EngineError)) throw error;
		ctx.stderr.write(`dnet: ${engineFailureText(error)}\n`);
		return FAILED;
	}
};
