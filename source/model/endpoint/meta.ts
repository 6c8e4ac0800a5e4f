/**
 * A context's `meta.json`, read as Go's encoding/json reads it into the CLI's structs: object keys
 * match field names exactly or else case-insensitively (ARCHITECTURE.md, "Remote engines").
 */

export interface ContextMeta {
	name: string;
	description: string;
	/** The docker endpoint's Host; '' when the context has no docker endpoint. */
	host: string;
	skipTLSVerify: boolean;
	hasDockerEndpoint: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A struct field as Go finds it: the exact key, else the first key equal to it ignoring case. */
export function goField(object: Record<string, unknown>, field: string): unknown {
	if (Object.hasOwn(object, field)) return object[field];
	const lower = field.toLowerCase();
	const key = Object.keys(object).find((k) => k.toLowerCase() === lower);
	return key === undefined ? undefined : object[key];
}

const stringOf = (v: unknown, what: string): string => {
	if (v === undefined || v === null) return '';
	if (typeof v !== 'string') throw new Error(`${what} is not a string`);
	return v;
};

/** Parses the text of a meta.json; throws an Error with a short reason when it is malformed. */
export function parseContextMeta(text: string): ContextMeta {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (error) {
		throw new Error(error instanceof Error ? error.message : 'not JSON', {cause: error});
	}
	if (!isObject(raw)) throw new Error('not a JSON object');
	const metadata = goField(raw, 'Metadata');
	const endpoints = goField(raw, 'Endpoints');
	if (endpoints !== undefined && endpoints !== null && !isObject(endpoints)) throw new Error('Endpoints is not an object');
	// Endpoints is a map in Go: its keys are matched exactly.
	const docker = isObject(endpoints) ? endpoints['docker'] : undefined;
	if (docker !== undefined && docker !== null && !isObject(docker)) throw new Error('the docker endpoint is not an object');
	const skip = isObject(docker) ? goField(docker, 'SkipTLSVerify') : undefined;
	if (skip !== undefined && skip !== null && typeof skip !== 'boolean') throw new Error('SkipTLSVerify is not a boolean');
	return {
		name: stringOf(goField(raw, 'Name'), 'Name'),
		description: isObject(metadata) ? stringOf(goField(metadata, 'Description'), 'Description') : '',
		host: isObject(docker) ? stringOf(goField(docker, 'Host'), 'Host') : '',
		skipTLSVerify: skip === true,
		hasDockerEndpoint: isObject(docker),
	};
}
