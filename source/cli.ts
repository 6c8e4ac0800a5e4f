#!/usr/bin/env node
/**
 * dnet's entry: parses the global options, runs a non-interactive command, or starts the
 * full-screen UI (imported lazily, so `dnet ps` and `dnet port` never load Ink or React).
 */
import {setFlagsFromString} from 'node:v8';
import {Command as Commander, CommanderError} from 'commander';
import {unknownFlagMessage} from './commands/cli-errors.js';
import type {Command, CommandContext} from './commands/context.js';
import {resolveTarget} from './engine/connection.js';
import {preconnect, sshPatience} from './engine/endpoint/ssh-agent.js';
import {switchableEngine} from './engine/endpoint/switch.js';
import {EngineError, type Engine} from './engine/engine.js';
import {DEADLINES, guardEngine} from './engine/guard.js';
import {withQuickReads, type LazyEngine} from './engine/quick.js';
import type {CommandName} from './model/cli/commands.js';
import {errorText} from './model/error-text.js';
import {drawFirstFrame, LEAVE_FIRST_FRAME, type FirstDraw} from './app/first-draw.js';
import type {EngineInfo} from './model/container.js';

/** dockerode is loaded only when a command needs the engine: `--help` and `--version` stay instant. */
const loadEngineModule = (): Promise<typeof import('./engine/docker-engine.js')> => import('./engine/docker-engine.js');

const VERSION = '0.1.0';

interface GlobalOptions {
	host?: string;
	context?: string;
	readOnly?: boolean;
}

/** One line for any failure: never a stack trace. */
function errorLine(error: unknown): string {
	if (error instanceof EngineError) return `dnet: ${error.message}${error.hint ? ` (${error.hint})` : ''}`;
	return `dnet: ${errorText(error).split('\n')[0]}`;
}

/**
 * The engine, with the start-up reads (version, list, inspect) made without dockerode
 * (engine/quick.ts); dockerode is loaded when another call needs it, or by `ready()`.
 */
function makeEngineFactory(options: GlobalOptions): {get: () => Engine; ready: () => Promise<Engine>; firstInfo: () => Promise<EngineInfo>; close: () => void} {
	let lazy: LazyEngine | null = null;
	const make = (): LazyEngine => {
		const target = resolveTarget(options, process.env);
		// ssh logs in while the rest loads (ARCHITECTURE.md, "Remote engines").
		if (target.endpoint.kind === 'ssh') preconnect(target.endpoint);
		// --read-only is enforced in the engine layer too, and a read that gets no answer fails (engine/guard.ts).
		return withQuickReads(target.endpoint, async () =>
			guardEngine(switchableEngine(target, options, process.env, await loadEngineModule()), {...DEADLINES, readOnly: options.readOnly ?? false}),
		);
	};
	return {
		get: () => (lazy ??= make()).engine,
		ready: () => (lazy ??= make()).ready(),
		firstInfo: () => (lazy ??= make()).firstInfo(),
		close() {
			lazy?.engine.close();
		},
	};
}

/**
 * DNET_TEST_PAUSE_BEFORE=<step> makes a recreate stop before that step and wait, so that a test can
 * SIGKILL dnet mid-transaction (test/e2e/recovery.test.ts). Unset, nothing changes.
 */
function testPause(step: string | undefined): Pick<CommandContext, 'faults'> {
	if (!step) return {};
	return {
		faults: (current) => {
			if (current !== step) return;
			process.stderr.write(`dnet: test pause before ${current}\n`);
			// Keep the process alive until it is killed.
			setInterval(() => {}, 1 << 30);
			return new Promise<void>(() => {});
		},
	};
}

async function runCommand(load: () => Promise<Command>, args: string[], options: GlobalOptions): Promise<number> {
	const [engines, command] = [makeEngineFactory(options), await load()];
	const ctx: CommandContext = {
		engine: engines.get,
		stdout: {write: (s) => void process.stdout.write(s)},
		stderr: {write: (s) => void process.stderr.write(s)},
		...testPause(process.env['DNET_TEST_PAUSE_BEFORE']),
		onSignal: (handler) => {
			const signals = ['SIGINT', 'SIGTERM'] as const;
			const listeners = signals.map((signal) => [signal, () => handler(signal)] as const);
			for (const [signal, listener] of listeners) process.on(signal, listener);
			return () => {
				for (const [signal, listener] of listeners) process.off(signal, listener);
			};
		},
	};
	try {
		return await command(args, ctx);
	} catch (error) {
		process.stderr.write(`${errorLine(error)}\n`);
		return 1;
	} finally {
		engines.close();
	}
}

