/** Failures with their cause first (source/model/failure-text.ts). */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {causeFirst, failureText} from '../../source/model/failure-text.js';

const allocated =
	'driver failed programming external connectivity on endpoint old-web (1107f64bf0c2): Bind for 0.0.0.0:8000 failed: port is already allocated';

describe('causeFirst', () => {
	it('leads with the innermost cause, the context after it innermost first', () => {
		expect(causeFirst(allocated)).toBe(
			'port is already allocated (Bind for 0.0.0.0:8000 failed; driver failed programming external connectivity on endpoint old-web (1107f64bf0c2))',
		);
		expect(causeFirst('error while removing network: network app-net id 3f7a has active endpoints')).toBe(
			'network app-net id 3f7a has active endpoints (error while removing network)',
		);
	});

	it('keeps a name with the phrase it ends, and a message of one part as it is', () => {
		expect(causeFirst('No such container: web')).toBe('No such container: web');
		expect(causeFirst('failed to start: No such container: web')).toBe('No such container: web (failed to start)');
		expect(causeFirst('Conflict. The container name "/web" is already in use')).toBe('Conflict. The container name "/web" is already in use');
		expect(causeFirst('Bind for [::]:8000 failed: port is already allocated')).toBe('port is already allocated (Bind for [::]:8000 failed)');
	});

	it('loses no part of the message (property)', () => {
		fc.assert(
			fc.property(fc.array(fc.stringMatching(/^[a-z0-9 ]{1,12}$/), {minLength: 1, maxLength: 5}), (parts) => {
				const message = parts.join(': ');
				const out = causeFirst(message);
				for (const p of parts) expect(out).toContain(p.trim());
			}),
		);
	});
});

describe('failureText', () => {
	it('gives a short line with the cause first and the full text in the engine order', () => {
		expect(failureText('start old-web', allocated)).toEqual({
			short: 'start old-web: port is already allocated (Bind for 0.0.0.0:8000 failed; driver failed programming external connectivity on endpoint old-web (1107f64bf0c2))',
			full: `start old-web: ${allocated}`,
		});
		expect(failureText('stop web', 'cannot connect: nothing is answering', false)).toEqual({short: 'stop web: cannot connect: nothing is answering', full: 'stop web: cannot connect: nothing is answering'});
	});
});
