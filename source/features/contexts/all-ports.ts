/**
 * `:ports all` (issue 12): every context's published ports, each context read on its own engine
 * with a deadline, so one that does not answer is listed as such and never holds the others back.
 */
import type {EffectContext} from '../../app/effect-context.js';
import type {EngineSwitch} from '../../engine/endpoint/switch.js';
import type {Engine} from '../../engine/engine.js';
import {errorText} from '../../model/error-text.js';
import {sanitize} from '../../model/sanitize.js';
import type {HostPortRow, HostPorts} from './state.js';

/** How long one context may take before it is listed as not answering. */
export const HOST_DEADLINE_MS = 8000;

async function readHost(engine: Engine): Promise<HostPortRow[]> {
	const containers = await engine.listContainers(true);
	const rows: HostPortRow[] = [];
	for (const c of containers) {
		for (const p of c.ports) {
			if (p.publicPort === undefined || p.publicPort === 0) continue;
			rows.push({hostIp: sanitize(p.ip ?? '0.0.0.0'), hostPort: p.publicPort, containerPort: p.privatePort, protocol: p.type, container: sanitize(c.name), state: sanitize(c.state)});
		}
	}
	return rows.sort((a, b) => a.hostPort - b.hostPort || a.hostIp.localeCompare(b.hostIp) || a.container.localeCompare(b.container));
}

function deadline<T>(work: Promise<T>, ms: number): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const late = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`no answer in ${ms / 1000} s`)), ms);
	});
	return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export async function loadAllPorts(ctx: EffectContext, control: EngineSwitch): Promise<void> {
	const contexts = control.rows();
	const hosts: HostPorts[] = contexts.map((r) => ({
		context: sanitize(r.name),
		endpoint: sanitize(r.dockerEndpoint),
		status: r.error ? 'error' : 'reading',
		error: sanitize(r.error),
		rows: [],
	}));
	ctx.dispatch({type: 'contexts/hosts', hosts});
	await Promise.all(
		contexts.map(async (r, i) => {
			const host = hosts[i]!;
			if (r.error) return;
			const current = r.name === control.context();
			let engine: Engine | null = null;
			try {
				engine = current ? ctx.engine : control.open(r.name);
				const rows = await deadline(readHost(engine), HOST_DEADLINE_MS);
				ctx.dispatch({type: 'contexts/hostPorts', host: {...host, status: 'ok', rows}});
			} catch (error) {
				ctx.dispatch({type: 'contexts/hostPorts', host: {...host, status: 'error', error: sanitize(errorText(error).split('\n')[0] ?? 'failed')}});
			} finally {
				if (!current) engine?.close();
			}
		}),
	);
}
