/**
 * The non-interactive commands must start fast: `dist/cli.js` sends them to the commands' build,
 * one file (`dist/cmd.js`) that holds no Ink, React or dockerode (dockerode is `dist/dockerode.cjs`,
 * required when an engine call needs it); the full build (`dist/ui.js`, split) loads the UI lazily;
 * dockerode's heavy optional dependencies stay unloaded.
 */
import {execFile} from 'node:child_process';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {beforeAll, describe, expect, it} from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = path.join(root, 'dist');
const run = promisify(execFile);

interface Meta {
	outputs: Record<string, {imports: Array<{path: string; kind: string; external?: boolean}>; inputs: Record<string, unknown>}>;
}

let meta: Meta;
beforeAll(() => {
	if (!existsSync(path.join(dist, 'meta.json'))) throw new Error('dist/meta.json is missing: run npm run build (npm test does)');
	meta = JSON.parse(readFileSync(path.join(dist, 'meta.json'), 'utf8')) as Meta;
});

/** Output files loaded by `entry` before any dynamic import, transitively. */
function staticClosure(entry: string): Set<string> {
	const seen = new Set<string>();
	const visit = (file: string): void => {
		if (seen.has(file)) return;
		seen.add(file);
		for (const i of meta.outputs[file]?.imports ?? []) if (i.kind === 'import-statement' && !i.external) visit(i.path);
	};
	visit(entry);
	return seen;
}

const dynamicImports = (file: string): string[] =>
	(meta.outputs[file]?.imports ?? []).filter((i) => i.kind === 'dynamic-import').map((i) => i.path);

const inputsOf = (files: Iterable<string>): string[] => [...files].flatMap((f) => Object.keys(meta.outputs[f]?.inputs ?? {}));

describe('the built CLI', () => {
	it('sends a command line to the commands build: one file without Ink, React or dockerode', () => {
		expect(staticClosure('dist/cli.js')).toEqual(new Set(['dist/cli.js']));
		expect(staticClosure('dist/cmd.js')).toEqual(new Set(['dist/cmd.js']));
		const inputs = inputsOf(['dist/cmd.js']);
		expect(inputs).toContain('source/commands/ps.ts');
		expect(inputs).toContain('source/commands/port.ts');
		expect(inputs).toContain('source/engine/docker-engine.ts');
		expect(inputs.filter((i) => /node_modules\/(ink|react|react-reconciler|yoga-layout|dockerode|docker-modem)\//.test(i))).toEqual([]);
		expect(inputs.filter((i) => /source\/app\/view\//.test(i))).toEqual([]);
		expect(inputsOf(['dist/dockerode.cjs']).some((i) => i.startsWith('node_modules/dockerode/'))).toBe(true);
	});

	it('has no Ink or React on the path of the commands in the full build either', () => {
		const entry = 'dist/ui.js';
		const uiChunks = dynamicImports(entry).filter((f) => inputsOf([f]).includes('source/app/view/tui.tsx'));
		expect(uiChunks, 'the UI is imported lazily').toHaveLength(1);
		// The first frame drawn before the UI loads is part of the full-screen path, not of the commands'.
		const firstFrame = dynamicImports(entry).filter((f) => inputsOf([f]).includes('source/app/view/first-frame.ts'));
		expect(firstFrame, 'the first frame is imported lazily').toHaveLength(1);
		expect(inputsOf(staticClosure(firstFrame[0] as string)).filter((i) => /node_modules\/(ink|react-reconciler|yoga-layout)\//.test(i)), 'no Ink before the first frame').toEqual([]);
		// Each module is a file read and a compile before the first frame (the commands are one chunk
		// in this build: one chunk each split the shared code into 22 modules on this path).
		expect(new Set([...staticClosure(entry), ...staticClosure(firstFrame[0] as string)]).size).toBeLessThanOrEqual(12);
		expect(new Set(dynamicImports(entry).filter((f) => inputsOf([f]).includes('source/commands/ps.ts'))).size, 'the commands are one chunk').toBe(1);
		uiChunks.push(...firstFrame);
		const commandPath = new Set(staticClosure(entry));
		for (const lazy of dynamicImports(entry).filter((f) => !uiChunks.includes(f))) for (const f of staticClosure(lazy)) commandPath.add(f);
		const inputs = inputsOf(commandPath);
		expect(inputs).toContain('source/commands/ps.ts');
		expect(inputs).toContain('source/commands/port.ts');
		expect(inputs.filter((i) => /node_modules\/(ink|react|react-reconciler|yoga-layout)\//.test(i))).toEqual([]);
		// ... and the UI chunk does hold them.
		expect(inputsOf(staticClosure(uiChunks[0] as string)).some((i) => i.startsWith('node_modules/ink/'))).toBe(true);
	});

	it('bundles no ssh2, gRPC or protobuf, and loads none of them to run a command', async () => {
		const all = inputsOf(Object.keys(meta.outputs));
		expect(all.filter((i) => /node_modules\/(ssh2|@grpc|protobufjs|react-devtools-core)\//.test(i))).toEqual([]);
		// ssh:// goes through the system ssh: no side bundle of docker-modem's ssh agent either.
		expect(readdirSync(dist).filter((f) => !/\.(js|js\.map)$/.test(f) && !['meta.json', 'dockerode.cjs', 'dockerode.cjs.map'].includes(f))).toEqual([]);
		// Everything else it runs is in dist/: the only imports left are Node's own modules.
		const external = Object.values(meta.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
		expect(external.filter((p) => !p.startsWith('node:') && !/^(fs|path|os|tty|util|events|stream|net|http|https|crypto|child_process|assert|buffer|url|zlib|dns|tls|querystring|string_decoder|process|module|worker_threads|readline|v8|perf_hooks|async_hooks|timers|constants|dgram)(\/|$)/.test(p))).toEqual([]);
		const probe = path.join(root, 'test', 'build', 'report-cjs-modules.mjs');
		const result = await run(process.execPath, ['--import', probe, path.join(dist, 'cli.js'), '-H', 'unix:///nonexistent/dnet.sock', 'ps'], {
			cwd: root,
		}).catch((e: {stdout: string; stderr: string}) => e);
		const loaded = result.stderr.split('\n').filter((l) => l.startsWith('CJS '));
		expect(loaded.length, 'the probe reports what was loaded').toBeGreaterThan(0);
		expect(loaded.filter((l) => /node_modules\/(ssh2|@grpc|protobufjs|cpu-features)\//.test(l))).toEqual([]);
		expect(result.stderr).toContain('cannot connect to the Docker engine');
	});
});
