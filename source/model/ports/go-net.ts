/**
 * Go's `net.ParseIP` (via `netip.ParseAddr`, zones refused) and `net.SplitHostPort`: docker
 * validates host IPs with them, and the engine does not validate them again.
 */

function parseIPv4(s: string): boolean {
	const fields = s.split('.');
	if (fields.length !== 4) return false;
	return fields.every((f) => /^(0|[1-9][0-9]{0,2})$/.test(f) && Number(f) <= 255);
}

function parseIPv6(s: string): boolean {
	let ellipsis = -1;
	let i = 0;
	let rest = s;
	if (rest.startsWith('::')) {
		ellipsis = 0;
		rest = rest.slice(2);
		if (rest === '') return true;
	}
	while (i < 16) {
		const m = /^[0-9a-fA-F]*/.exec(rest);
		const digits = m ? m[0] : '';
		if (digits.length > 4) return false;
		if (digits.length === 0) return false;
		if (rest[digits.length] === '.') {
			if (ellipsis < 0 && i !== 12) return false;
			if (i + 4 > 16) return false;
			if (!parseIPv4(rest)) return false;
			i += 4;
			rest = '';
			break;
		}
		i += 2;
		rest = rest.slice(digits.length);
		if (rest === '') break;
		if (rest[0] !== ':' || rest.length === 1) return false;
		rest = rest.slice(1);
		if (rest[0] === ':') {
			if (ellipsis >= 0) return false;
			ellipsis = i;
			rest = rest.slice(1);
			if (rest === '') break;
		}
	}
	if (rest !== '') return false;
	if (i < 16) return ellipsis >= 0;
	return ellipsis < 0;
}

/** True when Go's `net.ParseIP` accepts `s` (IPv4 dotted quad or IPv6, no zone). */
export function isGoIP(s: string): boolean {
	for (const ch of s) {
		if (ch === '.') return parseIPv4(s);
		if (ch === ':') return !s.includes('%') && parseIPv6(s);
		if (ch === '%') return false;
	}
	return false;
}

/** Go's `net.SplitHostPort`: host and port, or the `*net.AddrError` text. */
export function splitHostPort(hostport: string): {host: string; port: string} | {error: string} {
	const fail = (why: string) => ({error: `address ${hostport}: ${why}`});
	const i = hostport.lastIndexOf(':');
	if (i < 0) return fail('missing port in address');
	let host: string;
	let j = 0;
	let k = 0;
	if (hostport[0] === '[') {
		const end = hostport.indexOf(']');
		if (end < 0) return fail("missing ']' in address");
		if (end + 1 === hostport.length) return fail('missing port in address');
		if (end + 1 !== i) return fail(hostport[end + 1] === ':' ? 'too many colons in address' : 'missing port in address');
		host = hostport.slice(1, end);
		j = 1;
		k = end + 1;
	} else {
		host = hostport.slice(0, i);
		if (host.includes(':')) return fail('too many colons in address');
	}
	if (hostport.slice(j).includes('[')) return fail("unexpected '[' in address");
	if (hostport.slice(k).includes(']')) return fail("unexpected ']' in address");
	return {host, port: hostport.slice(i + 1)};
}
