import {describe, expect, it} from 'vitest';
import {bindingDiff} from '../../source/model/binding-diff.js';
import {requestedLines} from '../../source/model/port-rows.js';

describe('bindingDiff', () => {
	it('marks removed lines with -, added with +, kept with two spaces, in the order of the new lines', () => {
		const before = ['5000/tcp -> 0.0.0.0:32768', '53/udp -> 127.0.0.1:53'];
		const after = ['53/udp -> 127.0.0.1:53', '5000/tcp -> 127.0.0.1:8080'];
		expect(bindingDiff(before, after)).toEqual(['- 5000/tcp -> 0.0.0.0:32768', '  53/udp -> 127.0.0.1:53', '+ 5000/tcp -> 127.0.0.1:8080']);
	});

	it('is empty when both are empty, and all kept when equal', () => {
		expect(bindingDiff([], [])).toEqual([]);
		expect(bindingDiff(['a'], ['a'])).toEqual(['  a']);
	});
});

describe('requestedLines', () => {
	it('formats requested bindings as docker port does, an unset IP as 0.0.0.0 and an unset port as random', () => {
		expect(
			requestedLines({
				'5000/tcp': [{HostIp: '', HostPort: ''}],
				'53/udp': [{hostIp: '127.0.0.1', hostPort: '5353'}],
				'80/tcp': [{HostIp: '::1', HostPort: '8080'}],
				'9/tcp': null,
			}),
		).toEqual(['53/udp -> 127.0.0.1:5353', '80/tcp -> [::1]:8080', '5000/tcp -> 0.0.0.0:random']);
	});
});
