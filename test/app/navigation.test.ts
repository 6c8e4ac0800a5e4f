import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {cursorTarget} from '../../source/app/input/navigation.js';

describe('cursorTarget', () => {
	it('moves by one, to the ends and by a page', () => {
		expect(cursorTarget('down', 3, 10, 4)).toBe(4);
		expect(cursorTarget('up', 3, 10, 4)).toBe(2);
		expect(cursorTarget('top', 3, 10, 4)).toBe(0);
		expect(cursorTarget('bottom', 3, 10, 4)).toBe(9);
		expect(cursorTarget('pageDown', 3, 10, 4)).toBe(7);
		expect(cursorTarget('pageUp', 3, 10, 4)).toBe(0);
		expect(cursorTarget('open', 3, 10, 4)).toBeNull();
	});

	it('always lands inside the rows (property)', () => {
		const ids = ['up', 'down', 'top', 'bottom', 'pageUp', 'pageDown'] as const;
		fc.assert(
			fc.property(fc.constantFrom(...ids), fc.nat(200), fc.integer({min: 1, max: 200}), fc.integer({min: 1, max: 60}), (id, current, count, page) => {
				const to = cursorTarget(id, Math.min(current, count - 1), count, page);
				expect(to).not.toBeNull();
				expect(to!).toBeGreaterThanOrEqual(0);
				expect(to!).toBeLessThan(count);
			}),
		);
	});
});