/**
 * Imports the UI chunk. Ink's layout engine (yoga, WebAssembly inlined as base64) reads its wasm
 * through `fetch` when `fetch` exists, which loads Node's whole fetch implementation (undici) only
 * to decode a data: URL; without `fetch` it decodes the same bytes synchronously. Hiding `fetch`
 * for the duration of the import saves that (~40 ms and its garbage at start-up); dnet never uses it.
 */
async function importUi(): Promise<typeof import('./app/view/tui.js')> {
	const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
	if (descriptor?.configurable) Object.defineProperty(globalThis, 'fetch', {value: undefined, configurable: true, writable: true});
	try {
		return await import('./app/view/tui.js');
	} finally {
		if (descriptor?.configurable) Object.defineProperty(globalThis, 'fetch', descriptor);
	}
}

function isUtf8Locale(env: NodeJS.ProcessEnv): boolean {
	return /utf-?8/i.test(env['LC_ALL'] || env['LC_CTYPE'] || env['LANG'] || '');
}

async function runTui(options: GlobalOptions): Promise<number> {
	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		process.stderr.write(
			`dnet: the full-screen UI needs a terminal (${process.stdin.isTTY ? 'stdout' : 'stdin'} is not a TTY); for scripts use dnet ps, dnet port or dnet run\n`,
		);
		return 1;
	}
	if (process.env['TERM'] === 'dumb') {
		process.stderr.write('dnet: the full-screen UI needs a terminal that can move the cursor (TERM=dumb); use dnet ps or dnet port here\n');
		return 1;
	}
	// The young generation stays at its first size (1 MB semi-spaces) instead of growing toward 16 MB
	// as frames allocate: a session holds 80 MB instead of 94 at N = 500 (ARCHITECTURE.md, "Memory").
	setFlagsFromString('--semi-space-growth-factor=1');
	// Ink draws nothing until exit when it believes it runs in CI (CI or CONTINUOUS_INTEGRATION set);
	// here stdin and stdout are a terminal, so a person is looking: let it draw.
	delete process.env['CI'];
	delete process.env['CONTINUOUS_INTEGRATION'];
	const engines = makeEngineFactory(options);
	const noColor = process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '';
	const look = {color: !noColor, ascii: !isUtf8Locale(process.env), readOnly: options.readOnly ?? false};
	let engine: Engine;
	let first: FirstDraw;
	try {
		engine = engines.get();
		// A slow ssh host (one that does not answer: ssh waits 10 s) does not hold the UI: after a second it loads
		// and, if it is first, comes up saying it connects (ARCHITECTURE.md, "Remote engines").
		let late = false;
		const drawing = drawFirstFrame(engine, engines.firstInfo, look, () => late);
		const ui = (): Promise<FirstDraw> => sshPatience().then(() => Promise.all([importUi(), engines.ready()])).then(() => ((late = true), {}));
		first = engine.endpoint.startsWith('ssh://') ? await Promise.race([drawing, ui()]) : await drawing;
		drawing.catch(() => undefined);
	} catch (error) {
		process.stderr.write(`${errorLine(error)}\n`);
		engines.close();
		return 1;
	}
	let session: Awaited<ReturnType<typeof import('./app/view/tui.js').startTui>> | null = null;
	// From the first frame on, every way out leaves the terminal as it was (the UI is not loaded yet).
	const leave = (code: number, message?: string): never => {
		if (session) session.restore();
		else if (first.drawn !== undefined) {
			process.stdin.setRawMode(false);
			process.stdout.write(LEAVE_FIRST_FRAME);
		}
		engines.close();
		if (message) process.stderr.write(`${message}\n`);
		process.exit(code);
	};
	process.on('SIGTERM', () => leave(143));
	process.on('SIGHUP', () => leave(129));
	process.on('SIGINT', () => leave(130));
	process.on('uncaughtException', (error) => leave(1, errorLine(error)));
	process.on('unhandledRejection', (error) => leave(1, errorLine(error)));
	try {
		// The UI and dockerode (the live link subscribes through it) load once the list is on screen.
		const [{startTui}] = await Promise.all([importUi(), engines.ready()]);
		// The whole list usually came long before Ink was loaded: then the UI's first state has it (else
		// the live link reads it; a slow engine never holds the UI back).
		const rest = first.rest && (await Promise.race([first.rest, Promise.resolve(null)]));
		const seed = rest && first.seed ? [...first.seed, rest] : first.seed;
		session = await startTui({engine, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, ...look, ...(seed ? {seed} : {}), ...(first.drawn === undefined ? {} : {drawn: first.drawn})});
	} catch (error) {
		return leave(1, errorLine(error));
	}
	try {
		await session.done;
	} catch (error) {
		leave(1, errorLine(error));
	}
	// Exit now rather than when the last socket lets go: the terminal is already restored.
	return leave(0);
}

