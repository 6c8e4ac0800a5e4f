/**
 * The port doctor's rules: from the facts about a container to one verdict per check, each with
 * its evidence and fix, in the one wording the TUI and `dnet doctor` share (ARCHITECTURE.md,
 * "The layers and the feature folders").
 */
import type {HostBinding} from '../container.js';
import type {Check, Diagnosis, DoctorFacts, LinkFact, PortFact, PortReport} from './facts.js';
import {isLoopback, isWildcard, listenerText, type Listener} from './sockets.js';

const hostText = (b: HostBinding): string => {
	const ip = b.hostIp === '' ? '0.0.0.0' : b.hostIp;
	// A stopped container's request may leave the port to the engine (`-p 127.0.0.1::5000`).
	const port = b.hostPort === '' ? '(any)' : b.hostPort;
	return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
};

/** What a host IP means for who can reach the binding. */
export function reachText(hostIp: string): string {
	if (hostIp === '' || hostIp === '0.0.0.0') return 'all IPv4 interfaces of the engine\'s machine';
	if (hostIp === '::') return 'all IPv6 interfaces of the engine\'s machine';
	if (isLoopback(hostIp)) return 'reachable from this machine only';
	return `only on the address ${hostIp}`;
}

function stateCheck(f: DoctorFacts): Check {
	if (f.running) return {check: 'state', verdict: 'ok', text: 'container is running'};
	if (f.error) {
		const who = f.holder ? `; ${f.holder} holds it now` : '';
		return {
			check: 'state',
			verdict: 'FAIL',
			text: `${f.name} could not start: ${f.error}${who}`,
			fix: f.holder ? `free that host port or publish another one, then docker start ${f.name}` : `fix what the engine says, then docker start ${f.name}`,
		};
	}
	return {check: 'state', verdict: 'FAIL', text: `${f.name} is ${f.status} (exit code ${f.exitCode})`, fix: `docker start ${f.name}`};
}

function bindingChecks(f: DoctorFacts, p: PortFact): Check[] {
	const spec = `${p.port}/${p.proto}`;
	if (f.hostNetwork) {
		const ignored = (f.ignoredPublish ?? []).filter((b) => b.endsWith(`:${spec}`));
		const note = ignored.length > 0 ? `; the engine ignored its -p ${ignored.join(', -p ')}` : '';
		return [{check: 'binding', verdict: 'ok', text: `host network: nothing is published; ${spec} is port ${p.port} of the engine's machine itself${note}`}];
	}
	if (p.bindings.length === 0) {
		return [
			{
				check: 'binding',
				verdict: 'FAIL',
				text: `${spec} is exposed but not published: nothing on the host leads to it`,
				fix: `publish it: -p ${p.port}:${p.port}${p.proto === 'tcp' ? '' : `/${p.proto}`} (dnet publish ${f.name} ${p.port}:${p.port}${p.proto === 'tcp' ? '' : `/${p.proto}`})`,
			},
		];
	}
	return p.bindings.map((b) => ({check: 'binding', verdict: 'ok', text: `published: ${hostText(b)} -> ${spec} (${reachText(b.hostIp)})`}));
}

function listenCheck(f: DoctorFacts, p: PortFact): Check {
	const spec = `${p.port}/${p.proto}`;
	if (!f.running) return {check: 'listen', verdict: '--', text: `nothing to read inside ${f.name}: it is not running`};
	if (f.sockets.source === 'none') return {check: 'listen', verdict: '--', text: `could not read what listens inside ${f.name}: ${f.sockets.reason}`};
	const same = f.sockets.listeners.filter((l) => l.proto === p.proto);
	const on = same.filter((l) => l.port === p.port);
	const via = f.sockets.source === 'proc' ? 'its /proc' : 'cat in the container';
	const open = on.find((l) => !isLoopback(l.address));
	if (f.hostNetwork) return hostListenCheck(f, p, on, via);
	if (open) {
		const where = isWildcard(open.address) ? 'all interfaces' : 'that address';
		return {check: 'listen', verdict: 'ok', text: `the app listens on ${listenerText(open)} inside ${f.name} (${where}; read from ${via})`};
	}
	if (on.length > 0) {
		return {
			check: 'listen',
			verdict: 'FAIL',
			text: `the app listens on ${listenerText(on[0] as Listener)} inside ${f.name}: published traffic cannot reach it`,
			fix: `make it listen on 0.0.0.0:${p.port} (or [::]:${p.port})`,
		};
	}
	const others = [...new Set(same.map((l) => l.port))].sort((a, b) => a - b);
	if (others.length > 0) {
		const list = others.map((n) => `${n}/${p.proto}`).join(', ');
		return {
			check: 'listen',
			verdict: 'FAIL',
			text: `nothing listens on ${spec} inside ${f.name}; the app listens on ${list}`,
			fix: `publish the port the app uses (-p HOST:${others[0]}) or make the app listen on ${p.port}`,
		};
	}
	return {check: 'listen', verdict: 'FAIL', text: `nothing listens on ${spec} inside ${f.name} (no ${p.proto} listener at all)`, fix: 'start the app, or check its logs: docker logs ' + f.name};
}

