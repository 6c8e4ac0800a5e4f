/**
 * The port doctor (issue 16): gathers the facts about a container's ports without changing
 * anything (no pull, no start, no exec but `cat`) and lets `model/doctor/` judge them. Used by
 * `dnet doctor` and the TUI alike (ARCHITECTURE.md, "The layers and the feature folders").
 */
import type {Engine} from '../engine/engine.js';
import {findPortOwner} from '../engine/port-owner.js';
import {probeTcp, type Prober} from '../engine/probe.js';
import type {ContainerDetails, HostBinding, Protocol} from '../model/container.js';
import {diagnose} from '../model/doctor/checks.js';
import type {Diagnosis, DoctorFacts, LinkFact, PortFact, ProbeFact} from '../model/doctor/facts.js';
import {envPrefix} from '../model/links.js';
import {hostPortsCollide, type HostPort} from '../model/host-ports.js';
import {containerReader, readSockets, type ContainerReader} from './doctor-read.js';

/** One port to look at (`5000/tcp`); all of the container's when absent. */
export interface PortChoice {
	port: number;
	proto: Protocol;
}

const hostKey = (b: HostBinding): string => {
	const ip = b.hostIp === '' ? '0.0.0.0' : b.hostIp;
	return ip.includes(':') ? `[${ip}]:${b.hostPort}` : `${ip}:${b.hostPort}`;
};

/** `--network host`: the container uses the engine's machine's network stack. */
const inHostNetwork = (d: ContainerDetails): boolean => d.networks.length === 1 && d.networks[0]?.name === 'host';

function portFacts(d: ContainerDetails, only?: PortChoice): PortFact[] {
	const host = inHostNetwork(d);
	const keys = new Set([...d.exposedPorts, ...Object.keys(d.portBindings), ...Object.keys(d.ports)]);
	if (only) {
		keys.clear();
		keys.add(`${only.port}/${only.proto}`);
	}
	return [...keys]
		.map((key) => {
			const [num = '', proto = 'tcp'] = key.split('/');
			// In host mode the port is the machine's own, on every interface: that is what is probed.
			const bindings = host ? [{hostIp: '', hostPort: num}] : ((d.state.running ? d.ports[key] : d.portBindings[key]) ?? []);
			return {port: Number(num), proto: proto as Protocol, bindings: bindings.filter((b) => b.hostPort !== '' || !d.state.running), probes: {}};
		})
		.filter((p) => Number.isInteger(p.port) && p.port > 0)
		.sort((a, b) => a.port - b.port || a.proto.localeCompare(b.proto));
}

/** Who holds the host port a failed start wanted: another container, or something else on the machine. */
async function holderOf(engine: Engine, d: ContainerDetails): Promise<string | undefined> {
	const m = /(?:Bind for |listen \w+ )\[?([0-9a-f.:]*?)\]?:(\d+)(?: failed|: bind)/i.exec(d.state.error);
	if (!m) return undefined;
	const ip = m[1] ?? '';
	const port = Number(m[2]);
	// The engine's words do not say the protocol: take it from the container's own bindings of that port.
	const protos = new Set(
		Object.entries(d.portBindings)
			.filter(([, bs]) => (bs ?? []).some((b) => Number(b.hostPort) === port))
			.map(([key]) => key.split('/')[1] ?? 'tcp'),
	);
	if (protos.size === 0) protos.add('tcp');
	const wanted = (protocol: string): HostPort => ({hostIp: ip === '0.0.0.0' ? '' : ip, hostPort: port, protocol});
	const others = await engine.listContainers(false);
	const owner = others.find(
		(c) =>
			c.id !== d.id &&
			c.ports.some((p) => p.publicPort !== undefined && [...protos].some((proto) => hostPortsCollide(wanted(proto), {hostIp: p.ip ?? '', hostPort: p.publicPort ?? 0, protocol: p.type}))),
	);
	if (owner) return `container ${owner.name}`;
	if (!engine.isLocal) return `something on the engine's machine on port ${port}`;
	const proc = await findPortOwner(port);
	return proc ? `${proc.command} (pid ${proc.pid}), a process on this machine,` : `a process on this machine (not a container) on port ${port}`;
}

