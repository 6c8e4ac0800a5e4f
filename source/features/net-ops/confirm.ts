/** The confirmation text of each links/networks operation: what it does, said before it is done. */
import type {ContainerSummary} from '../../model/container.js';
import {envPrefix} from '../../model/links.js';
import type {NetworkInfo} from '../../model/network.js';
import {linkedFrom} from '../list/selectors.js';
import type {NetConfirm, NetOp} from './state.js';

const recreateNote = (r: string, containers: ContainerSummary[]): string => {
	const c = containers.find((x) => x.name === r);
	const running = c ? c.state === 'running' : false;
	return `${r} is recreated (stopped, renamed to a backup, created again${running ? ', started' : ''}); everything else is kept, and the original is put back if a step fails`;
};

/** The question for `op`, with one line per thing that changes. */
export function confirmFor(op: NetOp, containers: ContainerSummary[], networks: NetworkInfo[] | null): NetConfirm {
	switch (op.kind) {
		case 'addLink':
			return {op, title: `Link ${op.recipient} to ${op.source} as ${op.alias}? (--link ${op.source}:${op.alias})`, lines: [recreateNote(op.recipient, containers)]};
		case 'removeLink': {
			const source = containers.find((c) => c.name === op.recipient)?.links.find((l) => l.alias === op.alias)?.source ?? '?';
			return {
				op,
				title: `Remove the link ${op.recipient} --${op.alias}--> ${source}?`,
				lines: [
					`${op.recipient} loses --link ${source}:${op.alias}: no more ${envPrefix(op.alias)}_* env vars, no /etc/hosts line for ${op.alias}`,
					recreateNote(op.recipient, containers),
				],
			};
		}
		case 'moveLink': {
			const source = containers.find((c) => c.name === op.recipient)?.links.find((l) => l.alias === op.alias)?.source ?? '?';
			const exists = networks?.some((n) => n.name === op.network) ?? false;
			return {
				op,
				title: `Move ${op.recipient} --${op.alias}--> ${source} to the network ${op.network}?`,
				lines: [
					exists ? `the network ${op.network} is used as it is` : `the network ${op.network} is created (docker network create ${op.network})`,
					`${source} joins ${op.network} with the alias ${op.alias} (docker network connect --alias ${op.alias} ${op.network} ${source})`,
					`${op.recipient} is recreated without --link ${source}:${op.alias}, attached to ${op.network}`,
					`${op.recipient} then finds ${op.alias} by DNS (the engine's resolver), not /etc/hosts, and no longer gets the ${envPrefix(op.alias)}_* env vars`,
				],
			};
		}
		case 'rename': {
			const from = linkedFrom(containers, op.from);
			const own = containers.find((c) => c.id === op.id)?.links ?? [];
			return {
				op,
				title: `Rename ${op.from} to ${op.to}? (docker rename ${op.from} ${op.to})`,
				lines: [
					...(from.length === 0 ? [`no container links to ${op.from}`] : from.map((l) => `${l.source} --${l.alias}--> ${op.to} (was ${op.from}): the link follows, the alias stays ${l.alias}`)),
					...own.map((l) => `${op.to} --${l.alias}--> ${l.source}: kept`),
				],
			};
		}
		case 'connect':
			return {
				op,
				title: `Connect ${op.container} to ${op.network}? (docker network connect${op.aliases.map((a) => ` --alias ${a}`).join('')} ${op.network} ${op.container})`,
				lines: [
					`${op.container} gets an address on ${op.network}; the containers there reach it by name${op.aliases.length > 0 ? ` and as ${op.aliases.join(', ')}` : ''}`,
				],
			};
		case 'disconnect': {
			const m = networks?.find((n) => n.name === op.network)?.containers.find((x) => x.name === op.container);
			// Legacy links live on the default bridge: leaving it breaks them, both ways.
			const links =
				op.network === 'bridge'
					? [
							...linkedFrom(containers, op.container).map((l) => `${l.source} links to ${op.container} as ${l.alias}: the link stops working (links need both on the default bridge)`),
							...(containers.find((c) => c.name === op.container)?.links ?? []).map(
								(l) => `${op.container} links to ${l.source} as ${l.alias}: the link stops working (links need both on the default bridge)`,
							),
						]
					: [`the containers on ${op.network} no longer reach ${op.container} by name${m && m.aliases.length > 0 ? ' or alias' : ''}`];
			return {
				op,
				title: `Disconnect ${op.container} from ${op.network}? (docker network disconnect ${op.network} ${op.container})`,
				lines: [`${op.container} loses ${m?.ipv4 || 'its address'} on ${op.network}${m && m.aliases.length > 0 ? ` and the aliases ${m.aliases.join(', ')}` : ''}`, ...links],
			};
		}
		case 'createNetwork':
			return {
				op,
				title: `Create the network ${op.name}? (docker network create${op.subnet ? ` --subnet ${op.subnet}` : ''} ${op.name})`,
				lines: [`driver bridge, subnet ${op.subnet || 'picked by the engine'}; containers on it find each other by name`],
			};
		case 'removeNetwork': {
			const members = networks?.find((n) => n.name === op.name)?.containers.map((m) => m.name) ?? [];
			return {
				op,
				title: `Remove the network ${op.name}? (docker network rm ${op.name})`,
				lines: [members.length > 0 ? `still attached: ${members.join(', ')} (the engine refuses while containers are attached: d disconnects)` : 'no container is attached'],
			};
		}
	}
}
