/**
 * The one host-port conflict rule, used by the ports view (`bindings.ts`), the port editor and the
 * new-container form (through `operations/port-conflicts.ts`), the recreate transaction, `dnet
 * publish` and `dnet run`: which two host bindings cannot both be had, and how a conflict is said.
 *
 * A host port is claimed by a running container (it holds it now), by a stopped container (its
 * `HostConfig.PortBindings` ask for it: it could not start while another holds it), or by a process
 * on this machine. Holding a port someone holds now is refused; asking for one a stopped container
 * asks for is a warning (the change can go on, the stopped one could not start then).
 */

/** One host port on one address and protocol (`hostIp` '' is every address of both families). */
export interface HostPort {
	hostIp: string;
	hostPort: number;
	protocol: string;
}

/** Who claims a host port: a container by name, or null for a process outside Docker. */
export interface HostPortHolder {
	name: string | null;
	/** True when the port is held now (a running container, a process); false for a stopped container's request. */
	running: boolean;
}

const isV6 = (ip: string): boolean => ip.includes(':');
const isUnspecified = (ip: string): boolean => ip === '0.0.0.0' || ip === '::';

/**
 * Whether two host addresses cannot both be bound on one port: equal, or one is the unspecified
 * address of the other's family, or one is '' (docker's default: every address of both families).
 */
export function addressesOverlap(a: string, b: string): boolean {
	if (a === '' || b === '' || a === b) return true;
	if (isV6(a) !== isV6(b)) return false;
	return isUnspecified(a) || isUnspecified(b);
}

/** Whether two host bindings collide: the same port and protocol on overlapping addresses. */
export function hostPortsCollide(a: HostPort, b: HostPort): boolean {
	return a.hostPort === b.hostPort && a.protocol === b.protocol && addressesOverlap(a.hostIp, b.hostIp);
}

/** `127.0.0.1:8000/tcp`, `[::1]:8000/tcp`, `0.0.0.0:8000/tcp` for ''. */
export function hostPortText(p: HostPort): string {
	const ip = p.hostIp === '' ? '0.0.0.0' : isV6(p.hostIp) ? `[${p.hostIp}]` : p.hostIp;
	return `${ip}:${p.hostPort}/${p.protocol}`;
}

/**
 * The one wording of a conflict of `wanted` with its holder:
 * `127.0.0.1:8000/tcp is already published by container db` (running, a refusal),
 * `127.0.0.1:8000/tcp is also asked for by old-web (stopped): it could not start while this runs` (a warning),
 * `127.0.0.1:8000/tcp is already in use by a process on this machine` (a refusal);
 * `code` is the system's error when a bind test failed otherwise (`EADDRNOTAVAIL`).
 */
export function conflictMessage(wanted: HostPort, holder: HostPortHolder, code?: string): string {
	const where = hostPortText(wanted);
	if (holder.name === null) {
		return code === undefined || code === 'EADDRINUSE'
			? `${where} is already in use by a process on this machine`
			: `${where} cannot be bound on this machine (${code})`;
	}
	return holder.running
		? `${where} is already published by container ${holder.name}`
		: `${where} is also asked for by ${holder.name} (stopped): it could not start while this runs`;
}
