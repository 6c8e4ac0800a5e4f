/**
 * Port rows of the editor and the new-container form: one `-p` spec per row, in docker syntax
 * (`127.0.0.1::5000/udp`), read back from a container's requested bindings, shown as fields, and
 * validated with the docker CLI's own messages.
 */
import type {HostBinding, PortMap} from './container.js';
import {
	buildPortConfig,
	formatPortList,
	naturalLess,
	parsePortSpec,
	PortSpecError,
	toStandardNotation,
	type EngineBinding,
	type EnginePortConfig,
} from './ports/index.js';

/** The `-p` spec that produces one binding of `key` (`5000/tcp`): `127.0.0.1::5000`, `8080:5000/udp`. */
export function specOf(key: string, binding: HostBinding): string {
	const [port = '', proto = 'tcp'] = key.split('/');
	const target = proto === 'tcp' ? port : `${port}/${proto}`;
	const ip = binding.hostIp.includes(':') ? `[${binding.hostIp}]` : binding.hostIp;
	if (ip !== '') return `${ip}:${binding.hostPort}:${target}`;
	return binding.hostPort !== '' ? `${binding.hostPort}:${target}` : target;
}

/** One row per requested binding (`HostConfig.PortBindings`), in `docker port` order. */
export function specsFromBindings(bindings: PortMap): string[] {
	const keys = Object.keys(bindings).sort((a, b) => (naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0));
	return keys.flatMap((k) => (bindings[k] ?? []).map((b) => specOf(k, b)));
}

/** The docker CLI's message for an invalid spec, or null when `docker run -p SPEC` accepts it. */
export function specError(spec: string): string | null {
	try {
		buildPortConfig({publish: [spec], expose: [], publishAll: false});
		return null;
	} catch (error) {
		if (error instanceof PortSpecError) return error.message;
		throw error;
	}
}

/** A spec shown as fields; ranges as `8000-8010`, an unset host port as empty. */
export interface SpecFields {
	hostIp: string;
	hostPort: string;
	containerPort: string;
	protocol: string;
}

/** The fields of a valid spec (first to last port of a range), or null when it is invalid. */
export function specFields(spec: string): SpecFields | null {
	let mappings;
	try {
		mappings = parsePortSpec(toStandardNotation(spec));
	} catch {
		return null;
	}
	const first = mappings[0];
	const last = mappings[mappings.length - 1];
	if (!first || !last) return null;
	const [port = '', protocol = 'tcp'] = first.port.split('/');
	const lastPort = last.port.split('/')[0] ?? '';
	const lastHost = last.binding.HostPort;
	const hostPort =
		mappings.length > 1 && first.binding.HostPort !== '' && lastHost !== first.binding.HostPort
			? `${first.binding.HostPort}-${lastHost}`
			: first.binding.HostPort;
	return {hostIp: first.binding.HostIp, hostPort, containerPort: port === lastPort ? port : `${port}-${lastPort}`, protocol};
}

/** The first invalid row: its index and the CLI's message; null when every row is valid. */
export function firstInvalid(specs: readonly string[]): {index: number; message: string} | null {
	for (let i = 0; i < specs.length; i++) {
		const message = specError(specs[i] ?? '');
		if (message !== null) return {index: i, message};
	}
	return null;
}

/**
 * The port fields of the rows, as `docker run -p … [-P]` would send them.
 * @throws PortSpecError for the first invalid row.
 */
export function portConfigOf(specs: readonly string[], publishAll: boolean): EnginePortConfig {
	return buildPortConfig({publish: specs, expose: [], publishAll});
}

/**
 * `docker port`-style lines of requested bindings (`formatPortList`): `5000/tcp -> 127.0.0.1:8080`,
 * an unset host IP as `0.0.0.0` and an unset host port as `random`.
 */
export function requestedLines(bindings: Record<string, ReadonlyArray<HostBinding | EngineBinding> | null>): string[] {
	const ports: PortMap = {};
	for (const [key, list] of Object.entries(bindings)) {
		ports[key] = (list ?? []).map((b) => {
			const ip = 'hostIp' in b ? b.hostIp : b.HostIp;
			const port = 'hostPort' in b ? b.hostPort : b.HostPort;
			return {hostIp: ip === '' ? '0.0.0.0' : ip, hostPort: port === '' ? 'random' : port};
		});
	}
	return formatPortList(ports);
}

/** Splits a typed command line into words, honouring single and double quotes (no expansion). */
export function splitCommand(text: string): string[] {
	const words: string[] = [];
	let word = '';
	let quote: '"' | "'" | null = null;
	let started = false;
	for (const ch of text) {
		if (quote) {
			if (ch === quote) quote = null;
			else word += ch;
		} else if (ch === '"' || ch === "'") {
			quote = ch;
			started = true;
		} else if (/\s/.test(ch)) {
			if (started) words.push(word);
			word = '';
			started = false;
		} else {
			word += ch;
			started = true;
		}
	}
	if (started) words.push(word);
	return words;
}
