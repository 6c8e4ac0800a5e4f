/**
 * The docker CLI's context store, read as the CLI reads it (ARCHITECTURE.md, "Remote engines"):
 * `$DOCKER_CONFIG` (default `~/.docker`), its `config.json` `currentContext`, each context's
 * `contexts/meta/<sha256 of the name>/meta.json` and its TLS files in
 * `contexts/tls/<same>/docker/{ca,cert,key}.pem`.
 */
import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {DEFAULT_CONTEXT} from '../../model/endpoint/context-name.js';
import {goField, parseContextMeta, type ContextMeta} from '../../model/endpoint/meta.js';
import {EngineError} from '../engine.js';

export interface StoreEnv {
	DOCKER_CONFIG?: string;
	HOME?: string;
}

export interface TlsFiles {
	ca?: Buffer;
	cert?: Buffer;
	key?: Buffer;
}

export interface StoredContext extends ContextMeta {
	/** The meta.json it was read from. */
	file: string;
	/** TLS material kept with the context (none when the folder is absent). */
	tls?: TlsFiles;
}

export function configDir(env: StoreEnv): string {
	if (env.DOCKER_CONFIG) return env.DOCKER_CONFIG;
	return path.join(env.HOME ?? '', '.docker');
}

export const contextId = (name: string): string => createHash('sha256').update(name).digest('hex');

const fail = (message: string, hint?: string): EngineError => new EngineError('bad-request', message, hint);

const reason = (error: unknown): string => {
	const e = error as {code?: string; message?: string};
	if (e.code === 'EACCES') return 'permission denied';
	if (e.code === 'EISDIR') return 'is a folder';
	return e.code ?? e.message ?? String(error);
};

function readConfigJson(dir: string): Record<string, unknown> | undefined {
	const file = path.join(dir, 'config.json');
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		if ((error as {code?: string}).code === 'ENOENT') return undefined;
		throw fail(`cannot read the docker config file ${file}: ${reason(error)}`);
	}
	if (text.trim() === '') return {};
	try {
		const raw: unknown = JSON.parse(text);
		if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('not a JSON object');
		return raw as Record<string, unknown>;
	} catch (error) {
		throw fail(`the docker config file ${file} is malformed: ${error instanceof Error ? error.message : 'not JSON'}`);
	}
}

/** `currentContext` of config.json ('' when unset or the file is absent). */
export function currentContext(env: StoreEnv): string {
	const config = readConfigJson(configDir(env));
	const value = config ? goField(config, 'currentContext') : undefined;
	return typeof value === 'string' ? value : '';
}

function readTls(dir: string, id: string): TlsFiles | undefined {
	const tlsDir = path.join(dir, 'contexts', 'tls', id, 'docker');
	if (!existsSync(tlsDir)) return undefined;
	const tls: TlsFiles = {};
	for (const part of ['ca', 'cert', 'key'] as const) {
		const file = path.join(tlsDir, `${part}.pem`);
		try {
			tls[part] = readFileSync(file);
		} catch (error) {
			if ((error as {code?: string}).code !== 'ENOENT') throw fail(`cannot read the TLS file ${file}: ${reason(error)}`);
		}
	}
	return tls.ca || tls.cert || tls.key ? tls : undefined;
}

function readMetaFile(dir: string, id: string, label: string): StoredContext {
	const file = path.join(dir, 'contexts', 'meta', id, 'meta.json');
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		if ((error as {code?: string}).code === 'ENOENT') {
			throw fail(`context "${label}": context not found: ${file}`, "see the contexts with 'dnet context ls'");
		}
		throw fail(`context "${label}": cannot read ${file}: ${reason(error)}`);
	}
	let meta: ContextMeta;
	try {
		meta = parseContextMeta(text);
	} catch (error) {
		throw fail(`context "${label}": ${file} is malformed: ${error instanceof Error ? error.message : 'not JSON'}`);
	}
	return {...meta, file, tls: readTls(dir, id)};
}

/** One context by name (never `default`, which is no stored context). */
export function readContext(env: StoreEnv, name: string): StoredContext {
	const stored = readMetaFile(configDir(env), contextId(name), name);
	if (!stored.hasDockerEndpoint) throw fail(`context "${name}": cannot find docker endpoint in context (${stored.file})`);
	return stored;
}

/** Every stored context, or the reason it could not be read, sorted by name as `docker context ls`. */
export function listContexts(env: StoreEnv): Array<StoredContext | {name: string; file: string; error: string}> {
	const dir = configDir(env);
	const metaRoot = path.join(dir, 'contexts', 'meta');
	let ids: string[];
	try {
		ids = readdirSync(metaRoot);
	} catch (error) {
		if ((error as {code?: string}).code === 'ENOENT') return [];
		throw fail(`cannot read the contexts in ${metaRoot}: ${reason(error)}`);
	}
	const found = [];
	for (const id of ids) {
		if (!existsSync(path.join(metaRoot, id, 'meta.json'))) continue;
		try {
			found.push(readMetaFile(dir, id, id));
		} catch (error) {
			found.push({name: id, file: path.join(metaRoot, id, 'meta.json'), error: error instanceof Error ? error.message : String(error)});
		}
	}
	return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** `docker context use NAME`: checks the context, then writes `currentContext` ('' for default), keeping the rest. */
export function useContext(env: StoreEnv, name: string): void {
	if (name !== DEFAULT_CONTEXT) readContext(env, name);
	const dir = configDir(env);
	const config = readConfigJson(dir) ?? {};
	const key = Object.keys(config).find((k) => k.toLowerCase() === 'currentcontext') ?? 'currentContext';
	if (name === DEFAULT_CONTEXT) delete config[key];
	else config[key] = name;
	const file = path.join(dir, 'config.json');
	const temp = `${file}.dnet-${process.pid}`;
	try {
		mkdirSync(dir, {recursive: true});
		writeFileSync(temp, `${JSON.stringify(config, null, '\t')}\n`, {mode: 0o600});
		renameSync(temp, file);
	} catch (error) {
		throw fail(`cannot write the docker config file ${file}: ${reason(error)}`);
	}
}
