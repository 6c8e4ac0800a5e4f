/**
 * `dnet service publish SERVICE SPEC…` and `dnet service unpublish SERVICE PORT…`: a service's
 * published ports changed in place by a service update (the engine rolls it out; a failed update is
 * rolled back). SPEC is docker's `--publish` syntax, short (`8080:80/udp`) or long
 * (`published=8080,target=80,mode=host`); it replaces the ports of the same target, protocol and
 * mode. PORT is a `--publish-rm` value (`80`, `53/udp`, `target=80,mode=host`).
 */
import {EngineError} from '../../engine/engine.js';
import {PortSpecError} from '../../model/ports/index.js';
import {applyPortUpdate, serviceUpdateLines} from '../../model/swarm/format.js';
import {longSpec, parsePublish, publishFlagError} from '../../model/swarm/publish.js';
import type {ServicePort} from '../../model/swarm/types.js';
import {changeServicePorts} from '../../operations/services.js';
import {checkServiceConflicts} from '../../operations/service-conflicts.js';
import {positionalArgs} from '../args.js';
import {engineFailureText} from '../cli-errors.js';
import type {Command, CommandContext} from '../context.js';

const USAGE = 'Usage:  dnet service publish SERVICE SPEC... | dnet service unpublish SERVICE PORT...';

const HELP = `${USAGE}

Change a swarm service's published ports in place (a service update, rolled out by the engine;
a failed update is rolled back).

  publish SERVICE SPEC...    publish ports: docker --publish syntax, short (8080:80, 53:53/udp) or
                             long (published=8080,target=80,protocol=udp,mode=host); each replaces
                             the ports of the same target, protocol and mode
  unpublish SERVICE PORT...  remove published ports, as --publish-rm: 80, 53/udp, target=80,mode=host
`;

function parseAll(values: string[], flag: string, ctx: CommandContext): ServicePort[] | null {
	const out: ServicePort[] = [];
	for (const v of values) {
		try {
			out.push(...parsePublish(v));
		} catch (error) {
			if (!(error instanceof PortSpecError)) throw error;
			ctx.stderr.write(`dnet: ${publishFlagError(v, error.message, flag)}\n`);
			return null;
		}
	}
	return out;
}

const sameSlot = (a: ServicePort, b: ServicePort): boolean => a.targetPort === b.targetPort && a.protocol === b.protocol && a.publishMode === b.publishMode;

async function run(ctx: CommandContext, name: string, change: (before: ServicePort[]) => ServicePort[] | string): Promise<number> {
	const engine = ctx.engine();
	try {
		const {service} = await engine.inspectService(name);
		const after = change(service.specPorts);
		if (typeof after === 'string') {
			ctx.stderr.write(`dnet: ${after}\n`);
			return 1;
		}
		const lines = serviceUpdateLines(service.name, service.specPorts, after);
		if (lines.length === 0) {
			ctx.stdout.write(`${service.name}: nothing to change\n`);
			return 0;
		}
		const conflicts = await checkServiceConflicts(engine, service.id, after);
		const refused = conflicts.filter((c) => c.holderRunning);
		if (refused.length > 0) {
			for (const c of refused) ctx.stderr.write(`dnet: cannot publish on ${service.name}: ${c.message}${c.suggestion === null ? '' : ` (next free port: ${c.suggestion})`}\n`);
			return 1;
		}
		for (const c of conflicts) ctx.stderr.write(`dnet: warning: ${c.message}\n`);
		ctx.stderr.write(`dnet: ${lines.join(' && ')}\n`);
		let last = '';
		const result = await changeServicePorts(engine, service.id, after, {
			onProgress: (p) => {
				const text = `${service.name}: ${p.state}${p.message ? `: ${p.message}` : ''} (${p.running}/${p.desired} running)`;
				if (text !== last) ctx.stderr.write(`dnet: ${text}\n`);
				last = text;
			},
		});
		for (const w of result.warnings) ctx.stderr.write(`dnet: warning: ${w}\n`);
		if (result.outcome === 'rolled-back') {
			ctx.stderr.write(`dnet: the update of ${service.name} failed and was rolled back${result.reason ? `: ${result.reason}` : ''}\n`);
			return 1;
		}
		if (result.outcome === 'unfinished') {
			ctx.stderr.write(`dnet: the update of ${service.name} is still going (docker service ps ${service.name})${result.reason ? `: ${result.reason}` : ''}\n`);
			return 1;
		}
		const keep = new Set(after.map(longSpec));
		const old = new Set(service.specPorts.map(longSpec));
		const diff = [...service.specPorts.filter((p) => !keep.has(longSpec(p))).map((p) => `- ${longSpec(p)}`), ...after.map((p) => `${old.has(longSpec(p)) ? ' ' : '+'} ${longSpec(p)}`)];
		ctx.stdout.write(`${diff.join('\n')}\n${service.name} updated\n`);
		return 0;
	} catch (error) {
		if (!(error instanceof EngineError)) throw error;
		ctx.stderr.write(`dnet: ${engineFailureText(error)}\n`);
		return 1;
	}
}

/** `dnet service publish|unpublish …`: exit 0, 1 on an engine failure or a rolled-back update, 125 on a bad spec. */
export const serviceCommand: Command = async (args, ctx) => {
	const [verb, ...rest] = args;
	if (verb !== 'publish' && verb !== 'unpublish') {
		const positional = positionalArgs(args, ctx, {name: 'service', usage: USAGE, help: HELP, accepts: () => false, countMessage: `unknown command: dnet service ${verb ?? ''}`.trim()});
		return typeof positional === 'number' ? positional : 1;
	}
	const positional = positionalArgs(rest, ctx, {
		name: `service ${verb}`,
		usage: USAGE,
		help: HELP,
		accepts: (n) => n >= 2,
		countMessage: `'dnet service ${verb}' requires at least 2 arguments`,
	});
	if (typeof positional === 'number') return positional;
	const [name = '', ...values] = positional;
	const ports = parseAll(values, verb === 'publish' ? '--publish-add' : '--publish-rm', ctx);
	if (ports === null) return 125;
	if (verb === 'publish') return run(ctx, name, (before) => [...before.filter((p) => !ports.some((q) => sameSlot(p, q))), ...ports]);
	return run(ctx, name, (before) => {
		const after = applyPortUpdate(before, ports, []);
		return after.length === before.length ? `no published port of ${name} matches ${values.join(' ')}` : after;
	});
};
