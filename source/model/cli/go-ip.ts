/**
 * Go's `net.ParseIP` and `IP.String`, whose results show through the docker CLI: `--dns` and
 * `--add-host` values are checked with `opts.ValidateIPAddress` (`net.ParseIP(strings.TrimSpace(v))`),
 * and `--dns` sends the canonical form (`0:0:0:0:0:0:0:1` is sent as `::1`, `::ffff:1.2.3.4` as
 * `1.2.3.4`). Written after Go's `net/netip` parser: IPv4 as four decimal fields without leading
 * zeros, IPv6 with one `::`, at most 4 hex digits a group, an embedded IPv4 only in the last 32
 * bits, no zone (see "The layers and the feature folders" in ARCHITECTURE.md: model/ is pure).
 */

/** Go's `strings.TrimSpace`: Unicode White_Space at both ends (not JavaScript's set: U+0085 yes, U+FEFF no). */
const GO_SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const TRIM = new RegExp(`^${GO_SPACE}+|${GO_SPACE}+$`, 'g');
export const goTrimSpace = (s: string): string => s.replace(TRIM, '');

/** IPv4 fields of `s` (decimal, no leading zero, <= 255, exactly 4), or null. */
function ipv4Fields(s: string): number[] | null {
	const parts = s.split('.');
	if (parts.length !== 4) return null;
	const out: number[] = [];
	for (const part of parts) {
		if (!/^(?:0|[1-9][0-9]{0,2})$/.test(part)) return null;
		const n = Number(part);
		if (n > 255) return null;
		out.push(n);
	}
	return out;
}

/** `netip.ParseAddr` for IPv6 (no zone allowed, as `net.ParseIP`): 16 bytes, or null. */
function ipv6Bytes(input: string): number[] | null {
	if (input.includes('%')) return null;
	let s = input;
	const ip = new Array<number>(16).fill(0);
	let ellipsis = -1;
	if (s.startsWith('::')) {
		ellipsis = 0;
		s = s.slice(2);
		if (s === '') return ip;
	}
	let i = 0;
	while (i < 16) {
		const digits = /^[0-9a-fA-F]*/.exec(s)?.[0] ?? '';
		if (digits.length === 0 || digits.length > 4) return null;
		if (s[digits.length] === '.') {
			if ((ellipsis < 0 && i !== 12) || i + 4 > 16) return null;
			const v4 = ipv4Fields(s);
			if (v4 === null) return null;
			ip.splice(i, 4, ...v4);
			s = '';
			i += 4;
			break;
		}
		const acc = Number.parseInt(digits, 16);
		ip[i] = acc >> 8;
		ip[i + 1] = acc & 0xff;
		i += 2;
		s = s.slice(digits.length);
		if (s === '') break;
		if (s[0] !== ':' || s.length === 1) return null;
		s = s.slice(1);
		if (s[0] === ':') {
			if (ellipsis >= 0) return null;
			ellipsis = i;
			s = s.slice(1);
			if (s === '') break;
		}
	}
	if (s !== '') return null;
	if (i < 16) {
		if (ellipsis < 0) return null;
		const n = 16 - i;
		const tail = ip.slice(ellipsis, i);
		ip.fill(0, ellipsis);
		ip.splice(ellipsis + n, tail.length, ...tail);
		return ip.slice(0, 16);
	}
	return ellipsis >= 0 ? null : ip;
}

/** Go's `net.ParseIP`: the 16 bytes of the address (IPv4 as IPv4-mapped), or null when Go returns nil. */
export function parseGoIP(s: string): number[] | null {
	for (const c of s) {
		if (c === '.') {
			const v4 = ipv4Fields(s);
			return v4 === null ? null : [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...v4];
		}
		if (c === ':') return ipv6Bytes(s);
		if (c === '%') return null;
	}
	return null;
}

/** Go's `net.IP.String` for 16 bytes: dotted for IPv4-mapped, else RFC 5952 (longest zero run of 2+ groups as `::`). */
export function goIPString(ip: readonly number[]): string {
	if (ip.slice(0, 10).every((b) => b === 0) && ip[10] === 0xff && ip[11] === 0xff) return ip.slice(12).join('.');
	const groups = Array.from({length: 8}, (_, k) => ((ip[2 * k] ?? 0) << 8) | (ip[2 * k + 1] ?? 0));
	let zeroStart = -1;
	let zeroLength = 0;
	for (let k = 0; k < 8; k++) {
		let j = k;
		while (j < 8 && groups[j] === 0) j++;
		if (j - k >= 2 && j - k > zeroLength) {
			zeroStart = k;
			zeroLength = j - k;
		}
	}
	let out = '';
	for (let k = 0; k < 8; k++) {
		if (k === zeroStart) {
			out += '::';
			k += zeroLength - 1;
			continue;
		}
		if (k > 0 && !out.endsWith('::')) out += ':';
		out += (groups[k] ?? 0).toString(16);
	}
	return out;
}

/** docker's `opts.ValidateIPAddress`: the canonical address, or its error (`IP address is not correctly formatted: x`). */
export function validateIPAddress(value: string): {ok: true; ip: string} | {ok: false; error: string} {
	const ip = parseGoIP(goTrimSpace(value));
	return ip === null ? {ok: false, error: `IP address is not correctly formatted: ${value}`} : {ok: true, ip: goIPString(ip)};
}
