/**
 * `dnet ps [-a] [-l] [-n N] [-q] [--json]`: the containers `docker ps` lists, in its order (newest
 * first), with the same PORTS text, plus the links each one holds. Never loads Ink or React.
 */
import {Command as Commander, CommanderError, InvalidArgumentError} from 'commander';
import type {ContainerSummary} from '../model/container.js';
import {formatPortsColumn} from '../model/ports/index.js';
import type {Command} from './context.js';
import {formatTable} from './table.js';

/** The documented, stable JSON shape of one container in `dnet ps --json` (version 1). */
export interface PsJson {
	id: string;
	name: string;
	image: string;
	command: string;
	/** Seconds since the epoch. */
	created: number;
	state: string;
	status: string;
	/** The PORTS text of `docker ps`. */
	portsText: string;
	ports: Array<{ip: string | null; privatePort: number; publicPort: number | null; protocol: string}>;
	links: Array<{alias: string; source: string}>;
	networks: Array<{name: string; ipAddress: string; ipv6Address: string | null}>;
}

function toPsJson(c: ContainerSummary): PsJson {
	return {
		id: c.id,
		name: c.name,
		image: c.image,
		command: c.command,
		created: c.created,
		state: c.state,
		status: c.status,
		portsText: formatPortsColumn(c.ports),
		ports: c.ports.map((p) => ({ip: p.ip ?? null, privatePort: p.privatePort, publicPort: p.publicPort ?? null, protocol: p.type})),
		links: c.links.map((l) => ({alias: l.alias, source: l.source})),
		networks: c.networks.map((n) => ({name: n.name, ipAddress: n.ipAddress, ipv6Address: n.ipv6Address ?? null})),
	};
}

function parseCount(value: string): number {
	const n = Number(value);
	if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('not a whole number.');
	return n;
}

interface PsOptions {
	all?: boolean;
	latest?: boolean;
	last?: number;
	quiet?: boolean;
	json?: boolean;
}

/** Picks and orders containers as `docker ps` does: newest first; `-n`/`-l` imply all. */
export function selectForPs(containers: ContainerSummary[], options: PsOptions): ContainerSummary[] {
	// The engine lists newest first to the nanosecond; `created` is in seconds, so a stable sort keeps its order on ties.
	const sorted = [...containers].sort((a, b) => b.created - a.created);
	// As docker: `-n 0` (or negative) is no limit, and then only running containers unless `-a`.
	const limit = options.latest ? 1 : options.last !== undefined && options.last > 0 ? options.last : undefined;
	const all = options.all || limit !== undefined;
	const shown = all ? sorted : sorted.filter((c) => c.state === 'running' || c.state === 'paused' || c.state === 'restarting');
	return limit !== undefined ? shown.slice(0, limit) : shown;
}

export const psCommand: Command = async (args, ctx) => {
	const program = new Commander('dnet ps')
		.description('List containers with their published ports and links')
		.option('-a, --all', 'show all containers (default shows just running)')
		.option('-l, --latest', 'show the latest created container (includes all states)')
		.option('-n, --last <n>', 'show n last created containers (includes all states)', parseCount)
		.option('-q, --quiet', 'only display container IDs')
		.option('--json', 'print JSON (an array of objects, see the README)')
		.exitOverride()
		.configureOutput({writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s)});
	try {
		program.parse(args, {from: 'user'});
	} catch (error) {
		if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 125;
		throw error;
	}
	const options = program.opts<PsOptions>();
	const containers = selectForPs(await ctx.engine().listContainers(true), options);
	if (options.json) {
		ctx.stdout.write(`${JSON.stringify(containers.map(toPsJson), null, 2)}\n`);
		return 0;
	}
	if (options.quiet) {
		ctx.stdout.write(containers.map((c) => `${c.id.slice(0, 12)}\n`).join(''));
		return 0;
	}
	const rows = containers.map((c) => [
		c.id.slice(0, 12),
		c.name,
		c.image,
		c.status,
		formatPortsColumn(c.ports),
		c.links.map((l) => `${l.alias}->${l.source}`).join(', '),
	]);
	ctx.stdout.write(formatTable(['CONTAINER ID', 'NAME', 'IMAGE', 'STATUS', 'PORTS', 'LINKS'], rows));
	return 0;
};
