/**
 * A service's `--publish` values read exactly as the docker CLI 28 reads them (`opts.PortOpt.Set`):
 * the long syntax (`published=8080,target=80,protocol=udp,mode=host`, read as one CSV record, case
 * folded) when the value contains `word=word`, else the short `-p` syntax through the container
 * parser (no host IP allowed; a host-port range on one target publishes each port of it).
 * Errors are the CLI's words; `publishFlagError` wraps them as the CLI prints a bad flag.
 */
import {PortSpecError} from '../ports/errors.js';
import {goQuote, parseUint16} from '../ports/go-strconv.js';
import {parsePortRange, parsePortSpec} from '../ports/parse.js';
import {CsvError, readCsvRecord} from './go-csv.js';
import type {PortProtocol, ServicePort} from './types.js';

const LONG_SYNTAX = /\w+=\w+(,\w+=\w+)*/;

function longSyntax(value: string): ServicePort {
	let fields: string[];
	try {
		fields = readCsvRecord(value);
	} catch (error) {
		throw new PortSpecError(error instanceof CsvError ? error.message : 'EOF');
	}
	const port: ServicePort = {protocol: 'tcp', targetPort: 0, publishedPort: 0, publishMode: 'ingress'};
	for (const field of fields) {
		const lower = field.toLowerCase();
		const eq = lower.indexOf('=');
		const key = eq < 0 ? '' : lower.slice(0, eq);
		const val = eq < 0 ? '' : lower.slice(eq + 1);
		if (eq < 0 || key === '') throw new PortSpecError(`invalid field: ${field}`);
		switch (key) {
			case 'protocol':
				if (val !== 'tcp' && val !== 'udp' && val !== 'sctp') throw new PortSpecError(`invalid protocol value '${val}'`);
				port.protocol = val;
				break;
			case 'mode':
				if (val !== 'ingress' && val !== 'host') throw new PortSpecError(`invalid publish mode value (${val}): must be either 'ingress' or 'host'`);
				port.publishMode = val;
				break;
			case 'target':
			case 'published': {
				const n = parseUint16(val);
				// The CLI keeps Go's reason only: `invalid target port (x): value must be an integer: invalid syntax`.
				if (!n.ok) throw new PortSpecError(`invalid ${key} port (${val}): value must be an integer: ${n.error.replace(/^.*: /, '')}`);
				if (key === 'target') port.targetPort = n.value;
				else port.publishedPort = n.value;
				break;
			}
			default:
				throw new PortSpecError(`invalid field key: ${key}`);
		}
	}
	if (port.targetPort === 0) throw new PortSpecError("missing mandatory field 'target'");
	return port;
}

function shortSyntax(value: string): ServicePort[] {
	const mappings = parsePortSpec(value);
	if (mappings.some((m) => m.binding.HostIp !== '')) throw new PortSpecError('hostip is not supported');
	const out: ServicePort[] = [];
	for (const m of mappings) {
		const [target = '0', proto = 'tcp'] = m.port.split('/');
		const host = m.binding.HostPort;
		const range = parsePortRange(host);
		if (!range.ok && host !== '') throw new PortSpecError(`invalid hostport binding (${host}) for port (${target})`);
		const [start, end] = range.ok ? [range.start, range.end] : [0, 0];
		for (let p = start; p <= end; p++) {
			out.push({protocol: proto.toLowerCase() as PortProtocol, targetPort: Number(target), publishedPort: p, publishMode: 'ingress'});
		}
	}
	return out;
}

/**
 * The port configs one `--publish` value adds, in the CLI's order (its short syntax goes through a
 * Go map, so a range's order is not fixed there; compare as sets).
 * @throws PortSpecError with the CLI's message (without the flag's prefix).
 */
export function parsePublish(value: string): ServicePort[] {
	return LONG_SYNTAX.test(value) ? [longSyntax(value)] : shortSyntax(value);
}

/** The line the CLI prints for a bad value: `invalid argument "x" for "-p, --publish" flag: …`. */
export function publishFlagError(value: string, message: string, flag = '-p, --publish'): string {
	return `invalid argument ${goQuote(value)} for ${goQuote(flag)} flag: ${message}`;
}

/** Every value parsed, in order; the first bad one throws. */
export function parsePublishAll(values: readonly string[]): ServicePort[] {
	return values.flatMap(parsePublish);
}

/** The key the CLI's update uses to tell ports apart: `8080:80/tcp/ingress`. */
export function portKey(p: ServicePort): string {
	return `${p.publishedPort}:${p.targetPort}/${p.protocol}/${p.publishMode}`;
}

/** One port in the long syntax, as the editor shows and the update line prints it. */
export function longSpec(p: ServicePort): string {
	const parts = [`published=${p.publishedPort}`, `target=${p.targetPort}`];
	if (p.publishedPort === 0) parts.shift();
	if (p.protocol !== 'tcp') parts.push(`protocol=${p.protocol}`);
	if (p.publishMode !== 'ingress') parts.push(`mode=${p.publishMode}`);
	return parts.join(',');
}

/** One port in the shortest form the CLI reads back to it: `8080:80`, `53:53/udp`, else the long syntax. */
export function portSpec(p: ServicePort): string {
	if (p.publishMode !== 'ingress') return longSpec(p);
	const proto = p.protocol === 'tcp' ? '' : `/${p.protocol}`;
	return p.publishedPort === 0 ? `${p.targetPort}${proto}` : `${p.publishedPort}:${p.targetPort}${proto}`;
}
