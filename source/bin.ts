#!/usr/bin/env node
/**
 * dnet's executable (ARCHITECTURE.md, "Start-up"). The same entry (cli.ts) is built twice: the
 * commands' build is one file, so `dnet ps` and `dnet port` load two modules of dnet's, this one and
 * that file (each module costs Node's loader a read and a compile; they were a dozen chunks); the full build is split, so that the UI loads after the first
 * frame. A command line that names a command goes to the first, everything else to the second
 * (which also runs every command: nothing depends on this choice but the time).
 */
import {commandOf} from './model/cli/commands.js';

// Kept as expressions so that the bundler leaves them to the built files next to this one.
const build = commandOf(process.argv.slice(2)) === null ? './ui.js' : './cmd.js';
await import(build);
