/**
 * ssh:// through the system `ssh`, as the docker CLI does (ARCHITECTURE.md, "Remote engines"):
 * each connection of a keep-alive HTTP agent is one `ssh … docker system dial-stdio` process whose
 * stdin/stdout carry the HTTP bytes, so requests reuse one ssh connection while it is idle, and
 * `~/.ssh/config`, agents, known_hosts, ProxyJump and ControlMaster work as configured. BatchMode:
 * ssh never prompts. Every ssh process is ended when its connection closes, when the engine is
 * closed, and when dnet exits, whatever the path.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {Agent} from 'node:http';
import {Duplex} from 'node:stream';
import {dialStdioArgs, sshFailure} from '../../model/endpoint/ssh-failure.js';
import {sanitize} from '../../model/sanitize.js';
import {EngineError} from '../engine.js';
import {getAnswer, type Answer} from './http-get.js';

export interface SshTarget {
	host: string;
	port?: number;
	username?: string;
	path?: string;
	display: string;
}

const live = new Set<ChildProcess>();
let exitHook = false;
/** Some ssh connection of this process has answered (logged in, dial-stdio running). */
let answered = false;

/** How long the UI waits for the first frame over ssh (cli.ts): 1 s while no ssh has answered, else 3. */
export function sshPatience(): Promise<void> {
	const after = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());
	return after(1000).then(() => (answered ? after(2000) : undefined));
}

const killAll = (): void => {
	for (const c of live) c.kill('SIGTERM');
};

/**
 * A signal nobody else handles would end node without its 'exit' event, leaving ssh to run out its
 * ConnectTimeout (a host that does not answer): kill ssh, then die of the signal as before. When the
 * program handles the signal itself (the UI, `dnet run` forwarding Ctrl+C), it exits through
 * process.exit, and 'exit' kills ssh.
 */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
function onSignal(signal: NodeJS.Signals): void {
	if (process.listenerCount(signal) > 1) return;
	killAll();
	for (const s of SIGNALS) process.off(s, onSignal);
	process.kill(process.pid, signal);
}

function track(child: ChildProcess): void {
	live.add(child);
	child.once('exit', () => live.delete(child));
	if (!exitHook) {
		exitHook = true;
		// 'exit' runs for process.exit, the end of the event loop, and after a signal handler exits.
		process.once('exit', killAll);
		for (const s of SIGNALS) process.on(s, onSignal);
	}
}

/** How many ssh processes dnet has running (for tests). */
export const liveSshProcesses = (): number => live.size;

type Unrefable = {ref?: () => void; unref?: () => void};

/** One dial-stdio connection as a socket-like stream for Node's HTTP client. */
class DialStdio extends Duplex {
	private readonly child: ChildProcess;
	private stderr = '';
	private gotData = false;
	private timer: NodeJS.Timeout | undefined;
	private idleMs = 0;

	constructor(private readonly target: SshTarget) {
		super();
		this.child = spawn('ssh', dialStdioArgs(target), {stdio: ['pipe', 'pipe', 'pipe']});
		track(this.child);
		this.child.stdout!.on('data', (chunk: Buffer) => {
			this.gotData = true;
			answered = true;
			this.touch();
			if (!this.push(chunk)) this.child.stdout!.pause();
		});
		this.child.stderr!.on('data', (chunk: Buffer) => {
			this.stderr = (this.stderr + chunk.toString()).slice(-4096);
		});
		this.child.stdin!.on('error', () => undefined);
		this.child.on('error', (error: NodeJS.ErrnoException) => {
			this.destroy(
				error.code === 'ENOENT'
					? new EngineError('socket-missing', `cannot connect to ${target.display}: the ssh client is not installed`, 'install OpenSSH (the ssh command)')
					: error,
			);
		});
		this.child.on('close', (code) => {
			if (this.destroyed) return;
			if (code !== 0 && !this.gotData) {
				const f = sshFailure(target.display, this.stderr.split(/\r?\n/).map((l) => sanitize(l)).join('\n'), code);
				this.destroy(new EngineError(f.kind, f.message, f.hint));
				return;
			}
			this.push(null);
		});
	}

	override _read(): void {
		this.child.stdout?.resume();
	}

	override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
		this.touch();
		if (!this.child.stdin || this.child.stdin.destroyed) {
			callback();
			return;
		}
		this.child.stdin.write(chunk, () => callback());
	}

	override _final(callback: (error?: Error | null) => void): void {
		this.child.stdin?.end();
		callback();
	}

	override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
		clearTimeout(this.timer);
		if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
		callback(error);
	}

	private touch(): void {
		if (this.idleMs > 0) {
			clearTimeout(this.timer);
			this.timer = setTimeout(() => this.emit('timeout'), this.idleMs);
		}
	}

	// What Node's HTTP client and agent call on a socket.
	setTimeout(ms: number, onTimeout?: () => void): this {
		this.idleMs = ms;
		clearTimeout(this.timer);
		if (onTimeout) this.once('timeout', onTimeout);
		this.touch();
		return this;
	}
	setNoDelay(): this {
		return this;
	}
	setKeepAlive(): this {
		return this;
	}
	ref(): this {
		for (const h of [this.child, this.child.stdin, this.child.stdout, this.child.stderr] as Unrefable[]) h?.ref?.();
		return this;
	}
	unref(): this {
		for (const h of [this.child, this.child.stdin, this.child.stdout, this.child.stderr] as Unrefable[]) h?.unref?.();
		return this;
	}
}

