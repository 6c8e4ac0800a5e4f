/**
 * Image references as the docker CLI reads them (its reference grammar: `ParseAnyReference`, and
 * the familiar form `docker ps` shows), so that `dnet run` refuses what `docker run` refuses, in
 * the same words, before anything reaches the engine (see "The layers and the feature folders" in
 * ARCHITECTURE.md: model/ is pure).
 */

const alnum = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alnum}(?:${separator}${alnum})*`;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const host = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])`;
const domainAndPort = `${host}(?::[0-9]+)?`;
const name = `(?:${domainAndPort}/)?${pathComponent}(?:/${pathComponent})*`;
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(${name})(?::(${tag}))?(?:@(${digest}))?$`);
const IDENTIFIER = /^[a-f0-9]{64}$/;
const NAME_MAX = 255;

/** The digest's own rules (`algorithm:hex`), as the CLI's digest package words them. */
function digestError(value: string): string | null {
	const colon = value.indexOf(':');
	const algorithm = value.slice(0, colon);
	const hex = value.slice(colon + 1);
	const lengths: Record<string, number> = {sha256: 64, sha384: 96, sha512: 128};
	const want = lengths[algorithm];
	if (want === undefined) return 'unsupported digest algorithm';
	if (!/^[a-f0-9]+$/.test(hex)) return 'invalid checksum digest format';
	if (hex.length !== want) return 'invalid checksum digest length';
	return null;
}

/** Splits off the domain as the CLI does: a first component with `.` or `:`, `localhost`, or upper case. */
function splitDomain(ref: string): {domain: string | null; remainder: string} {
	const slash = ref.indexOf('/');
	const first = ref.slice(0, slash);
	if (slash < 0 || (!/[.:]/.test(first) && first !== 'localhost' && first.toLowerCase() === first)) return {domain: null, remainder: ref};
	return {domain: first, remainder: ref.slice(slash + 1)};
}

/**
 * Why `docker run` refuses this image reference (`invalid reference format`, `… must be lowercase`),
 * or null when it takes it.
 */
export function imageRefError(ref: string): string | null {
	if (IDENTIFIER.test(ref)) return null;
	if (ref.includes(':') && digestError(ref) === null) return null;
	const split = splitDomain(ref);
	const {domain} = split;
	// A name without a domain is an official image's: the CLI reads it as `library/<name>`.
	const remainder = domain === null && !split.remainder.includes('/') ? `library/${split.remainder}` : split.remainder;
	const colon = remainder.indexOf(':');
	const remote = colon < 0 ? remainder : remainder.slice(0, colon);
	if (remote.toLowerCase() !== remote) return `invalid reference format: repository name (${remote}) must be lowercase`;
	const prefix = `${domain ?? 'x'}/`;
	const match = REFERENCE.exec(prefix + remainder);
	if (match === null) {
		if (ref === '') return 'invalid reference format';
		return REFERENCE.test((prefix + remainder).toLowerCase()) ? 'invalid reference format: repository name must be lowercase' : 'invalid reference format';
	}
	if ((match[1] ?? '').length - prefix.length > NAME_MAX) return `repository name must not be more than ${NAME_MAX} characters`;
	const dig = match[3];
	return dig === undefined ? null : digestError(dig);
}

/**
 * The IMAGE column of `docker ps`: `<no image>` for none, 12 hex digits for an image given by id,
 * otherwise the name and tag without a digest and without the official `library/` prefix.
 */
export function psImage(image: string): string {
	if (image === '') return '<no image>';
	const id = /^(?:sha256:)?([a-f0-9]{64})$/.exec(image);
	if (id) return (id[1] ?? '').slice(0, 12);
	if (imageRefError(image) !== null || IDENTIFIER.test(image)) return image;
	const at = image.indexOf('@');
	const named = at < 0 ? image : image.slice(0, at);
	const {domain, remainder} = splitDomain(named);
	if (domain === null && remainder.startsWith('library/') && remainder.split(':')[0]?.split('/').length === 2) return remainder.slice('library/'.length);
	return named;
}
