// A program in a pseudo-terminal (bench/pty-driver.py), with a small screen model of what it drew.
// Every output chunk carries the CLOCK_MONOTONIC time at which the driver read it, so a measurement
// says when the bytes reached the terminal, not when this (busy) Node process got round to them.
import {spawn} from 'node:child_process';
import {StringDecoder} from 'node:string_decoder';
import {fileURLToPath} from 'node:url';

const DRIVER = fileURLToPath(new URL('./pty-driver.py', import.meta.url));

/** Monotonic time in ms (same clock as the driver's timestamps). */
export const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * Enough of a VT100 for Ink's output: text, CR/LF, cursor moves (A B C D G H f), erase line (K),
 * erase display (J), the alternate screen; colours and modes are parsed and ignored.
 */
export class Screen {
	constructor(cols, rows) {
		this.cols = cols;
		this.rows = rows;
		this.clear();
		this.pending = '';
	}
	clear() {
		this.lines = Array.from({length: this.rows}, () => Array(this.cols).fill(' '));
		this.r = 0;
		this.c = 0;
	}
	lineText(i) {
		return this.lines[i].join('').trimEnd();
	}
	text() {
		return this.lines.map((l) => l.join('').trimEnd()).join('\n');
	}
	newline() {
		if (this.r === this.rows - 1) {
			this.lines.shift();
			this.lines.push(Array(this.cols).fill(' '));
		} else this.r++;
	}
	put(ch) {
		if (this.c >= this.cols) {
			this.c = 0;
			this.newline();
		}
		this.lines[this.r][this.c++] = ch;
	}
	csi(params, final, priv) {
		const n = (i, d = 1) => {
			const v = parseInt(params[i] ?? '', 10);
			return Number.isNaN(v) || v === 0 ? d : v;
		};
		const clampR = (x) => Math.max(0, Math.min(this.rows - 1, x));
		const clampC = (x) => Math.max(0, Math.min(this.cols - 1, x));
		switch (final) {
			case 'A': this.r = clampR(this.r - n(0)); break;
			case 'B': this.r = clampR(this.r + n(0)); break;
			case 'C': this.c = clampC(this.c + n(0)); break;
			case 'D': this.c = clampC(this.c - n(0)); break;
			case 'G': this.c = clampC(n(0) - 1); break;
			case 'E': this.r = clampR(this.r + n(0)); this.c = 0; break;
			case 'F': this.r = clampR(this.r - n(0)); this.c = 0; break;
			case 'H': case 'f': this.r = clampR(n(0) - 1); this.c = clampC(n(1) - 1); break;
			case 'K': {
				const mode = parseInt(params[0] || '0', 10);
				const line = this.lines[this.r];
				const [a, b] = mode === 0 ? [this.c, this.cols] : mode === 1 ? [0, this.c + 1] : [0, this.cols];
				for (let i = a; i < b && i < this.cols; i++) line[i] = ' ';
				break;
			}
			case 'J': {
				const mode = parseInt(params[0] || '0', 10);
				if (mode === 2 || mode === 3) {
					for (const l of this.lines) l.fill(' ');
				} else if (mode === 0) {
					this.csi(['0'], 'K');
					for (let i = this.r + 1; i < this.rows; i++) this.lines[i].fill(' ');
				} else if (mode === 1) {
					for (let i = 0; i < this.r; i++) this.lines[i].fill(' ');
				}
				break;
			}
			case 'h': case 'l':
				if (priv && (params.includes('1049') || params.includes('47') || params.includes('1047'))) {
					for (const l of this.lines) l.fill(' ');
					if (final === 'l') { this.r = 0; this.c = 0; }
				}
				break;
			default: break; // m (colours) and the rest
		}
	}
	write(s) {
		s = this.pending + s;
		this.pending = '';
		let i = 0;
		while (i < s.length) {
			const ch = s[i];
			if (ch === '\x1b') {
				if (i + 1 >= s.length) { this.pending = s.slice(i); return; }
				const nx = s[i + 1];
				if (nx === '[') {
					let j = i + 2;
					while (j < s.length && !/[\x40-\x7e]/.test(s[j])) j++;
					if (j >= s.length) { this.pending = s.slice(i); return; }
					let body = s.slice(i + 2, j);
					const priv = body.startsWith('?');
					if (priv) body = body.slice(1);
					this.csi(body.split(';'), s[j], priv);
					i = j + 1;
				} else if (nx === ']') {
					// OSC: up to BEL or ST.
					let j = i + 2;
					while (j < s.length && s[j] !== '\x07' && !(s[j] === '\x1b' && s[j + 1] === '\\')) j++;
					if (j >= s.length) { this.pending = s.slice(i); return; }
					i = s[j] === '\x07' ? j + 1 : j + 2;
				} else if (nx === '(' || nx === ')') {
					if (i + 2 >= s.length) { this.pending = s.slice(i); return; }
					i += 3;
				} else i += 2; // ESC 7, ESC 8, ESC =, ...
				continue;
			}
			if (ch === '\r') this.c = 0;
			else if (ch === '\n') this.newline();
			else if (ch === '\b') this.c = Math.max(0, this.c - 1);
			else if (ch >= ' ') {
				const cp = ch.codePointAt(0);
				if (cp > 0xffff) i++;
				this.put(String.fromCodePoint(cp));
			}
			i++;
		}
	}
}

