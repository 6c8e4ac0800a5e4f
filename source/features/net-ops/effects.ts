/**
 * Effects of the links and networks features: preview a link, list networks, and run the
 * confirmed operations (link, unlink, move to a network, rename, connect, disconnect, create and
 * remove a network). None of them blocks the UI; each reports back with an action.
 */
import type {EffectContext} from '../../app/effect-context.js';
import type {Engine} from '../../engine/engine.js';
import {errorText} from '../../model/error-text.js';
import {addLink, LinkError, moveLinkToNetwork, previewLink, removeLink, reviewOf} from '../../operations/links.js';
import {describeFailure, type FailureText} from '../../operations/failure.js';
import {ChangedSinceReviewError, PortConflictError, RecreateError} from '../../operations/recreate/index.js';
import type {NetOp} from './state.js';

/** Runs one operation; returns the notice and the lines of what changed. */
export async function runNetOp(engine: Engine, op: NetOp): Promise<{text: string; lines: string[]}> {
	switch (op.kind) {
		case 'addLink': {
			const {preview, result} = await addLink(engine, op.recipient, op.source, op.alias, op.reviewed);
			return {
				text: `linked ${preview.recipient} --${op.alias}--> ${preview.source}: recreated ${result.name} (${result.newId.slice(0, 12)})`,
				lines: [`${preview.recipient} now has:`, ...preview.hosts.map((h) => `/etc/hosts  ${h.replace('\t', ' ')}`), ...preview.env.map((v) => `env  ${v}`)],
			};
		}
		case 'removeLink': {
			const {source, result} = await removeLink(engine, op.recipient, op.alias, op.reviewed);
			return {text: `removed the link ${op.recipient} --${op.alias}--> ${source}: recreated ${result.name} (${result.newId.slice(0, 12)})`, lines: []};
		}
		case 'moveLink': {
			const move = await moveLinkToNetwork(engine, op.recipient, op.alias, op.network, op.reviewed);
			return {text: `moved ${move.recipient} --${move.alias}--> ${move.source} to ${move.network}`, lines: move.changes};
		}
		case 'rename':
			await engine.renameContainer(op.id, op.to);
			return {text: `renamed ${op.from} to ${op.to}`, lines: []};
		case 'connect':
			await engine.connectNetwork(op.network, op.container, op.aliases.length > 0 ? {Aliases: op.aliases} : {});
			return {text: `connected ${op.container} to ${op.network}${op.aliases.length > 0 ? ` as ${op.aliases.join(', ')}` : ''}`, lines: []};
		case 'disconnect':
			await engine.disconnectNetwork(op.network, op.container, false);
			return {text: `disconnected ${op.container} from ${op.network}`, lines: []};
		case 'createNetwork': {
			const id = await engine.createNetwork(op.name, op.subnet ? {subnet: op.subnet} : {});
			return {text: `created the network ${op.name}: ${id.slice(0, 12)}`, lines: []};
		}
		case 'removeNetwork':
			await engine.removeNetwork(op.name);
			return {text: `removed the network ${op.name}`, lines: []};
	}
}

/** What the operation was, as a failure starts: `cannot remove the network app-net`. */
function attempt(op: NetOp): string {
	switch (op.kind) {
		case 'addLink':
			return `cannot link ${op.recipient} to ${op.source}`;
		case 'removeLink':
			return `cannot remove the link ${op.alias} of ${op.recipient}`;
		case 'moveLink':
			return `cannot move the link ${op.alias} of ${op.recipient} to ${op.network}`;
		case 'rename':
			return `cannot rename ${op.from}`;
		case 'connect':
			return `cannot connect ${op.container} to ${op.network}`;
		case 'disconnect':
			return `cannot disconnect ${op.container} from ${op.network}`;
		case 'createNetwork':
			return `cannot create the network ${op.name}`;
		case 'removeNetwork':
			return `cannot remove the network ${op.name}`;
	}
}

/**
 * A failed operation as a short line (the cause first, no internal names) and its full text:
 * `cannot remove the network app-net: it has active endpoints (web, db)`.
 */
export async function failure(engine: Engine, op: NetOp, error: unknown): Promise<FailureText> {
	if (error instanceof RecreateError) return {short: error.message, full: error.full};
	// dnet's own words, whole ("web changed since you reviewed it: …; nothing was changed (review it again)").
	if (error instanceof LinkError || error instanceof ChangedSinceReviewError) return {short: error.message, full: error.message};
	if (error instanceof PortConflictError) {
		const text = `${error.message} (nothing was changed)`;
		return {short: text, full: text};
	}
	const what = attempt(op);
	const said = describeFailure(what, error);
	if (op.kind === 'removeNetwork' && /has active endpoints/i.test(said.full)) {
		let members: string[] = [];
		try {
			members = (await engine.inspectNetwork(op.name)).containers.map((m) => m.name).sort();
		} catch {
			// Gone meanwhile: the engine's words alone.
		}
		return {short: `${what}: it has active endpoints${members.length > 0 ? ` (${members.join(', ')})` : ''}`, full: said.full};
	}
	return said;
}

/** Runs a confirmed operation and reports it (a failure by its short line; see `failure` for the full text). */
export async function netOp(ctx: EffectContext, id: number, op: NetOp): Promise<void> {
	try {
		const {text, lines} = await runNetOp(ctx.engine, op);
		ctx.dispatch({type: 'net/opDone', id, ok: true, text, lines});
	} catch (error) {
		const failed = await failure(ctx.engine, op, error);
		ctx.dispatch({type: 'net/opDone', id, ok: false, text: failed.short, full: failed.full, lines: []});
	}
}

/** Reads the recipient of the question on screen (what the apply then expects); a failed read expects nothing. */
export async function review(ctx: EffectContext, recipient: string): Promise<void> {
	try {
		ctx.dispatch({type: 'net/reviewed', recipient, fingerprint: await reviewOf(ctx.engine, recipient)});
	} catch {
		// Removed meanwhile, or the engine went away: the apply says so itself.
	}
}

export async function preview(ctx: EffectContext, recipient: string, source: string, alias: string): Promise<void> {
	const key = `${source}:${alias}`;
	try {
		ctx.dispatch({type: 'net/preview', key, preview: await previewLink(ctx.engine, recipient, source, alias), error: null});
	} catch (error) {
		ctx.dispatch({type: 'net/preview', key, preview: null, error: errorText(error)});
	}
}

/** Lists the networks; only the newest of overlapping loads reports. */
export function createNetworksLoader(): (ctx: EffectContext) => Promise<void> {
	let generation = 0;
	return async (ctx) => {
		const mine = ++generation;
		try {
			const networks = await ctx.engine.listNetworks();
			if (mine === generation) ctx.dispatch({type: 'net/networks', networks, error: null});
		} catch (error) {
			if (mine === generation) ctx.dispatch({type: 'net/networks', networks: null, error: errorText(error)});
		}
	};
}
