/** Polls `check` (sync or async) until it passes (no fixed sleeps); rethrows its last failure after `timeoutMs`. */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 3000, intervalMs = 10): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			return await check();
		} catch (error) {
			if (Date.now() > deadline) throw error;
			await new Promise((resolve) => setTimeout(resolve, intervalMs));
		}
	}
}
