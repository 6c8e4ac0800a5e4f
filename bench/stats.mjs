// Small statistics and /proc helpers for the benchmarks.
import {execFileSync} from 'node:child_process';
import {readFileSync, readdirSync} from 'node:fs';

export function quantile(values, q) {
	const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
	if (xs.length === 0) return null;
	if (q === 0.5) {
		const m = xs.length >> 1;
		return xs.length % 2 ? xs[m] : (xs[m - 1] + xs[m]) / 2;
	}
	// Nearest rank.
	return xs[Math.min(xs.length - 1, Math.max(0, Math.ceil(q * xs.length) - 1))];
}
export const median = (xs) => quantile(xs, 0.5);
export const p95 = (xs) => quantile(xs, 0.95);

export function summary(xs) {
	const v = xs.filter((x) => Number.isFinite(x));
	return {
		n: v.length,
		median: round(median(v)),
		p95: round(p95(v)),
		min: round(v.length ? Math.min(...v) : null),
		max: round(v.length ? Math.max(...v) : null),
	};
}

export function round(x, digits = 2) {
	if (x === null || x === undefined || !Number.isFinite(x)) return null;
	const f = 10 ** digits;
	return Math.round(x * f) / f;
}

let clkTck = null;
export function clockTicks() {
	if (clkTck === null) {
		try {
			clkTck = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
		} catch {
			clkTck = 100;
		}
	}
	return clkTck;
}

/** CPU time (user + system, ms) a process has used so far, or null when it is gone. */
export function cpuMs(pid) {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// rest[0] is field 3 (state): utime is field 14, stime field 15.
		return ((Number(rest[11]) + Number(rest[12])) * 1000) / clockTicks();
	} catch {
		return null;
	}
}

/** A field of /proc/<pid>/status in kB (VmRSS, VmHWM), or null. */
export function statusKb(pid, field) {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
		return m ? Number(m[1]) : null;
	} catch {
		return null;
	}
}

/** Children of a process whose command name is `comm`. */
export function childrenNamed(ppid, comm) {
	const out = [];
	for (const d of readdirSync('/proc')) {
		if (!/^\d+$/.test(d)) continue;
		try {
			const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
			const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
			const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (Number(rest[1]) === ppid && name === comm) out.push(Number(d));
		} catch {
			// gone
		}
	}
	return out;
}

export function loadavg() {
	try {
		return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
	} catch {
		return null;
	}
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Runs fn over items with at most `limit` at a time. */
export async function pool(items, limit, fn) {
	const results = new Array(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const i = next++;
			results[i] = await fn(items[i], i);
		}
	};
	await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
	return results;
}

/** Fisher-Yates shuffle (a copy). */
export function shuffled(xs) {
	const a = [...xs];
	for (let i = a.length - 1; i > 0; i--) {
		const j = Math.floor(Math.random() * (i + 1));
		[a[i], a[j]] = [a[j], a[i]];
	}
	return a;
}
