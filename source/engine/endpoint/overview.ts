/**
 * Every context as `docker context ls` shows it: the default one (its endpoint from `-H` or the
 * environment), then the stored ones by name, the one in use marked (ARCHITECTURE.md, "Remote
 * engines").
 */
import {chooseContext, DEFAULT_CONTEXT, DEFAULT_DESCRIPTION} from '../../model/endpoint/context-name.js';
import {EngineError} from '../engine.js';
import {contextEndpoint, resolveEndpoint, type ConnectionEnv, type Endpoint} from '../connection.js';
import {currentContext, listContexts} from './store.js';

export interface ContextRow {
	name: string;
	description: string;
	/** The docker endpoint as the CLI prints it (a stored context's Host as written). */
	dockerEndpoint: string;
	current: boolean;
	/** Why it cannot be used ('' when it can). */
	error: string;
	/** Its resolved endpoint, when it has one. */
	endpoint?: Endpoint;
}

const message = (error: unknown): string =>
	error instanceof EngineError ? error.message : error instanceof Error ? error.message : String(error);

export const address = (endpoint: Endpoint): string => endpoint.display.replace(/ \(TLS\)$/, '');

/** The contexts; `current` is the name in use (from the flags and environment when not given). */
export function contextRows(flags: {context?: string; host?: string}, env: ConnectionEnv, current?: string): ContextRow[] {
	let inUse = current;
	if (inUse === undefined) {
		const choice = chooseContext({
			contextFlag: flags.context,
			hostFlag: flags.host,
			dockerHost: env.DOCKER_HOST,
			dockerContext: env.DOCKER_CONTEXT,
			currentContext: currentContext(env),
		});
		inUse = choice.name ?? '';
	}
	const rows: ContextRow[] = [];
	try {
		const endpoint = resolveEndpoint(flags.host, env);
		rows.push({name: DEFAULT_CONTEXT, description: DEFAULT_DESCRIPTION, dockerEndpoint: address(endpoint), current: false, error: '', endpoint});
	} catch (error) {
		rows.push({name: DEFAULT_CONTEXT, description: DEFAULT_DESCRIPTION, dockerEndpoint: '', current: false, error: message(error)});
	}
	for (const stored of listContexts(env)) {
		if ('error' in stored) {
			rows.push({name: stored.name, description: '', dockerEndpoint: '', current: false, error: stored.error});
			continue;
		}
		const row: ContextRow = {name: stored.name, description: stored.description, dockerEndpoint: stored.host, current: false, error: ''};
		try {
			row.endpoint = contextEndpoint(env, stored.name);
		} catch (error) {
			row.error = message(error);
		}
		rows.push(row);
	}
	rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	for (const row of rows) row.current = row.name === inUse;
	return rows;
}
