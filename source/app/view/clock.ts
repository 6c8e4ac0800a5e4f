/**
 * The clock of the views, injectable for tests: what time it is, and one timer to wake a view when
 * a text it shows would change (an age in a status, a countdown). Nothing else redraws on time.
 */
import {createContext, useContext, useEffect} from 'react';

export interface Clock {
	now(): number;
	setTimeout(fn: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
}

const realClock: Clock = {
	now: () => Date.now(),
	setTimeout: (fn, ms) => setTimeout(fn, ms),
	clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export const ClockContext = createContext<Clock>(realClock);

export function useClock(): Clock {
	return useContext(ClockContext);
}

/**
 * Calls `wake` with the time once the clock reaches `at` (ms since the epoch); null arms nothing.
 * `wake` is a state setter: what the component computed from the time is computed again, and so is
 * the next `at`.
 */
export function useWakeAt(at: number | null, wake: (time: number) => void): void {
	const clock = useClock();
	useEffect(() => {
		if (at === null) return undefined;
		let handle: unknown = null;
		const arm = (): void => {
			const now = clock.now();
			// A timer may fire a little before the clock says it is time: wait out the rest.
			if (now < at) handle = clock.setTimeout(arm, at - now);
			else wake(now);
		};
		arm();
		return () => {
			if (handle !== null) clock.clearTimeout(handle);
		};
	}, [at, clock, wake]);
}
