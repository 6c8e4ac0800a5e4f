/**
 * What the port doctor found out about one container (gathered by `operations/doctor.ts`), and
 * the shape of its verdicts: the one wording the TUI and `dnet doctor` share (ARCHITECTURE.md,
 * "The layers and the feature folders").
 */
import type {HostBinding, Protocol} from '../container.js';
import type {Listener} from './sockets.js';

/** `ok` passes, `FAIL` is a problem, `--` was not checked (and says why). */
export type Verdict = 'ok' | 'FAIL' | '--';

export type CheckName = 'state' | 'binding' | 'listen' | 'probe' | 'link';

/** One line of the diagnosis: the verdict, the evidence, and the fix when there is one. */
export interface Check {
	check: CheckName;
	verdict: Verdict;
	text: string;
	fix?: string;
}

/** How the socket table was read, or why it could not be. */
export type SocketsFact =
	| {source: 'proc' | 'exec'; listeners: Listener[]}
	| {source: 'none'; reason: string};

/** The probe of one host binding from this machine (as `engine/probe.ts` answers). */
export interface ProbeFact {
	status: 'open' | 'closed' | 'refused' | 'timeout' | 'error';
	ms: number;
	target: string;
	code?: string;
}

/** One container port the doctor looks at. */
export interface PortFact {
	port: number;
	proto: Protocol;
	/** The engine's bindings when running, else the requested ones; empty when not published. */
	bindings: HostBinding[];
	/** Probes by `hostIp:hostPort` of each binding; absent when not probed. */
	probes: Record<string, ProbeFact>;
}

/** One legacy link into or out of the container, with what the recipient holds now. */
export interface LinkFact {
	recipient: string;
	source: string;
	alias: string;
	/** The source's address on the default bridge now; empty when it has none (stopped, gone). */
	sourceIp: string;
	/** The recipient's `<ALIAS>_PORT_…_ADDR` values (`NAME=ip`), null when they could not be read. */
	envAddrs: string[] | null;
	/** The addresses the recipient's `/etc/hosts` gives the alias, null when it could not be read. */
	hostsAddrs: string[] | null;
	/** Why env and hosts could not be read (the recipient is not running, no `cat`…). */
	unreadable?: string;
}

export interface DoctorFacts {
	name: string;
	status: string;
	running: boolean;
	exitCode: number;
	/** The engine's reason a start failed (`State.Error`), empty when none. */
	error: string;
	/** Who holds the host port a failed start wanted (`container db`, `a process on this machine`). */
	holder?: string;
	/** Whether a probe from this machine can mean anything (the engine runs here). */
	local: boolean;
	/**
	 * `--network host`: the container shares the engine's machine's network, so nothing is published
	 * (the engine ignores `-p`) and each port is the machine's own (`bindings` is that port on all interfaces).
	 */
	hostNetwork?: boolean;
	/** In host mode, the `-p` the container asked for, which the engine ignored (`5999:5000/tcp`). */
	ignoredPublish?: string[];
	sockets: SocketsFact;
	ports: PortFact[];
	links: LinkFact[];
}

/** The diagnosis of one port: a title (`web 5000/tcp -> 127.0.0.1:8080`) and its checks. */
export interface PortReport {
	title: string;
	port: string;
	checks: Check[];
}

export interface Diagnosis {
	container: string;
	/** The container's state check (also the first check of each port). */
	state: Check;
	/** `proc`, `exec` or `none`: how the socket table was read. */
	sockets: string;
	ports: PortReport[];
	links: Check[];
	/** True when no check failed. */
	ok: boolean;
}
