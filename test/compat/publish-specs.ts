/** `--publish` values of `docker service create`, valid and invalid, for the differential test. */
export const publishCases: readonly string[] = [
	// short syntax
	'80', '8080:80', '8080:80/tcp', '53:53/udp', '9000:9000/sctp', '80/udp', '8080:80/TCP', '8080:80/Udp',
	'8080-8081:80-81', '8080-8082:80', '80-81', '7000-7001:7000-7001/udp', '0:80', '65535:80', '8080:65535',
	':80', '8080:', '', 'tcp', '80/xyz', '9999999', '8080:99999', '99999:80', '8080-8081:80-82', '8081-8080:80',
	'127.0.0.1:8080:80', '0.0.0.0:8080:80', '[::1]:8080:80', '[::]:80:80', '1.2.3:8080:80', 'a:b:c',
	'8080:80/', '/tcp', '-1:80', '8080:-80', '80-', '8080:80-', '0', '08080:080', '+80', ' 80', '80 ',
	// long syntax
	'target=80', 'published=8080,target=80', 'published=8080,target=80,protocol=udp', 'published=8080,target=80,mode=host',
	'published=8080,target=80,protocol=sctp,mode=ingress', 'target=80,published=8080', 'PUBLISHED=8080,TARGET=80,PROTOCOL=UDP,MODE=HOST',
	'target=80,protocol=tcp', 'mode=host,target=443', 'published=0,target=80', 'target=0', 'published=8080',
	'published=8080,protocol=tcp,mode=ingress', 'target=invalid', 'published=invalid,target=80', 'target=99999',
	'protocol=invalid,target=80', 'mode=invalid,target=80', 'invalid=field', 'invalid,target=80', 'target=80,',
	'target=80,,published=8080', '=80,target=80', 'target=80,protocol="tcp,mode=ingress"', 'target=80,"protocol=tcp,mode=ingress"',
	'target=80,"published=8080"', '"target=80', 'target=80,published="8080', 'target=80,published=8080"x', 'target= 80',
	'target=80,mode=', 'target=80,protocol=', 'target=8080-8081', 'published=8080-8081,target=80', 'target=80=80',
	'8080:80,target=80', 'a=b', 'target=80,target=81', 'target=80,published=8080,published=9090', 'target=+80',
	'x=1,target=80', 'target=80,x y=1', 'target=٣', 'target=80,name=web',
];