/** Commander's refusal of the global options, in the docker CLI's words and exit status. */
function commanderFailure(error: CommanderError): number {
	if (error.exitCode === 0) return 0;
	const flag = /unknown option '([^']*)'/.exec(error.message)?.[1];
	const message = flag === undefined ? error.message.replace(/^error: /, '') : unknownFlagMessage(flag);
	process.stderr.write(`${message}\n\nUsage:  dnet [OPTIONS] [COMMAND] [ARG...]\n\nRun 'dnet --help' for more information\n`);
	return 125;
}

export async function main(argv: string[]): Promise<number> {
	let result: Promise<number> = Promise.resolve(0);
	const program = new Commander('dnet')
		.description('A terminal UI for Docker container networking: published ports and links')
		.version(VERSION, '-v, --version')
		.option('-H, --host <address>', 'engine address (unix:///path, tcp://host:port, ssh://user@host); default $DOCKER_HOST or unix:///var/run/docker.sock')
		.option('-c, --context <name>', 'the docker context to use (overrides DOCKER_HOST, DOCKER_CONTEXT and the one set with docker context use)')
		.option('--read-only', 'look, never touch: every action that changes a container is hidden and refused')
		.enablePositionalOptions()
		.allowExcessArguments()
		.exitOverride()
		// Commander's own failures are worded below, as the docker CLI words them.
		.configureOutput({outputError: () => {}})
		.action(() => {
			const [unknown] = program.args;
			if (unknown !== undefined) {
				process.stderr.write(`dnet: unknown command: dnet ${unknown}\n\nRun 'dnet --help' for more information\n`);
				result = Promise.resolve(1);
				return;
			}
			result = runTui(program.opts<GlobalOptions>());
		});
	const sub = (name: CommandName, description: string, load: () => Promise<Command>, mutates = false): void => {
		program
			.command(name)
			.description(description)
			.helpOption(false)
			.allowUnknownOption()
			.allowExcessArguments()
			.passThroughOptions()
			.argument('[args...]')
			.action((args: string[]) => {
				const options = program.opts<GlobalOptions>();
				if (mutates && options.readOnly) {
					process.stderr.write(`dnet: refused: dnet ${name} changes containers, and --read-only is set\n`);
					result = Promise.resolve(1);
					return;
				}
				result = runCommand(load, args, options);
			});
	};
	sub('ps', 'list containers with their ports and links (like docker ps)', async () => (await import('./commands/ps.js')).psCommand);
	sub('port', 'list port mappings of a container (like docker port)', async () => (await import('./commands/port.js')).portCommand);
	sub('run', 'create and start a container with ports and links (like docker run; -d in the background)', async () => (await import('./commands/run.js')).runCommand, true);
	sub('publish', 'publish container ports: recreate it safely with the new bindings', async () => (await import('./commands/publish.js')).publishCommand, true);
	sub('unpublish', 'unpublish container ports: recreate it safely without them', async () => (await import('./commands/unpublish.js')).unpublishCommand, true);
	sub('links', 'list links as recipient --alias--> source, broken ones flagged', async () => (await import('./commands/links.js')).linksCommand);
	sub('link', 'link a recipient to a source (--link source:alias): recreates the recipient safely', async () => (await import('./commands/link.js')).linkCommand, true);
	sub('unlink', 'remove a link from a recipient: recreates it safely', async () => (await import('./commands/unlink.js')).unlinkCommand, true);
	sub('context', 'list the docker contexts (ls [--json]) or set the current one (use NAME)', async () => (await import('./commands/contexts.js')).contextsCommand(program.opts<GlobalOptions>(), process.env));
	sub('services', 'list swarm services with their published ports (like docker service ls)', async () => (await import('./commands/swarm/services.js')).servicesCommand);
	sub('service', 'service publish|unpublish: change a swarm service\'s published ports (a rolling service update)', async () => (await import('./commands/swarm/service-ports.js')).serviceCommand, true);
	sub('doctor', 'why a published port does not answer: one verdict per check, with the fix', async () => (await import('./commands/doctor.js')).doctorCommand);
	try {
		await program.parseAsync(argv, {from: 'user'});
	} catch (error) {
		if (error instanceof CommanderError) return commanderFailure(error);
		process.stderr.write(`${errorLine(error)}\n`);
		return 1;
	}
	return result;
}

main(process.argv.slice(2)).then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		process.stderr.write(`${errorLine(error)}\n`);
		process.exitCode = 1;
	},
);
