/** `docker service ls` text, the CLI's port update and the update line (model/swarm), pure. */
import {describe, expect, it} from 'vitest';
import {applyPortUpdate, formatReplicas, formatServicePorts, serviceUpdateLines} from '../../source/model/swarm/format.js';
import {readCsvRecord} from '../../source/model/swarm/go-csv.js';
import {longSpec, parsePublish, portSpec} from '../../source/model/swarm/publish.js';
import type {ServiceInfo, ServicePort} from '../../source/model/swarm/types.js';

const ing = (publishedPort: number, targetPort: number, protocol: ServicePort['protocol'] = 'tcp'): ServicePort => ({publishedPort, targetPort, protocol, publishMode: 'ingress'});
const host = (publishedPort: number, targetPort: number): ServicePort => ({publishedPort, targetPort, protocol: 'tcp', publishMode: 'host'});

describe('docker service ls PORTS', () => {
	it('groups consecutive ingress ports, skips host mode, sorts by protocol then port', () => {
		expect(formatServicePorts([ing(8081, 81), ing(8080, 80), host(9000, 90), ing(53, 53, 'udp')])).toBe('*:8080-8081->80-81/tcp, *:53->53/udp');
		expect(formatServicePorts([ing(80, 80), ing(81, 80)])).toBe('*:80-81->80/tcp');
		expect(formatServicePorts([ing(80, 80), ing(81, 81), ing(82, 80)])).toBe('*:80-81->80-81/tcp, *:82->80/tcp');
		expect(formatServicePorts([])).toBe('');
		expect(formatServicePorts([host(8080, 80)])).toBe('');
	});
});

describe('REPLICAS', () => {
	const base = {running: 2, desired: 3, replicas: 3, maxPerNode: 0, mode: 'replicated'} as ServiceInfo;
	it('is running/desired, with the per-node limit', () => {
		expect(formatReplicas(base)).toBe('2/3');
		expect(formatReplicas({...base, maxPerNode: 1})).toBe('2/3 (max 1 per node)');
		expect(formatReplicas({...base, mode: 'global', replicas: null, running: 1, desired: 1})).toBe('1/1');
	});
});

describe('the CLI port update and the update line', () => {
	it('publish-rm drops every port of the target, publish-add skips ports already there', () => {
		expect(applyPortUpdate([ing(8080, 80), ing(8081, 80)], parsePublish('80'), parsePublish('8080:80'))).toEqual([]);
		expect(applyPortUpdate([ing(8080, 80)], [], parsePublish('9090:90'))).toEqual([ing(8080, 80), ing(9090, 90)]);
		expect(applyPortUpdate([host(8080, 80)], parsePublish('80'), [])).toEqual([host(8080, 80)]);
		expect(applyPortUpdate([host(8080, 80)], parsePublish('target=80,mode=host'), [])).toEqual([]);
	});

	it('prints the command; a kept port sharing a removed target gets a second one', () => {
		expect(serviceUpdateLines('web', [ing(8080, 80)], [ing(9090, 80)])).toEqual(['docker service update --publish-rm 80 --publish-add 9090:80 web']);
		expect(serviceUpdateLines('web', [ing(8080, 80), ing(8081, 80)], [ing(8080, 80)])).toEqual([
			'docker service update --publish-rm 80 web',
			'docker service update --publish-add 8080:80 web',
		]);
		expect(serviceUpdateLines('web', [host(8080, 80)], [])).toEqual(['docker service update --publish-rm target=80,mode=host web']);
		expect(serviceUpdateLines('web', [], [])).toEqual([]);
	});

	it('every printed line, run through the CLI rule, gives the wanted ports', () => {
		const cases: Array<[ServicePort[], ServicePort[]]> = [
			[[ing(8080, 80), ing(8081, 80), host(9000, 90)], [ing(8081, 80), ing(53, 53, 'udp')]],
			[[ing(8080, 80)], [host(8080, 80)]],
			[[], [ing(0, 80), host(0, 81)]],
		];
		for (const [before, after] of cases) {
			let ports = before;
			for (const line of serviceUpdateLines('web', before, after)) {
				const words = line.split(' ');
				const rm = words.flatMap((w, i) => (words[i - 1] === '--publish-rm' ? parsePublish(w) : []));
				const add = words.flatMap((w, i) => (words[i - 1] === '--publish-add' ? parsePublish(w) : []));
				ports = applyPortUpdate(ports, rm, add);
			}
			expect(ports.map(longSpec).sort()).toEqual(after.map(longSpec).sort());
		}
	});

	it('writes each port back in a syntax that reads to it', () => {
		for (const p of [ing(8080, 80), ing(0, 80), ing(53, 53, 'udp'), host(8080, 80), host(0, 80), {...host(1, 2), protocol: 'sctp' as const}]) {
			expect(parsePublish(portSpec(p))).toEqual([p]);
			expect(parsePublish(longSpec(p))).toEqual([p]);
		}
	});
});

describe('Go csv', () => {
	it('reads quoted fields and words errors as Go', () => {
		expect(readCsvRecord('a,"b,c",d')).toEqual(['a', 'b,c', 'd']);
		expect(readCsvRecord('"a""b"')).toEqual(['a"b']);
		expect(() => readCsvRecord('target=80,protocol="tcp,mode=ingress"')).toThrow('parse error on line 1, column 20: bare " in non-quoted-field');
	});
});