/**
 * Starts `argv` in a pty of cols x rows; resolves once the process runs. `chunks` holds every
 * output chunk as {t, bytes}; `waitFor(pred)` resolves with the driver's time of the first chunk
 * after which pred(screen) holds.
 */
export async function startPty(argv, {cols = 120, rows = 40, env = process.env} = {}) {
	const child = spawn('python3', [DRIVER, String(cols), String(rows), '--', ...argv], {
		env,
		stdio: ['pipe', 'pipe', 'inherit'],
	});
	const screen = new Screen(cols, rows);
	const decoder = new StringDecoder('utf8');
	const term = {
		child,
		screen,
		chunks: [],
		keys: [],
		bytes: 0,
		pid: null,
		tStart: null,
		tExit: null,
		status: null,
		lastDataT: null,
		waiters: new Set(),
	};
	let buf = Buffer.alloc(0);
	let resolveExit;
	term.exited = new Promise((r) => (resolveExit = r));
	let resolveReady;
	const ready = new Promise((r) => (resolveReady = r));
	let resolveStarted;
	const started = new Promise((r) => (resolveStarted = r));
	const check = (t) => {
		for (const w of [...term.waiters]) {
			let ok;
			try {
				ok = w.pred(screen);
			} catch {
				ok = false;
			}
			if (ok) {
				term.waiters.delete(w);
				clearTimeout(w.timer);
				w.resolve(t);
			}
		}
	};
	child.stdout.on('data', (data) => {
		buf = Buffer.concat([buf, data]);
		while (buf.length >= 13) {
			const kind = String.fromCharCode(buf[0]);
			const t = Number(buf.readBigUInt64BE(1)) / 1e6;
			const len = buf.readUInt32BE(9);
			if (buf.length < 13 + len) break;
			const payload = buf.subarray(13, 13 + len);
			buf = buf.subarray(13 + len);
			if (kind === 'R') resolveReady();
			else if (kind === 'S') term.tStart = t;
			else if (kind === 'P') {
				term.pid = Number(payload.toString());
				resolveStarted();
			} else if (kind === 'D') {
				term.chunks.push({t, bytes: payload.length, text: payload.toString('latin1')});
				term.bytes += payload.length;
				term.lastDataT = t;
				screen.write(decoder.write(payload));
				check(t);
			} else if (kind === 'K') term.keys.push({t, text: payload.toString()});
			else if (kind === 'X') {
				term.tExit = t;
				term.status = Number(payload.toString());
			}
		}
	});
	child.on('exit', () => {
		for (const w of term.waiters) {
			clearTimeout(w.timer);
			w.reject(new Error(`process exited while waiting for: ${w.what}`));
		}
		term.waiters.clear();
		resolveReady();
		resolveStarted();
		resolveExit(term);
	});
	term.waitFor = (pred, what = 'a screen condition', timeoutMs = 10_000) =>
		new Promise((resolve, reject) => {
			if (pred(screen)) return resolve(term.lastDataT ?? nowMs());
			const w = {pred, what, resolve, reject};
			w.timer = setTimeout(() => {
				term.waiters.delete(w);
				reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; screen:\n${screen.text()}`));
			}, timeoutMs);
			term.waiters.add(w);
		});
	/** Resolves once no output arrived for quietMs (by this process's clock). */
	term.quiet = async (quietMs = 150, maxMs = 5000) => {
		const t0 = nowMs();
		for (;;) {
			const last = term.lastDataT ?? 0;
			const since = nowMs() - last;
			if (since >= quietMs || nowMs() - t0 > maxMs) return;
			await new Promise((r) => setTimeout(r, Math.max(5, quietMs - since)));
		}
	};
	/** Writes keys; resolves with the driver's time of the write. */
	term.press = (keys) =>
		new Promise((resolve) => {
			const n = term.keys.length;
			child.stdin.write(keys);
			const poll = () => (term.keys.length > n ? resolve(term.keys[n].t) : setTimeout(poll, 1));
			poll();
		});
	term.go = async () => {
		await ready;
		child.stdin.write('go\n');
		await started;
		return term;
	};
	term.kill = (sig = 'SIGTERM') => {
		if (term.pid && term.status === null) {
			try {
				process.kill(term.pid, sig);
			} catch {
				// gone already
			}
		}
	};
	return term;
}
