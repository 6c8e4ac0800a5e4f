/**
 * Published addresses as a client on this machine reaches them: what `y` copies, and the link a
 * terminal opens for a port that looks like HTTP (ARCHITECTURE.md, "The terminal").
 */

/** `host:port` one can connect to: a binding on every address is reached on loopback. */
export function reachable(hostIp: string, hostPort: number): string {
	if (hostIp === '' || hostIp === '0.0.0.0') return `127.0.0.1:${hostPort}`;
	if (hostIp === '::') return `[::1]:${hostPort}`;
	return hostIp.includes(':') ? `[${hostIp}]:${hostPort}` : `${hostIp}:${hostPort}`;
}

const HTTP = new Set([80, 3000, 4200, 5000, 5173, 8000, 8008, 8080, 8081, 8888, 9000]);
const HTTPS = new Set([443, 8443]);

/** The URL of a published TCP port whose container port is a usual web port, else null. */
export function webUrl(hostIp: string, hostPort: number | null | undefined, containerPort: number, protocol: string): string | null {
	if (!hostPort || protocol !== 'tcp') return null;
	if (HTTPS.has(containerPort)) return `https://${reachable(hostIp, hostPort)}/`;
	return HTTP.has(containerPort) ? `http://${reachable(hostIp, hostPort)}/` : null;
}

/** `text` as an OSC 8 hyperlink to `url`. */
export const hyperlink = (url: string, text: string): string => `\u001b]8;;${url}\u001b\\${text}\u001b]8;;\u001b\\`;
