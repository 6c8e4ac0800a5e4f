/**
 * Small helpers mirroring Go's `net` package where Docker's output depends on them.
 */

/** Go's `net.JoinHostPort`: brackets the host when it contains a colon (IPv6). */
export function joinHostPort(host: string, port: string): string {
	return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
