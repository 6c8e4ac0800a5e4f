/**
 * dnet's own view of a Docker network, mapped once from the Engine API JSON in
 * `source/engine/map-networks.ts`. Strings came from the engine: they are sanitized there.
 */

/** One IPAM pool of a network. */
export interface NetworkPool {
	/** `10.251.3.0/24`, `fd00::/64`. */
	subnet: string;
	/** Empty when the engine did not say. */
	gateway: string;
}

/** A container attached to a network, as `GET /networks/{id}` lists it. */
export interface NetworkMember {
	/** Full container id. */
	id: string;
	/** Name without a leading slash. */
	name: string;
	/** IPv4 address without the prefix length (`10.251.3.2`); empty when it has none. */
	ipv4: string;
	/** IPv6 address without the prefix length; empty when it has none. */
	ipv6: string;
	/** Network-scoped aliases (`--network-alias`), from the container's endpoint settings. */
	aliases: string[];
}

/** A network with the containers on it. */
export interface NetworkInfo {
	id: string;
	name: string;
	/** `bridge`, `host`, `null`, `overlay`, `macvlan`, … */
	driver: string;
	/** `local`, `swarm` or `global`. */
	scope: string;
	internal: boolean;
	/** True for the networks the engine made itself (`bridge`, `host`, `none`). */
	predefined: boolean;
	/** IPv4 pools, then IPv6 pools. */
	pools: NetworkPool[];
	/** Sorted by name. */
	containers: NetworkMember[];
}

/** Options of creating a network (`docker network create [--subnet] [--gateway] NAME`). */
export interface NetworkCreateOptions {
	subnet?: string;
	gateway?: string;
	internal?: boolean;
}
