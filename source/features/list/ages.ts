/**
 * The status clocks of the listed containers (`model/status-age.ts`): each read of the list, and
 * each exact time the live link learns, narrows when each container's status clock started.
 */
import type {ContainerSummary} from '../../model/container.js';
import {observe, pinStart, statusAt, type StatusAge} from '../../model/status-age.js';

/** The ages after a read of the list at `at`; only listed containers keep one. */
export function readAges(known: Record<string, StatusAge>, containers: readonly ContainerSummary[], at: number): Record<string, StatusAge> {
	const out: Record<string, StatusAge> = {};
	for (const c of containers) {
		const age = observe(known[c.id], c.status, at);
		if (age) out[c.id] = age;
	}
	return out;
}

/** Exact starts pinned into the windows of the statuses they were asked for (a later status leaves it alone). */
export function pinAges(known: Record<string, StatusAge>, times: ReadonlyArray<{id: string; status: string; exact: number}>): Record<string, StatusAge> {
	let out = known;
	for (const t of times) {
		const age = out[t.id];
		if (!age || !t.status.startsWith(age.prefix)) continue;
		if (out === known) out = {...known};
		out[t.id] = pinStart(age, t.exact);
	}
	return out;
}

/** The status to show at `now`: kept true from what the reads told, else as listed. */
export function statusNow(c: ContainerSummary, age: StatusAge | undefined, now: number | null): string {
	return age && now !== null && age.status === c.status ? statusAt(age, now) : c.status;
}
