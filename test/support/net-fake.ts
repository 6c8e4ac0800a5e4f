/** A recreate-capable fake engine with in-memory networks (list, inspect, create, remove, connect, disconnect), recorded in `done`. */
import {EngineError, type EndpointConfig} from '../../source/engine/engine.js';
import type {NetworkCreateOptions, NetworkInfo} from '../../source/model/network.js';
import {RecreateFake} from './recreate-fake.js';

export function network(name: string, extra: Partial<NetworkInfo> = {}): NetworkInfo {
	return {id: `net-${name}`, name, driver: 'bridge', scope: 'local', internal: false, predefined: false, pools: [], containers: [], ...extra};
}

export class NetFake extends RecreateFake {
	networks: NetworkInfo[] = [network('bridge', {predefined: true, pools: [{subnet: '172.17.0.0/16', gateway: '172.17.0.1'}]})];

	private find(nameOrId: string): NetworkInfo {
		const n = this.networks.find((x) => x.name === nameOrId || x.id === nameOrId);
		if (!n) throw new EngineError('not-found', `network ${nameOrId} not found`, undefined, 404);
		return n;
	}

	override async listNetworks(): Promise<NetworkInfo[]> {
		this.calls.push('networks');
		return structuredClone([...this.networks].sort((a, b) => a.name.localeCompare(b.name)));
	}

	override async inspectNetwork(nameOrId: string): Promise<NetworkInfo> {
		return structuredClone(this.find(nameOrId));
	}

	override async createNetwork(name: string, options: NetworkCreateOptions = {}): Promise<string> {
		if (this.networks.some((n) => n.name === name)) throw new EngineError('conflict', `network with name ${name} already exists`, undefined, 409);
		this.networks.push(network(name, {pools: options.subnet ? [{subnet: options.subnet, gateway: options.gateway ?? ''}] : []}));
		this.done.push(`network create ${name}${options.subnet ? ` ${options.subnet}` : ''}`);
		return `net-${name}-id0123456789`;
	}

	override async removeNetwork(nameOrId: string): Promise<void> {
		const n = this.find(nameOrId);
		if (n.containers.length > 0) throw new EngineError('conflict', `error while removing network: network ${n.name} id ${n.id} has active endpoints`, undefined, 403);
		this.networks = this.networks.filter((x) => x !== n);
		this.done.push(`network rm ${n.name}`);
	}

	override async connectNetwork(nameOrId: string, container: string, endpoint: EndpointConfig = {}): Promise<void> {
		const n = this.find(nameOrId);
		const c = this.containers.find((x) => x.id === container || x.name === container);
		if (!c) throw new EngineError('not-found', `No such container: ${container}`, undefined, 404);
		n.containers.push({id: c.id, name: c.name, ipv4: `10.252.9.${n.containers.length + 2}`, ipv6: '', aliases: endpoint.Aliases ?? []});
		this.done.push(`network connect ${n.name} ${c.name}${(endpoint.Aliases ?? []).map((a) => ` --alias ${a}`).join('')}`);
	}

	override async disconnectNetwork(nameOrId: string, container: string): Promise<void> {
		const n = this.find(nameOrId);
		n.containers = n.containers.filter((m) => m.id !== container && m.name !== container);
		this.done.push(`network disconnect ${n.name} ${container}`);
	}
}