/** Connections dialled ahead (`preconnect`), by the ssh command line they run. */
const warm = new Map<string, DialStdio[]>();
const keyOf = (target: SshTarget): string => dialStdioArgs(target).join('\0');

/**
 * Starts `count` ssh logins now, before anything asks (ARCHITECTURE.md, "Remote engines"): the
 * start-up reads then find a connection logged in, or on its way, instead of starting ssh when they
 * ask. A connection nobody takes holds nothing open (unref) and ends with dnet, as every other.
 */
export function preconnect(target: SshTarget, count = 1): void {
	const key = keyOf(target);
	const list = warm.get(key) ?? [];
	for (let i = list.length; i < count; i++) {
		const conn = new DialStdio(target);
		// A failure before a request takes it drops it (that request dials again).
		conn.on('error', () => undefined);
		conn.unref();
		list.push(conn);
	}
	warm.set(key, list);
}

function takeWarm(target: SshTarget): DialStdio | undefined {
	const list = warm.get(keyOf(target));
	for (let conn = list?.shift(); conn; conn = list?.shift()) {
		if (!conn.destroyed) return conn.ref();
	}
	return undefined;
}

function newAgent(target: SshTarget): Agent {
	const agent = new Agent({keepAlive: true});
	(agent as unknown as {createConnection: () => Duplex}).createConnection = () => takeWarm(target) ?? new DialStdio(target);
	return agent;
}

/**
 * The start-up agent of a target: the start-up reads (`sshGet`) go through it before dockerode is
 * loaded, and the first engine made for the target then takes it over (`sshAgent`), with the
 * connections the reads logged in. Gone once destroyed (the engine closed).
 */
interface Startup {
	agent: Agent;
	claimed: boolean;
	/** Reads waiting for the connection, and whether one is on it. */
	waiting: Array<{path: string; start: () => Promise<unknown>}>;
	busy: boolean;
}
const startup = new Map<string, Startup>();

function startupEntry(target: SshTarget): Startup {
	const key = keyOf(target);
	let entry = startup.get(key);
	if (!entry) {
		const agent = newAgent(target);
		const destroy = agent.destroy.bind(agent);
		agent.destroy = () => {
			if (startup.get(key)?.agent === agent) startup.delete(key);
			destroy();
		};
		entry = {agent, claimed: false, waiting: [], busy: false};
		startup.set(key, entry);
	}
	return entry;
}

/** A keep-alive HTTP agent whose connections are dial-stdio streams over the system ssh. */
export function sshAgent(target: SshTarget): Agent {
	const entry = startup.get(keyOf(target));
	if (entry && !entry.claimed) {
		entry.claimed = true;
		return entry.agent;
	}
	return newAgent(target);
}

export type SshAnswer = Answer;

/** The version first; the whole list (slow at hundreds, not needed for the first frame) last. */
const rank = (path: string): number => (/^\/(_ping|version)\b/.test(path) ? 0 : /^\/containers\/json\?all=true$/.test(path) ? 2 : 1);

function next(entry: Startup): void {
	if (entry.busy || entry.waiting.length === 0) return;
	let pick = 0;
	entry.waiting.forEach((w, i) => {
		if (rank(w.path) < rank(entry.waiting[pick]!.path)) pick = i;
	});
	const [read] = entry.waiting.splice(pick, 1);
	entry.busy = true;
	void read!.start().finally(() => {
		entry.busy = false;
		next(entry);
	});
}

/** As the engine's read deadline (engine/guard.ts). */
const GET_MS = 15_000;

/**
 * `GET path` over the start-up agent, without dockerode (engine/quick.ts): the body of a 200, or
 * undefined for another answer (the full engine then asks and words it); ssh's own failure (host
 * unreachable, authentication…) is thrown, worded, as the engine would throw it. One read at a
 * time, so the start-up reads share one login instead of each logging in.
 */
export function sshGet(target: SshTarget, path: string): Promise<SshAnswer | undefined> {
	const entry = startupEntry(target);
	// host and port as dockerode's (engine/connection.ts): the agent keeps one pool for both.
	const run = (): Promise<SshAnswer | undefined> =>
		getAnswer({agent: entry.agent, host: 'docker', port: 80, path, timeout: GET_MS}, (error) => error instanceof EngineError);
	return new Promise((resolve, reject) => {
		entry.waiting.push({path, start: () => run().then(resolve, reject)});
		// The reads asked in the same turn are all waiting when the first is picked.
		queueMicrotask(() => next(entry));
	});
}
