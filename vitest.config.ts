import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		testTimeout: 30_000,
		hookTimeout: 120_000,
		// The engine and end-to-end layers share one private dockerd; run files one at a time there.
		fileParallelism: false,
		reporters: ['default'],
	},
});
