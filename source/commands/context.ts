/**
 * What a non-interactive command gets: a lazily connected engine and the two output streams.
 * Commands never import Ink or React, and never call `process.exit`: they return the exit status.
 */
import type {Engine} from '../engine/engine.js';

export interface Output {
	/** Text, or raw bytes (a container's output, passed on as they come). */
	write(text: string | Uint8Array): void;
}

/** The signals a command may take over while it runs (`dnet run` forwards them to its container). */
export type ForwardedSignal = 'SIGINT' | 'SIGTERM';

export interface CommandContext {
	/** Connects on first use; throws `EngineError` when the engine cannot be reached. */
	engine(): Engine;
	stdout: Output;
	stderr: Output;
	/**
	 * Test hook for the recreate transaction, called before each step (see `recreate`'s `faults`):
	 * set by cli.ts only when DNET_TEST_PAUSE_BEFORE names a step, to let a test kill dnet there.
	 */
	faults?: (step: string) => void | Promise<void>;
	/**
	 * Takes SIGINT and SIGTERM over until the returned function is called (then dnet's own handling
	 * is back). Absent (tests), nothing is taken over.
	 */
	onSignal?: (handler: (signal: ForwardedSignal) => void) => () => void;
}

/** A non-interactive command: takes its own arguments (after the command name), returns the exit status. */
export type Command = (args: string[], ctx: CommandContext) => Promise<number>;