async function probe(prober: Prober, p: PortFact): Promise<void> {
	for (const b of p.bindings) {
		const r = await prober(b.hostIp, Number(b.hostPort), 1000);
		const fact: ProbeFact = {status: r.status, ms: r.ms, target: r.target, ...(r.code ? {code: r.code} : {})};
		p.probes[hostKey(b)] = fact;
	}
}

const bridgeIp = (d: ContainerDetails): string => d.networks.find((n) => n.name === 'bridge')?.ipAddress ?? '';

/** The env `_ADDR` values and hosts addresses a recipient holds for `alias`. */
async function linkFact(engine: Engine, recipient: ContainerDetails, source: string, alias: string, readers: Map<string, ContainerReader>): Promise<LinkFact> {
	const src = await engine.inspectContainer(source).catch(() => null);
	const fact: LinkFact = {recipient: recipient.name, source, alias, sourceIp: src ? bridgeIp(src) : '', envAddrs: null, hostsAddrs: null};
	if (!recipient.state.running) return {...fact, unreadable: `${recipient.name} is not running`};
	let reader = readers.get(recipient.name);
	if (!reader) {
		reader = await containerReader(engine, recipient.name, recipient.hostname);
		readers.set(recipient.name, reader);
	}
	if (reader.how === null) return {...fact, unreadable: reader.reason};
	const [environ, hosts] = await Promise.all([reader.read('/proc/1/environ'), reader.read('/etc/hosts')]);
	if (environ === null || hosts === null) return {...fact, unreadable: `could not read the environment or /etc/hosts of ${recipient.name}`};
	const prefix = envPrefix(alias);
	const addr = new RegExp(`^${prefix}_PORT_\\d+_(TCP|UDP|SCTP)_ADDR=`);
	const envAddrs = environ.split('\0').filter((v) => addr.test(v));
	const hostsAddrs = hosts
		.split('\n')
		.map((l) => l.trim().split(/\s+/))
		.filter((cols) => cols.length > 1 && cols.slice(1).includes(alias) && !(cols[0] ?? '').includes(':'))
		.map((cols) => cols[0] as string);
	return {...fact, envAddrs, hostsAddrs};
}

async function linkFacts(engine: Engine, d: ContainerDetails): Promise<LinkFact[]> {
	const readers = new Map<string, ContainerReader>();
	const facts: LinkFact[] = [];
	for (const l of d.links) facts.push(await linkFact(engine, d, l.source, l.alias, readers));
	const all = await engine.listContainers(true);
	for (const c of all) {
		for (const l of c.links) {
			if (l.source !== d.name || c.id === d.id) continue;
			const recipient = await engine.inspectContainer(c.id).catch(() => null);
			if (recipient) facts.push(await linkFact(engine, recipient, l.source, l.alias, readers));
		}
	}
	return facts;
}

/** Everything the doctor needs to know about `container` (throws the engine's error when it does not exist). */
export async function doctorFacts(engine: Engine, container: string, only?: PortChoice, prober: Prober = probeTcp): Promise<DoctorFacts> {
	const d = await engine.inspectContainer(container);
	const ports = portFacts(d, only);
	const reader = d.state.running ? await containerReader(engine, d.name, d.hostname) : null;
	const sockets = reader ? await readSockets(reader) : {source: 'none' as const, reason: `${d.name} is not running`};
	const holder = d.state.running ? undefined : await holderOf(engine, d);
	if (d.state.running && engine.isLocal) for (const p of ports) if (p.proto === 'tcp') await probe(prober, p);
	return {
		name: d.name,
		status: d.state.status,
		running: d.state.running,
		exitCode: d.state.exitCode,
		error: d.state.error,
		...(holder ? {holder} : {}),
		local: engine.isLocal,
		...(inHostNetwork(d)
			? {hostNetwork: true, ignoredPublish: Object.entries(d.portBindings).flatMap(([key, bs]) => (bs ?? []).map((b) => `${b.hostIp ? `${b.hostIp}:` : ''}${b.hostPort}:${key}`))}
			: {}),
		sockets,
		ports,
		links: await linkFacts(engine, d),
	};
}

/** The diagnosis of `container` (all its ports, or `only`). */
export async function diagnoseContainer(engine: Engine, container: string, only?: PortChoice, prober: Prober = probeTcp): Promise<Diagnosis> {
	return diagnose(await doctorFacts(engine, container, only, prober));
}
