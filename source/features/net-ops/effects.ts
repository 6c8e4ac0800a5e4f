/**
 * Effects of the links and networks features: preview a link, list networks, and run the
 * confirmed operations (link, unlink, move to a network, rename, connect, disconnect, create and
 * remove a network). None of them blocks the UI; each reports back with an action.
 */
import type {Engine} from '../engine/engine.js';
import {addLink, LinkError, moveLinkToNetwork, previewLink, removeLink} from '../engine/links.js';
import {PortConflictError, RecreateError} from '../engine/recreate/index.js';
import type {NetOp} from './net-state.js';
import type {Dispatch} from './store.js';
import type {State} from './state.js';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function need<T>(fn: T | undefined): T {
	if (!fn) throw new Error('this engine cannot manage networks');
	return fn;
}

/** Runs one operation; returns the notice and the lines of what changed. */
export async function runNetOp(engine: Engine, op: NetOp): Promise<{text: string; lines: string[]}> {
	switch (op.kind) {
		case 'addLink': {
			const {preview, result} = await addLink(engine, op.recipient, op.source, op.alias);
			return {
				text: `linked ${preview.recipient} --${op.alias}--> ${preview.source}: recreated ${result.name} (${result.newId.slice(0, 12)})`,
				lines: [`${preview.recipient} now has:`, ...preview.hosts.map((h) => `/etc/hosts  ${h.replace('\t', ' ')}`), ...preview.env.map((v) => `env  ${v}`)],
			};
		}
		case 'removeLink': {
			const {source, result} = await removeLink(engine, op.recipient, op.alias);
			return {text: `removed the link ${op.recipient} --${op.alias}--> ${source}: recreated ${result.name} (${result.newId.slice(0, 12)})`, lines: []};
		}
		case 'moveLink': {
			const move = await moveLinkToNetwork(engine, op.recipient, op.alias, op.network);
			return {text: `moved ${move.recipient} --${move.alias}--> ${move.source} to ${move.network}`, lines: move.changes};
		}
		case 'rename':
			await engine.renameContainer(op.id, op.to);
			return {text: `renamed ${op.from} to ${op.to}`, lines: []};
		case 'connect':
			await need(engine.connectNetwork).call(engine, op.network, op.container, op.aliases.length > 0 ? {Aliases: op.aliases} : {});
			return {text: `connected ${op.container} to ${op.network}${op.aliases.length > 0 ? ` as ${op.aliases.join(', ')}` : ''}`, lines: []};
		case 'disconnect':
			await need(engine.disconnectNetwork).call(engine, op.network, op.container, false);
			return {text: `disconnected ${op.container} from ${op.network}`, lines: []};
		case 'createNetwork': {
			const id = await need(engine.createNetwork).call(engine, op.name, op.subnet ? {subnet: op.subnet} : {});
			return {text: `created the network ${op.name}: ${id.slice(0, 12)}`, lines: []};
		}
		case 'removeNetwork':
			await need(engine.removeNetwork).call(engine, op.name);
			return {text: `removed the network ${op.name}`, lines: []};
	}
}

function failure(op: NetOp, error: unknown): string {
	if (error instanceof LinkError || error instanceof RecreateError) return error.message;
	if (error instanceof PortConflictError) return `${error.message} (nothing was changed)`;
	return `${op.kind === 'rename' ? `cannot rename ${op.from}` : op.kind}: ${message(error)}`;
}

/** The transition hook of these effects. */
export function createNetEffects(engine: Engine, dispatch: Dispatch): (previous: State, next: State) => void {
	let networksGeneration = 0;
	const loadNetworks = async (): Promise<void> => {
		const mine = ++networksGeneration;
		if (!engine.listNetworks) {
			dispatch({type: 'net/networks', networks: [], error: 'this engine cannot list networks'});
			return;
		}
		try {
			const networks = await engine.listNetworks();
			if (mine === networksGeneration) dispatch({type: 'net/networks', networks, error: null});
		} catch (error) {
			if (mine === networksGeneration) dispatch({type: 'net/networks', networks: null, error: message(error)});
		}
	};
	return (previous, next) => {
		const p = next.net.picker;
		const q = previous.net.picker;
		if (p?.stage === 'review' && p.source && (q?.stage !== 'review' || q.source !== p.source || q.alias !== p.alias)) {
			const key = `${p.source}:${p.alias}`;
			previewLink(engine, p.recipient.name, p.source, p.alias).then(
				(preview) => dispatch({type: 'net/preview', key, preview, error: null}),
				(error: unknown) => dispatch({type: 'net/preview', key, preview: null, error: message(error)}),
			);
		}
		const wantNetworks =
			next.net.networksSeq !== previous.net.networksSeq ||
			((next.screen === 'networks' || next.net.draft?.kind === 'move') && next.containers !== previous.containers && previous.containers.length > 0);
		if (wantNetworks || (next.net.draft?.kind === 'move' && previous.net.draft?.kind !== 'move')) void loadNetworks();
		if (next.net.opSeq !== previous.net.opSeq) {
			for (const {seq, op} of next.net.ops) {
				if (seq <= previous.net.opSeq) continue;
				runNetOp(engine, op).then(
					({text, lines}) => dispatch({type: 'net/opDone', seq, ok: true, text, lines}),
					(error: unknown) => dispatch({type: 'net/opDone', seq, ok: false, text: failure(op, error), lines: []}),
				);
			}
		}
	};
}
