/** One line of text for anything thrown: an error's message (EngineError included), else the value as a string. */
export function errorText(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}
