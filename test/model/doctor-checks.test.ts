/** The port doctor's rules on facts (model/doctor/checks.ts): verdicts, words and the overall result. */
import {describe, expect, it} from 'vitest';
import {diagnose, reachText} from '../../source/model/doctor/checks.js';
import type {DoctorFacts} from '../../source/model/doctor/facts.js';
import {diagnosisLines} from '../../source/model/doctor/text.js';

const facts = (extra: Partial<DoctorFacts> = {}): DoctorFacts => ({
	name: 'web',
	status: 'running',
	running: true,
	exitCode: 0,
	error: '',
	local: true,
	sockets: {source: 'proc', listeners: [{proto: 'tcp', address: '0.0.0.0', port: 5000}]},
	ports: [{port: 5000, proto: 'tcp', bindings: [{hostIp: '0.0.0.0', hostPort: '8080'}], probes: {'0.0.0.0:8080': {status: 'open', ms: 0.3, target: '127.0.0.1:8080'}}}],
	links: [],
	...extra,
});

describe('diagnose', () => {
	it('passes a listening, published, answering port', () => {
		const d = diagnose(facts());
		expect(d.ok).toBe(true);
		expect(diagnosisLines(d)).toEqual([
			'web 5000/tcp -> 0.0.0.0:8080',
			'  ok    container is running',
			"  ok    published: 0.0.0.0:8080 -> 5000/tcp (all IPv4 interfaces of the engine's machine)",
			'  ok    the app listens on 0.0.0.0:5000 inside web (all interfaces; read from its /proc)',
			'  ok    127.0.0.1:8080 answers from this machine (open, 0.3 ms)',
		]);
	});

	it('fails on a refused probe and says what to check', () => {
		const d = diagnose(facts({ports: [{port: 5000, proto: 'tcp', bindings: [{hostIp: '0.0.0.0', hostPort: '8080'}], probes: {'0.0.0.0:8080': {status: 'refused', ms: 0.1, target: '127.0.0.1:8080', code: 'ECONNREFUSED'}}}]}));
		expect(d.ok).toBe(false);
		expect(diagnosisLines(d)).toContain('  FAIL  127.0.0.1:8080 from this machine: refused (ECONNREFUSED)');
	});

	it('does not probe when the engine runs on another machine', () => {
		const d = diagnose(facts({local: false}));
		expect(d.ports[0]?.checks.at(-1)).toEqual({check: 'probe', verdict: '--', text: 'host side not probed: the engine runs on another machine'});
		expect(d.ok).toBe(true);
	});

	it('shows the state of a container without ports, and fails a stopped one', () => {
		const d = diagnose(facts({running: false, status: 'exited', exitCode: 2, ports: []}));
		expect(d.ok).toBe(false);
		expect(diagnosisLines(d)).toEqual(['web: no published or exposed port', '  FAIL  web is exited (exit code 2)', '        fix: docker start web']);
	});

	it('says a link was not checked, and why, when the recipient cannot be read', () => {
		const d = diagnose(facts({links: [{recipient: 'app', source: 'web', alias: 'db', sourceIp: '172.17.0.3', envAddrs: null, hostsAddrs: null, unreadable: 'app is not running'}]}));
		expect(d.links).toEqual([{check: 'link', verdict: '--', text: "app's link web:db: not checked: app is not running"}]);
		expect(d.ok).toBe(true);
	});
});

describe('reachText', () => {
	it('words each kind of host address', () => {
		expect(reachText('')).toBe("all IPv4 interfaces of the engine's machine");
		expect(reachText('::')).toBe("all IPv6 interfaces of the engine's machine");
		expect(reachText('::1')).toBe('reachable from this machine only');
		expect(reachText('10.0.0.5')).toBe('only on the address 10.0.0.5');
	});
});
