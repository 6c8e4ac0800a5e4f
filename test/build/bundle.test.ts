/**
 * The non-interactive commands must start fast: the code `dist/cli.js` loads before running
 * `dnet ps` / `dnet port` (its static imports, transitively, plus the command's own chunk) must
 * not contain Ink or React, nor dockerode's heavy optional dependencies.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {beforeAll, describe, expect, it} from 'vitest';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');

function staticClosure(entry: string): Set<string> {
	const seen = new Set<string>();
	const visit = (file: string): void => {
		if (seen.has(file)) return;
		seen.add(file);
		const code = readFileSync(path.join(dist, file), 'utf8');
		for (const m of code.matchAll(/^import\s[^;]*?from\s*"\.\/([^"]+)";?$|^import\s*"\.\/([^"]+)";?$/gm)) {
			visit((m[1] ?? m[2]) as string);
		}
	};
	visit(entry);
	return seen;
}

function dynamicImports(file: string): string[] {
	const code = readFileSync(path.join(dist, file), 'utf8');
	return [...code.matchAll(/import\("\.\/([^"]+)"\)/g)].map((m) => m[1] as string);
}

const inkMarkers = [/react-reconciler/, /\bink\/build\b/, /useInput/, /createElement\(Box/];
const heavyMarkers = [/node_modules\/ssh2\/lib\/protocol/, /node_modules\/@grpc\/grpc-js\/build/, /node_modules\/protobufjs\/src/];

describe('the built CLI', () => {
	beforeAll(() => {
		if (!existsSync(path.join(dist, 'cli.js'))) throw new Error('dist/cli.js is missing: run npm run build (npm test does)');
	});

	it('loads no Ink, React or heavy optional modules before running a command', () => {
		const files = new Set(staticClosure('cli.js'));
		for (const lazy of dynamicImports('cli.js').filter((f) => !/^tui-/.test(f))) {
			for (const f of staticClosure(lazy)) files.add(f);
		}
		expect(files.size).toBeGreaterThan(1);
		for (const file of files) {
			const code = readFileSync(path.join(dist, file), 'utf8');
			for (const marker of [...inkMarkers, ...heavyMarkers]) expect(marker.test(code), `${file} matches ${marker}`).toBe(false);
		}
	});

	it('keeps Ink in the lazily imported UI chunk', () => {
		const ui = dynamicImports('cli.js').find((f) => /^tui-/.test(f));
		expect(ui, 'cli.js imports the UI lazily').toBeDefined();
		const closure = [...staticClosure(ui as string)].map((f) => readFileSync(path.join(dist, f), 'utf8')).join('\n');
		expect(closure).toMatch(/react-reconciler/);
		expect(readdirSync(dist).some((f) => f.startsWith('tui-'))).toBe(true);
	});
});
