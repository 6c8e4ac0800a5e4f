/**
 * A `docker run -d` command line reduced to the flags dnet supports, and the Engine API create
 * body the docker CLI 28 sends for it.
 */
import {networkingBody, type EndpointBody, type RunNetworking} from './cli/run-network.js';
import {errorText} from './error-text.js';
import {buildPortConfig, type EngineBinding} from './ports/index.js';

/** What `dnet run` was asked to do (the networking flags: `cli/run-network.ts`). */
export interface RunSpec extends RunNetworking {
	/** `--name`, or null for an engine-generated name. */
	name: string | null;
	image: string;
	/** COMMAND and ARGs after the image; empty for the image's default. */
	command: string[];
	/** `-p/--publish` values, in order. */
	publish: string[];
	/** `-P/--publish-all`. */
	publishAll: boolean;
	/** `--expose` values, in order. */
	expose: string[];
	/** `--link` values as typed (`db`, `db:alias`). */
	links: string[];
	/** `--rm`. */
	autoRemove: boolean;
	/** `--dry-run`: print the create body, contact no engine. */
	dryRun: boolean;
	/** `-h/--hostname`, when given. */
	hostname?: string;
}

/** An invalid `dnet run` input; the message is the docker CLI's (or engine's) own words. */
export class RunSpecError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'RunSpecError';
	}
}

/** The create body dnet sends: the fields the CLI sends for these flags, with the CLI's values. */
export interface RunCreateBody {
	Hostname?: string;
	Image: string;
	Cmd: string[] | null;
	ExposedPorts?: Record<string, Record<string, never>>;
	AttachStdin: false;
	AttachStdout: false;
	AttachStderr: false;
	Tty: false;
	OpenStdin: false;
	StdinOnce: false;
	HostConfig: {
		PortBindings: Record<string, EngineBinding[]>;
		PublishAllPorts: boolean;
		Links: string[] | null;
		AutoRemove: boolean;
		Dns: string[];
		DnsSearch: string[];
		DnsOptions: string[];
		ExtraHosts: string[] | null;
		NetworkMode: string;
	};
	NetworkingConfig: {EndpointsConfig: Record<string, EndpointBody>};
}

/**
 * The CLI's `opts.ValidateLink` (`--link NAME[:ALIAS]`), checked while flags are parsed.
 * @throws RunSpecError `invalid argument "…" for "--link" flag: …`.
 */
export function validateLink(value: string): string {
	const fail = (why: string) => new RunSpecError(`invalid argument "${value}" for "--link" flag: ${why}`);
	if (value === '') throw fail('empty string specified for links');
	if (value.split(':').length > 2) throw fail(`bad format for links: ${value}`);
	return value;
}

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/**
 * The engine's container-name rule (a leading `/` is allowed and dropped by the engine).
 * @throws RunSpecError with the engine's words.
 */
export function validateContainerName(name: string): void {
	if (!NAME.test(name.startsWith('/') ? name.slice(1) : name)) {
		throw new RunSpecError(`Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
	}
}

/**
 * The create body of `docker run -d` for the spec, checking what the CLI checks (port specs,
 * then `--expose`) and then the name, as the engine would.
 * @throws RunSpecError (port errors keep the CLI's message).
 */
export function buildCreateBody(spec: RunSpec): RunCreateBody {
	let ports;
	try {
		ports = buildPortConfig({publish: spec.publish, expose: spec.expose, publishAll: spec.publishAll});
	} catch (error) {
		throw new RunSpecError(errorText(error));
	}
	let networking;
	try {
		networking = networkingBody(spec, spec.links);
	} catch (error) {
		throw new RunSpecError(errorText(error));
	}
	if (spec.name !== null && spec.name !== '') validateContainerName(spec.name);
	// Same key order as the CLI's JSON.
	const exposed = Object.keys(ports.ExposedPorts).length > 0 ? {ExposedPorts: ports.ExposedPorts} : {};
	const body: RunCreateBody = {
		...(spec.hostname ? {Hostname: spec.hostname} : {}),
		AttachStdin: false,
		AttachStdout: false,
		AttachStderr: false,
		...exposed,
		Tty: false,
		OpenStdin: false,
		StdinOnce: false,
		Cmd: spec.command.length > 0 ? [...spec.command] : null,
		Image: spec.image,
		HostConfig: {
			PortBindings: ports.PortBindings,
			PublishAllPorts: ports.PublishAllPorts,
			Links: spec.links.length > 0 ? [...spec.links] : null,
			AutoRemove: spec.autoRemove,
			Dns: [...(spec.dns ?? [])],
			DnsSearch: [],
			DnsOptions: [],
			ExtraHosts: spec.extraHosts && spec.extraHosts.length > 0 ? [...spec.extraHosts] : null,
			NetworkMode: networking.NetworkMode,
		},
		NetworkingConfig: {EndpointsConfig: networking.EndpointsConfig},
	};
	return body;
}

const SAFE = /^[A-Za-z0-9_./:=@%+,-]+$/;
const shellQuote = (word: string): string => (SAFE.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`);

/** The equivalent `docker run -d …` command line, shell-quoted (for previews). */
export function renderDockerRun(
	spec: RunSpec,
	extra: {
		/** `create`: a container that would be created, not started (`docker create`). */
		verb?: 'run' | 'create';
		/** Networks other than the default bridge, with the container's aliases on each. */
		networks?: ReadonlyArray<{name: string; aliases: readonly string[]}>;
	} = {},
): string {
	const words = extra.verb === 'create' ? ['docker', 'create'] : ['docker', 'run', '-d'];
	if (spec.autoRemove) words.push('--rm');
	if (spec.name) words.push('--name', spec.name);
	if (spec.hostname) words.push('-h', spec.hostname);
	for (const n of spec.networks ?? []) {
		const options = [...n.aliases.map((a) => `alias=${a}`), ...(n.ipv4 ? [`ip=${n.ipv4}`] : []), ...(n.ipv6 ? [`ip6=${n.ipv6}`] : [])];
		words.push('--network', options.length > 0 ? [`name=${n.target}`, ...options].join(',') : n.target);
	}
	for (const a of spec.networkAliases ?? []) words.push('--network-alias', a);
	if (spec.ip) words.push('--ip', spec.ip);
	if (spec.ip6) words.push('--ip6', spec.ip6);
	for (const d of spec.dns ?? []) words.push('--dns', d);
	for (const h of spec.extraHosts ?? []) words.push('--add-host', h);
	for (const n of extra.networks ?? []) {
		words.push('--network', n.name);
		for (const a of n.aliases) words.push('--network-alias', a);
	}
	for (const p of spec.publish) words.push('-p', p);
	if (spec.publishAll) words.push('-P');
	for (const e of spec.expose) words.push('--expose', e);
	for (const l of spec.links) words.push('--link', l);
	words.push(spec.image, ...spec.command);
	return words.map(shellQuote).join(' ');
}
