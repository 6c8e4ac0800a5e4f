/** The socket tables of /proc read as listeners (model/doctor/sockets.ts), on lines as Linux writes them. */
import {describe, expect, it} from 'vitest';
import {parseSocketTable, procAddress} from '../../source/model/doctor/sockets.js';

const header = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';

describe('procAddress', () => {
	it('reads IPv4 and IPv6 addresses in the kernel byte order', () => {
		expect(procAddress('0100007F')).toBe('127.0.0.1');
		expect(procAddress('00000000')).toBe('0.0.0.0');
		expect(procAddress('0200A8C0')).toBe('192.168.0.2');
		expect(procAddress('00000000000000000000000000000000')).toBe('::');
		expect(procAddress('00000000000000000000000001000000')).toBe('::1');
		expect(procAddress('0000000000000000FFFF00000100007F')).toBe('::ffff:127.0.0.1');
		expect(procAddress('000080FE00000000FF0050020000FEFF')).toBe('fe80::250:ff:fffe:0');
	});
});

describe('parseSocketTable', () => {
	it('keeps TCP sockets in LISTEN only', () => {
		const text = `${header}   0: 0100007F:1388 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1\n   1: 0200A8C0:1388 0300A8C0:D431 01 00000000:00000000 00:00000000 00000000     0        0 2 1\n`;
		expect(parseSocketTable('tcp', text)).toEqual([{proto: 'tcp', address: '127.0.0.1', port: 5000}]);
	});

	it('keeps unconnected UDP sockets only', () => {
		const text = `${header}  10: 00000000:14E9 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 3 2\n  11: 0200A8C0:1000 0300A8C0:0035 01 00000000:00000000 00:00000000 00000000     0        0 4 2\n`;
		expect(parseSocketTable('udp', text)).toEqual([{proto: 'udp', address: '0.0.0.0', port: 5353}]);
	});

	it('skips the header and malformed lines', () => {
		expect(parseSocketTable('tcp6', `${header}garbage\n\n`)).toEqual([]);
	});
});
