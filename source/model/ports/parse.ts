/**
 * `-p/--publish` specs and `--expose` values read exactly as the docker CLI 28 reads them
 * (`cli/command/container/opts.go` with go-connections `nat.ParsePortSpec`): same results, same
 * error words, same order of checks.
 */
import {PortSpecError} from './errors.js';
import {isGoIP, splitHostPort} from './go-net.js';
import {parseUint16} from './go-strconv.js';

/** One host binding in Engine API form (`HostConfig.PortBindings` entries). */
export interface EngineBinding {
	HostIp: string;
	HostPort: string;
}

/** One container port of a spec and its binding, as `nat.PortMapping`. */
export interface PortMapping {
	/** `"80/tcp"`: the key in `ExposedPorts` and `PortBindings`. */
	port: string;
	binding: EngineBinding;
}

/** A port range as `nat.ParsePortRange` returns it, or its error text. */
type RangeResult = {ok: true; start: number; end: number} | {ok: false; error: string};

/** go-connections `nat.ParsePortRange`: `"80"`, `"8000-8010"` (text after a second `-` is ignored). */
export function parsePortRange(ports: string): RangeResult {
	if (ports === '') return {ok: false, error: 'empty string specified for ports'};
	if (!ports.includes('-')) {
		const single = parseUint16(ports);
		return single.ok ? {ok: true, start: single.value, end: single.value} : single;
	}
	const parts = ports.split('-');
	const start = parseUint16(parts[0] ?? '');
	if (!start.ok) return start;
	const end = parseUint16(parts[1] ?? '');
	if (!end.ok) return end;
	if (end.value < start.value) return {ok: false, error: `invalid range specified for port: ${ports}`};
	return {ok: true, start: start.value, end: end.value};
}

/** go-connections `nat.SplitProtoPort`: `[proto, port]`, `["", ""]` when there is no port. */
export function splitProtoPort(raw: string): [string, string] {
	const parts = raw.split('/');
	const first = parts[0] ?? '';
	if (raw === '' || first === '') return ['', ''];
	if (parts.length === 1) return ['tcp', raw];
	const second = parts[1] ?? '';
	return second === '' ? ['tcp', first] : [second, first];
}

function splitParts(raw: string): [ip: string, hostPort: string, containerPort: string] {
	const parts = raw.split(':');
	const n = parts.length;
	if (n === 1) return ['', '', parts[0] ?? ''];
	if (n === 2) return ['', parts[0] ?? '', parts[1] ?? ''];
	return [parts.slice(0, n - 2).join(':'), parts[n - 2] ?? '', parts[n - 1] ?? ''];
}

/**
 * Parses one short-form spec (`[ip:][hostPort:]containerPort[/proto]`) as `nat.ParsePortSpec`.
 * @throws PortSpecError with the CLI's message.
 */
export function parsePortSpec(raw: string): PortMapping[] {
	let [ip, hostPort, containerPort] = splitParts(raw);
	let proto: string;
	[proto, containerPort] = splitProtoPort(containerPort);
	if (ip !== '' && ip[0] === '[') {
		const split = splitHostPort(`${ip}:`);
		if ('error' in split) throw new PortSpecError(`invalid IP address ${ip}: ${split.error}`);
		ip = split.host;
	}
	if (ip !== '' && !isGoIP(ip)) throw new PortSpecError(`invalid IP address: ${ip}`);
	if (containerPort === '') throw new PortSpecError(`no port specified: ${raw}<empty>`);
	const container = parsePortRange(containerPort);
	if (!container.ok) throw new PortSpecError(`invalid containerPort: ${containerPort}`);
	let hostStart = 0;
	let hostEnd = 0;
	if (hostPort !== '') {
		const host = parsePortRange(hostPort);
		if (!host.ok) throw new PortSpecError(`invalid hostPort: ${hostPort}`);
		hostStart = host.start;
		hostEnd = host.end;
		if (container.end - container.start !== hostEnd - hostStart && container.end !== container.start) {
			throw new PortSpecError(`invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}`);
		}
	}
	// Checked lower-cased, reported as typed.
	const lower = proto.toLowerCase();
	if (lower !== 'tcp' && lower !== 'udp' && lower !== 'sctp') throw new PortSpecError(`invalid proto: ${proto}`);
	proto = lower;
	const count = container.end - container.start + 1;
	const out: PortMapping[] = [];
	for (let i = 0; i < count; i++) {
		let hPort = '';
		if (hostPort !== '') {
			hPort = String(hostStart + i);
			if (count === 1 && hostStart !== hostEnd) hPort += `-${hostEnd}`;
		}
		out.push({port: `${container.start + i}/${proto}`, binding: {HostIp: ip, HostPort: hPort}});
	}
	return out;
}

/**
 * The CLI's `convertToStandardNotation`: a spec containing `=` is the long form
 * (`published=8080,target=80,protocol=udp`; other keys such as `mode` are accepted and ignored)
 * and becomes `published:target/protocol`; any other spec is returned as is.
 * @throws PortSpecError for a field that is not `name=value`.
 */
export function toStandardNotation(spec: string): string {
	if (!spec.includes('=')) return spec;
	const params = new Map<string, string>([['protocol', 'tcp']]);
	for (const param of spec.split(',')) {
		const eq = param.indexOf('=');
		if (eq <= 0) throw new PortSpecError(`invalid publish opts format (should be name=value but got '${param}')`);
		params.set(param.slice(0, eq), param.slice(eq + 1));
	}
	return `${params.get('published') ?? ''}:${params.get('target') ?? ''}/${params.get('protocol') ?? ''}`;
}

/**
 * Expands one `--expose` value (`80`, `80/udp`, `6000-6010/tcp`) into `ExposedPorts` keys. As in the
 * CLI, the protocol is neither checked nor lower-cased.
 * @throws PortSpecError with the CLI's message.
 */
export function parseExpose(value: string): string[] {
	if (value.includes(':')) throw new PortSpecError(`invalid port format for --expose: ${value}`);
	const [proto, port] = splitProtoPort(value);
	const range = parsePortRange(port);
	if (!range.ok) throw new PortSpecError(`invalid range format for --expose: ${value}, error: ${range.error}`);
	const out: string[] = [];
	for (let p = range.start; p <= range.end; p++) out.push(`${p}/${proto}`);
	return out;
}
