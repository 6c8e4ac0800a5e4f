/**
 * Which docker context a command uses, by the docker CLI's rules (ARCHITECTURE.md, "Remote
 * engines"): `--context` > `-H` > `DOCKER_HOST` > `DOCKER_CONTEXT` > `currentContext` of the config
 * file > `default`. `-H` or `DOCKER_HOST` mean the default context (whose endpoint they give);
 * `--context` with `-H` is refused. An empty value counts as unset, as in the CLI.
 */

export const DEFAULT_CONTEXT = 'default';

export interface ContextChoiceInput {
	contextFlag?: string;
	hostFlag?: string;
	dockerHost?: string;
	dockerContext?: string;
	currentContext?: string;
}

/** The docker CLI's words for `--context` together with `-H`. */
export const CONFLICT_MESSAGE = 'conflicting options: cannot specify both --host and --context';

export type ContextChoice = {name: string; error?: undefined} | {error: string; name?: undefined};

export function chooseContext(input: ContextChoiceInput): ContextChoice {
	const set = (v: string | undefined): v is string => v !== undefined && v !== '';
	if (set(input.contextFlag) && set(input.hostFlag)) return {error: CONFLICT_MESSAGE};
	if (set(input.contextFlag)) return {name: input.contextFlag};
	if (set(input.hostFlag)) return {name: DEFAULT_CONTEXT};
	if (set(input.dockerHost)) return {name: DEFAULT_CONTEXT};
	if (set(input.dockerContext)) return {name: input.dockerContext};
	if (set(input.currentContext)) return {name: input.currentContext};
	return {name: DEFAULT_CONTEXT};
}

/** The description `docker context ls` gives the default context. */
export const DEFAULT_DESCRIPTION = 'Current DOCKER_HOST based configuration';