/** In host mode the socket table is the machine's: a loopback listener is fine from that machine, other ports are not the app's. */
function hostListenCheck(f: DoctorFacts, p: PortFact, on: Listener[], via: string): Check {
	const spec = `${p.port}/${p.proto}`;
	const open = on.find((l) => !isLoopback(l.address)) ?? on[0];
	if (!open) {
		return {check: 'listen', verdict: 'FAIL', text: `nothing listens on ${spec} on the engine's machine (${f.name} uses the host network)`, fix: `start the app, or check its logs: docker logs ${f.name}`};
	}
	const where = isLoopback(open.address) ? 'loopback only: reachable from that machine only' : isWildcard(open.address) ? 'all interfaces' : 'that address';
	return {check: 'listen', verdict: 'ok', text: `something listens on ${listenerText(open)} on the engine's machine (${where}; host network; read from ${via})`};
}

function probeChecks(f: DoctorFacts, p: PortFact, listen: Check): Check[] {
	const skip = (why: string): Check[] => [{check: 'probe', verdict: '--', text: `host side not probed: ${why}`}];
	if (!f.running) return skip(`${f.name} is not running`);
	if (p.bindings.length === 0) return skip('the port is not published');
	if (listen.verdict === 'FAIL') return skip('nothing to reach until the app listens');
	if (p.proto !== 'tcp') return skip(`${p.proto.toUpperCase()} has no handshake to test`);
	if (!f.local) return skip('the engine runs on another machine');
	return p.bindings.map((b): Check => {
		const r = p.probes[hostText(b)];
		if (!r) return {check: 'probe', verdict: '--', text: `host side not probed: ${hostText(b)}`};
		if (r.status === 'open') return {check: 'probe', verdict: 'ok', text: `${r.target} answers from this machine (open, ${r.ms} ms)`};
		if (r.status === 'closed') {
			return {check: 'probe', verdict: 'FAIL', text: `${r.target} accepts, then the engine's proxy closes it: nothing answers behind it`, fix: `check the app inside ${f.name} (docker logs ${f.name})`};
		}
		const how = r.status === 'timeout' ? `no answer within ${r.ms} ms` : `${r.status}${r.code ? ` (${r.code})` : ''}`;
		return {check: 'probe', verdict: 'FAIL', text: `${r.target} from this machine: ${how}`, fix: 'check a firewall between this machine and the engine\'s'};
	});
}

function linkCheck(l: LinkFact): Check {
	const what = `${l.recipient}'s link ${l.source}:${l.alias}`;
	if (!l.sourceIp) return {check: 'link', verdict: 'FAIL', text: `${what}: ${l.source} has no address on the default bridge (stopped or gone)`, fix: `docker start ${l.source}`};
	if (l.envAddrs === null || l.hostsAddrs === null) return {check: 'link', verdict: '--', text: `${what}: not checked: ${l.unreadable ?? 'unreadable'}`};
	const stale = [...l.envAddrs.filter((v) => v.slice(v.indexOf('=') + 1) !== l.sourceIp), ...l.hostsAddrs.filter((ip) => ip !== l.sourceIp).map((ip) => `/etc/hosts ${l.alias}=${ip}`)];
	if (stale.length > 0) {
		return {
			check: 'link',
			verdict: 'FAIL',
			text: `${what}: ${stale.join(', ')} but ${l.source} is at ${l.sourceIp} now (stale)`,
			fix: `restart ${l.recipient} so the engine writes the current address (R on it in dnet, or docker restart ${l.recipient})`,
		};
	}
	return {check: 'link', verdict: 'ok', text: `${what}: env and /etc/hosts match ${l.source}'s address ${l.sourceIp}`};
}

function portReport(f: DoctorFacts, p: PortFact): PortReport {
	const spec = `${p.port}/${p.proto}`;
	const to = f.hostNetwork ? ' (host network)' : p.bindings.length > 0 ? ` -> ${p.bindings.map(hostText).join(', ')}` : ' (not published)';
	const listen = listenCheck(f, p);
	return {title: `${f.name} ${spec}${to}`, port: spec, checks: [stateCheck(f), ...bindingChecks(f, p), listen, ...probeChecks(f, p, listen)]};
}

/** The whole diagnosis: one report per port, the link checks, and whether everything passed. */
export function diagnose(f: DoctorFacts): Diagnosis {
	const ports = f.ports.map((p) => portReport(f, p));
	const links = f.links.map(linkCheck);
	const all = [...ports.flatMap((r) => r.checks), ...links];
	const state = stateCheck(f);
	if (ports.length === 0) all.push(state);
	return {container: f.name, state, sockets: f.sockets.source, ports, links, ok: all.every((c) => c.verdict !== 'FAIL')};
}
