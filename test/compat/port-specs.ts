/**
 * The differential table: port flags checked against the real docker CLI. Each case is the list of
 * port flags of one `docker create`. Valid and invalid on purpose; the oracle decides which.
 */

/** One `docker create` command line's port flags, e.g. `['-p', '80:80', '--expose', '90']`. */
export type FlagCase = string[];

const publishSpecs: string[] = [
	// container port only, protocols and case
	'80', '80/tcp', '80/udp', '80/sctp', '80/TCP', '80/Udp', '80/SCTP', '80/', '80/foo', '80/FOO', '80/udp/tcp', '80/tcp/', '/udp', '/',
	// edge numbers
	'0', '1', '65535', '65536', '99999999999999999999', '080', '0x50', '+80', '-1', '1e3', '8O',
	// host:container
	'8080:80', '0:80', '65535:80', '65536:80', '70000:80', 'x:80', ':80', '8080:', '8080:80/udp', '8080:80/sctp', '80:0', '080:80',
	// ranges
	'8000-8002:80-82', '8000-8001:80-82', '80-82', '80-82/udp', '80-80', '82-80', '80-', '-80', '1-2-3', '1-2-3:5-6-7', '8000-8010:80',
	'8000-8002:80', '0-1:80', '100-90:80', '8000-8002:80-82/sctp', '8000-8001:80-82/foo', '65534-65535:65534-65535', '65535-65536', '1-65535:1-65535/FOO',
	// ip:host:container and ip::container
	'127.0.0.1:8080:80', '127.0.0.1::80', '127.0.0.1::80/udp', '0.0.0.0:8080:80', '0.0.0.0::80', '1.2.3.4:80:80/udp', '1.2.3:80:80', '1.2.3::',
	'256.1.1.1:80:80', '01.2.3.4:80:80', '1.2.3.4.5:80:80', '1.2.3.:80:80', 'localhost:80:80', '1.2.3.4:abc:80', '1.2.3.4:80:abc', '1.2.3.4:80:80/foo',
	'127.0.0.1:8000-8002:80-82', '127.0.0.1:8000-8010:80', ' 127.0.0.1:80:80', '127.0.0.1 :80:80', '1.2.3.4::', '1.2.3.4:::80',
	// IPv6 without brackets
	'::1:80:80', '::1::80', ':::80', '::::80', '::80:80', 'fe80::1:80:80', '::ffff:1.2.3.4:80:80', '::ffff:1.2.3.256:80:80', '1:2:3:4:5:6:7:8:80:80',
	'1:2:3:4:5:6:7:8:9:80:80', '1::2::3:80:80', '12345::1:80:80', 'g::1:80:80', '::1%eth0:80:80', 'fe80::1%eth0:80:80', '1:2:3:4:5:6:1.2.3.4:80:80',
	'1:2:3:4:5:6:7:1.2.3.4:80:80', '::1.2.3.4:80:80', 'FE80::ABCD:80:80', '::1:',
	// IPv6 with brackets
	'[::1]:8080:80', '[::1]::80', '[::]:8080:80/udp', '[::1]:80:80/sctp', '[fe80::1%eth0]:80:80', '[::1:80:80', '[::1]x:80:80', '[::1]]:80:80',
	'[[::1]:80:80', '[::1]:5:80:80', '[1.2.3.4]:80:80', '[]:80:80', '[::1]', '[::1]:80', '[::1]:80:', '[::g]:80:80', '[::1]:80-81:80-81',
	// spaces and empty parts
	' 80', '80 ', '80 /udp', '80/ udp', '8080 :80', '', ':', '::', ':::', '::::', 'a:b:c:d', '1.2.3.4:', '1.2.3.4:80:',
	// long form
	'published=8080,target=80', 'published=8080,target=80,protocol=udp', 'target=80', 'target=80,protocol=sctp', 'target=80,protocol=UDP',
	'target=80,protocol=foo', 'published=80', 'published=,target=', 'target=abc', 'published=abc,target=80', 'published=8080,target=80,mode=host',
	'published=8080,target=80,mode=bogus', 'target=80,host_ip=127.0.0.1', 'published=1.2.3.4:80,target=80', 'published=8000-8002,target=80-82',
	'published=8000-8001,target=80-82', 'target=80,bad', 'a,b=c', '=x', 'target=80,,published=1', 'target=80,target=81', 'a=b=c,target=80',
	'published=8080, target=80', ' target=80', 'target=80/udp', 'TARGET=80', 'target=65536', 'target=0',
];

const exposeValues: string[] = [
	'80', '80/udp', '80/sctp', '80/UDP', '80/FOO', '80/', '6000-6002', '6000-6002/udp', '5-3', '1-2-3', '80-', '-80', '', '/udp', 'abc',
	'70000', '65535', '0', '080', '99999999999999999999', ' 80', '1:2', '127.0.0.1::80', '7000x', '70000x',
];

/** Every case: one `-p` each, one `--expose` each, then multi-flag combinations. */
export const flagCases: FlagCase[] = [
	...publishSpecs.map((s) => ['-p', s]),
	...exposeValues.map((v) => ['--expose', v]),
	['-p', '8080:80', '-p', '127.0.0.1:8081:80', '-p', '[::1]:8082:80'],
	['-p', '80', '-p', '80', '-p', '80/udp'],
	['-p', '8000-8002:80-82', '-p', '127.0.0.1::81'],
	['-p', '80', '--expose', '80'],
	['--expose', '90-92', '-p', '91:91/udp'],
	['-p', 'abc', '--expose', 'abc'],
	['--expose', 'abc', '-p', 'abc'],
	['-p', '80', '-p', 'bad/proto', '-p', '1.2.3:80:80'],
	['-P', '-p', '80', '--expose', '81'],
	['-P'],
	['-P', '--expose', '6000-6001/udp'],
	['-p', 'target=80,published=8080', '-p', '8081:80'],
];
