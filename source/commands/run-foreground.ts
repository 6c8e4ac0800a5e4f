/**
 * `dnet run` without `-d`, as `docker run` without `-i`/`-t`: create (the engine's warnings as
 * docker prints them), attach to stdout and stderr and register the wait before the start, pass
 * the output on as it comes (bytes, not reordered within a stream), forward SIGINT and SIGTERM to
 * the container (docker's sig-proxy), and exit with the container's status; a start that fails
 * leaves the container, as docker does, and exits 125, 126 or 127 as docker's `run` does.
 */
import {EngineError} from '../engine/engine.js';
import type {RunSpec} from '../model/run-spec.js';
import {createFromSpec, CreateError, startCreated} from '../operations/create.js';
import {engineFailureText} from './cli-errors.js';
import type {CommandContext} from './context.js';

/** docker's shape of a failure after the flags were read: `dnet: <message>` and a `--help` hint. */
export const runFailure = (message: string): string => `dnet: ${message}\n\nRun 'dnet run --help' for more information\n`;

/** The exit status of `docker run` when the start fails: 127 not found, 126 not executable, else 125. */
export function startFailureStatus(message: string): number {
	if (/executable file not found|no such file or directory|system cannot find the file specified/.test(message)) return 127;
	if (/permission denied|is a directory/.test(message)) return 126;
	return 125;
}

const failureText = (error: unknown): string => {
	const cause = error instanceof CreateError ? error.cause : error;
	if (cause instanceof EngineError) return engineFailureText(cause);
	throw cause;
};

/** Prints the engine's warnings on create as docker does (`WARNING: …` on stderr), and dnet's own. */
export function printWarnings(ctx: CommandContext, created: {warnings: string[]; engineWarnings: string[]}): void {
	for (const w of created.engineWarnings) ctx.stderr.write(`WARNING: ${w}\n`);
	for (const w of created.warnings) ctx.stderr.write(`dnet: warning: ${w}\n`);
}

/** Runs the container in the foreground; returns dnet's exit status. */
export async function runForeground(spec: RunSpec, ctx: CommandContext): Promise<number> {
	let id: string;
	try {
		const created = await createFromSpec(ctx.engine(), spec);
		id = created.id;
		printWarnings(ctx, created);
	} catch (error) {
		ctx.stderr.write(runFailure(failureText(error)));
		return 125;
	}
	const engine = ctx.engine();
	let attachment;
	let wait;
	try {
		attachment = await engine.attachOutput(id, (stream, chunk) => (stream === 'stdout' ? ctx.stdout : ctx.stderr).write(chunk));
		wait = await engine.waitContainer(id, spec.autoRemove ? 'removed' : 'next-exit');
	} catch (error) {
		attachment?.close();
		ctx.stderr.write(runFailure(failureText(error)));
		return 125;
	}
	const release = ctx.onSignal?.((signal) => void engine.killContainer(id, signal).catch(() => {}));
	try {
		try {
			await startCreated(engine, id, true);
		} catch (error) {
			attachment.close();
			// As docker: with --rm the engine removes the container that did not start; wait for it.
			if (spec.autoRemove) await wait.status.catch(() => 0);
			const text = failureText(error);
			ctx.stderr.write(runFailure(text));
			return startFailureStatus(text);
		}
		let status: number;
		try {
			status = await wait.status;
		} catch (error) {
			await attachment.done;
			ctx.stderr.write(runFailure(error instanceof Error ? error.message : String(error)));
			return 125;
		}
		await attachment.done;
		return status;
	} finally {
		release?.();
	}
}
