import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {durationRange, humanDuration, isCoarse, nextChange, observe, pinStart, readStatus, statusAt, statusChangesAt} from '../../source/model/status-age.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;

describe('humanDuration (docker units.HumanDuration)', () => {
	const cases: Array<[number, string]> = [
		[0, 'Less than a second'],
		[999, 'Less than a second'],
		[1000, '1 second'],
		[5 * S + 999, '5 seconds'],
		[59 * S + 999, '59 seconds'],
		[60 * S, 'About a minute'],
		[119 * S, 'About a minute'],
		[2 * M, '2 minutes'],
		[59 * M + 59 * S, '59 minutes'],
		[60 * M, 'About an hour'],
		[89 * M, 'About an hour'],
		[90 * M, '2 hours'],
		[47 * H + 29 * M, '47 hours'],
		[47 * H + 30 * M, '2 days'],
		[335 * H + 29 * M, '13 days'],
		[335 * H + 30 * M, '2 weeks'],
		[1439 * H + 30 * M, '2 months'],
		[17_519 * H + 30 * M, '1 years'],
		[17_520 * H, '2 years'],
	];
	it.each(cases)('%d ms is %s', (ms, text) => {
		expect(humanDuration(ms)).toBe(text);
	});
});

describe('reading a status back', () => {
	const durations = fc.integer({min: 0, max: 4 * 365 * 24 * H});

	it('every text docker writes reads back to a range holding the duration, and no wider than its grain', () => {
		fc.assert(
			fc.property(durations, (ms) => {
				const range = durationRange(humanDuration(ms));
				expect(range).not.toBeNull();
				const [from, to] = range!;
				expect(from).toBeLessThanOrEqual(ms);
				expect(ms).toBeLessThan(to);
				expect(humanDuration(from)).toBe(humanDuration(ms));
				expect(humanDuration(to)).not.toBe(humanDuration(ms));
			}),
		);
	});

	it('nextChange is the first instant the text changes', () => {
		fc.assert(
			fc.property(durations, (ms) => {
				const next = nextChange(ms);
				expect(next).toBeGreaterThan(ms);
				expect(humanDuration(next)).not.toBe(humanDuration(ms));
				expect(humanDuration(next - 1)).toBe(humanDuration(ms));
			}),
		);
	});

	it('refuses what docker never writes', () => {
		for (const text of ['1 minutes', '61 seconds', '1 hours', 'soon']) expect(durationRange(text)).toBeNull();
		expect(readStatus('Created', 0)).toBeNull();
		expect(readStatus('Dead', 0)).toBeNull();
	});

	it('keeps prefix and suffix: Up, Exited, Restarting, Paused, health', () => {
		const at = 1_000_000_000;
		for (const status of ['Up 5 seconds', 'Up 3 hours (healthy)', 'Up About a minute (Paused)', 'Exited (0) 5 minutes ago', 'Exited (137) Less than a second ago', 'Restarting (1) 2 seconds ago', 'Up 2 days (health: starting)']) {
			const age = readStatus(status, at);
			expect(age, status).not.toBeNull();
			expect(statusAt(age!, at)).toBe(status);
		}
	});

	it('a young status is precise to the second; an old one is coarse until pinned', () => {
		const young = readStatus('Up 5 seconds', 100 * S)!;
		expect(isCoarse(young)).toBe(false);
		expect(statusAt(young, 134.5 * S)).toBe('Up 39 seconds');
		expect(statusAt(young, 135 * S)).toBe('Up 40 seconds');
		expect(statusChangesAt(young, 100 * S)).toBe(101 * S);
		const old = readStatus('Up 3 minutes', 1000 * S)!;
		expect(isCoarse(old)).toBe(true);
		const pinned = pinStart(old, 1000 * S - 200 * S);
		expect(isCoarse(pinned)).toBe(false);
		expect(statusAt(pinned, 1000 * S)).toBe('Up 3 minutes');
		expect(statusChangesAt(pinned, 1000 * S)).toBe(1040 * S);
		// A time the status rules out (another clock) is not taken.
		expect(pinStart(old, 0)).toBe(old);
		expect(pinStart(old, 1000 * S)).toBe(old);
	});

	it('reads of the same clock narrow the window; a restart starts over', () => {
		const first = readStatus('Up About a minute', 100 * S)!;
		const narrowed = observe(first, 'Up 2 minutes', 130 * S)!;
		expect(narrowed.to - narrowed.from).toBeLessThan(first.to - first.from);
		expect(statusAt(narrowed, 130 * S)).toBe('Up 2 minutes');
		const restarted = observe(narrowed, 'Up Less than a second', 200 * S)!;
		expect(restarted.to).toBe(200 * S);
		const exited = observe(restarted, 'Exited (0) 1 second ago', 300 * S)!;
		expect(exited.prefix).toBe('Exited (0) ');
	});
});
