/**
 * The relative times in a container's status, as the engine writes them (`Up 5 seconds`,
 * `Exited (0) About a minute ago`, `Up 3 hours (healthy)`), kept true as time passes.
 *
 * The engine's status text is `HumanDuration(now - StartedAt)` (or `FinishedAt` for `Exited` and
 * `Restarting`) from docker's units package: seconds truncated, minutes truncated, hours rounded,
 * then days, weeks, months of rounded hours, years of truncated hours. Read back, a status says the
 * start lies in a window (`5 seconds` seen at `t`: started in `(t - 6 s, t - 5 s]`); windows from
 * several reads intersect, and an exact time narrows the window to a point (ARCHITECTURE.md,
 * "The path of one key press": the live link reads the list and the exact times).
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** docker's `units.HumanDuration`, for a duration in milliseconds. */
export function humanDuration(ms: number): string {
	const seconds = Math.trunc(ms / SECOND);
	if (seconds < 1) return 'Less than a second';
	if (seconds === 1) return '1 second';
	if (seconds < 60) return `${seconds} seconds`;
	const minutes = Math.trunc(ms / MINUTE);
	if (minutes === 1) return 'About a minute';
	if (minutes < 60) return `${minutes} minutes`;
	const hours = Math.trunc(ms / HOUR + 0.5);
	if (hours === 1) return 'About an hour';
	if (hours < 48) return `${hours} hours`;
	if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
	if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
	if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
	return `${Math.trunc(Math.trunc(ms / HOUR) / 24 / 365)} years`;
}

/** The first duration after `ms` at which `humanDuration` says something else. */
export function nextChange(ms: number): number {
	if (ms < MINUTE) return Math.max(SECOND, (Math.floor(ms / SECOND) + 1) * SECOND);
	if (ms < HOUR) return (Math.floor(ms / MINUTE) + 1) * MINUTE;
	const hours = Math.trunc(ms / HOUR + 0.5);
	// The rounded hour count `h` starts at (h - 0.5) hours.
	const at = (h: number): number => (h - 0.5) * HOUR;
	if (hours < 48) return Math.max(at(hours + 1), ms + 1);
	if (hours < 24 * 7 * 2) return at(Math.min((Math.trunc(hours / 24) + 1) * 24, 24 * 7 * 2));
	if (hours < 24 * 30 * 2) return at(Math.min((Math.trunc(hours / 168) + 1) * 168, 24 * 30 * 2));
	if (hours < 24 * 365 * 2) return at(Math.min((Math.trunc(hours / 720) + 1) * 720, 24 * 365 * 2));
	return (Math.trunc(Math.trunc(ms / HOUR) / 8760) + 1) * 8760 * HOUR;
}

/** The durations `humanDuration` writes as `text`: `[from, to)` in milliseconds, or null when it never does. */
export function durationRange(text: string): [number, number] | null {
	if (text === 'Less than a second') return [0, SECOND];
	if (text === '1 second') return [SECOND, 2 * SECOND];
	if (text === 'About a minute') return [MINUTE, 2 * MINUTE];
	if (text === 'About an hour') return [HOUR, 1.5 * HOUR];
	const m = /^(\d+) (seconds|minutes|hours|days|weeks|months|years)$/.exec(text);
	if (!m) return null;
	const n = Number(m[1]);
	const h = (hours: number): number => (hours - 0.5) * HOUR;
	let range: [number, number];
	switch (m[2]) {
		case 'seconds':
			range = [n * SECOND, (n + 1) * SECOND];
			break;
		case 'minutes':
			range = [n * MINUTE, (n + 1) * MINUTE];
			break;
		case 'hours':
			range = [h(n), h(n + 1)];
			break;
		case 'days':
			range = [h(n * 24), h(Math.min((n + 1) * 24, 336))];
			break;
		case 'weeks':
			range = [h(n * 168), h(Math.min((n + 1) * 168, 1440))];
			break;
		case 'months':
			range = [h(n * 720), h(Math.min((n + 1) * 720, 17_520))];
			break;
		default:
			range = [Math.max(n * 8760 * HOUR, h(17_520)), (n + 1) * 8760 * HOUR];
	}
	// A number docker never writes in this unit (`61 seconds`, `1 minutes`) is not a duration of it.
	return humanDuration(range[0]) === text ? range : null;
}

const DURATION = String.raw`Less than a second|About a minute|About an hour|1 second|\d+ (?:seconds|minutes|hours|days|weeks|months|years)`;
const TIMED = new RegExp(String.raw`^(Up |(?:Exited|Restarting) \(-?\d+\) )(${DURATION})((?: ago)?(?: \([^()]*\))?)$`);

/**
 * When a status's clock started, as far as the reads so far tell: `from`..`to` (milliseconds on
 * dnet's clock). `status` is the text this was read from; `prefix` and `suffix` surround the
 * duration (`Up ` and ` (healthy)`, `Exited (0) ` and ` ago`).
 */
export interface StatusAge {
	status: string;
	prefix: string;
	suffix: string;
	from: number;
	to: number;
}

/** Reads `status`, seen at `at`, into a window of start times; null for a status without a time (`Created`). */
export function readStatus(status: string, at: number): StatusAge | null {
	const m = TIMED.exec(status);
	if (!m) return null;
	const range = durationRange(m[2] ?? '');
	if (!range) return null;
	// Elapsed in [lo, hi) at `at`: the clock started in (at - hi, at - lo], to the millisecond.
	return {status, prefix: m[1] ?? '', suffix: m[3] ?? '', from: at - range[1] + 1, to: at - range[0]};
}

/**
 * A new read of a container's status, folded into what was known: the same clock (same prefix,
 * overlapping windows) narrows to the overlap; anything else (a restart, another exit) starts over.
 */
export function observe(known: StatusAge | undefined, status: string, at: number): StatusAge | null {
	const read = readStatus(status, at);
	if (!read || !known || known.prefix !== read.prefix) return read;
	const from = Math.max(known.from, read.from);
	const to = Math.min(known.to, read.to);
	return from <= to ? {...read, from, to} : read;
}

/**
 * An exact start (the engine's own record, on its clock). Outside the window the status allows, the
 * engine's clock is not dnet's (or the clock restarted meanwhile): the window stays as it was.
 */
export function pinStart(known: StatusAge, exact: number): StatusAge {
	return exact < known.from || exact > known.to ? known : {...known, from: exact, to: exact};
}

/** True when the window is wider than the status's one-second grain: only an exact time can tell more. */
export function isCoarse(age: StatusAge): boolean {
	return age.to - age.from > SECOND;
}

/**
 * The status as the engine would write it at `now`. The latest possible start is taken: right after
 * a read it says what the engine said, and it never runs ahead of the engine.
 */
export function statusAt(age: StatusAge, now: number): string {
	return `${age.prefix}${humanDuration(now - age.to)}${age.suffix}`;
}

/** When `statusAt(age, ·)` next changes after `now`. */
export function statusChangesAt(age: StatusAge, now: number): number {
	return age.to + nextChange(Math.max(0, now - age.to));
}
