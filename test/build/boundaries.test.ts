/**
 * The architecture's rules (ARCHITECTURE.md, "Rules the tests enforce"), checked on every source
 * file: which layer may import which, dockerode only in engine/, Ink and React only in view files,
 * views and reducers never reach the engine, no import cycle between files, small files and folders.
 */
import {readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const source = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'source');

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(name) ? [full] : [];
	});
}

interface Import {
	spec: string;
	/** `import type …` / `export type … from`: erased at build time. */
	typeOnly: boolean;
}

/** Every module a file imports (static, dynamic, type-only, re-exports). */
function imports(file: string): Import[] {
	const code = readFileSync(file, 'utf8');
	const out: Import[] = [];
	for (const m of code.matchAll(/(?:^|\n)\s*(import|export)\s+(type\s+)?[^'"();]*?from\s+['"]([^'"]+)['"]/g)) out.push({spec: m[3] as string, typeOnly: Boolean(m[2])});
	for (const m of code.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)) out.push({spec: m[1] as string, typeOnly: false});
	for (const m of code.matchAll(/import\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({spec: m[1] as string, typeOnly: false});
	return out;
}

const all = files(source).map((file) => ({rel: path.relative(source, file).split(path.sep).join('/'), file}));
const layer = (rel: string): string => rel.split('/')[0] ?? '';

/** Where a relative import lands, seen from `rel` (null for a package). */
function resolved(rel: string, spec: string): string | null {
	if (!spec.startsWith('.')) return null;
	return path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec)).replace(/\.js$/, '');
}
const target = (rel: string, spec: string): string | null => {
	const r = resolved(rel, spec);
	return r === null ? null : layer(r);
};

/** The layers each layer may import (ARCHITECTURE.md). */
const ALLOWED: Record<string, string[]> = {
	model: ['model'],
	engine: ['model', 'engine'],
	operations: ['model', 'engine', 'operations'],
	commands: ['model', 'engine', 'operations', 'commands'],
	features: ['model', 'engine', 'operations', 'app', 'features'],
	app: ['model', 'engine', 'operations', 'app', 'features'],
};

const isView = (rel: string): boolean => rel.endsWith('.tsx') || rel.startsWith('app/view/');
/** Files that run effects or talk to the engine on the app's behalf. */
const isEffectful = (rel: string): boolean => /(^|\/)effects\.ts$/.test(rel) || ['app/run-effects.ts', 'app/app-store.ts', 'app/live.ts', 'app/effect-context.ts'].includes(rel);

describe('architecture rules', () => {
	it('finds the source files', () => {
		expect(all.length).toBeGreaterThan(20);
	});

	it('imports across layers only downwards', () => {
		for (const {rel, file} of all) {
			const allowed = ALLOWED[layer(rel)];
			if (!allowed) continue; // cli.ts: the entry may start anything
			for (const {spec} of imports(file)) {
				const t = target(rel, spec);
				if (t !== null) expect(allowed.includes(t), `${rel} imports ${spec}`).toBe(true);
			}
		}
	});

	it('imports dockerode only in engine/', () => {
		for (const {rel, file} of all) {
			if (imports(file).some((i) => i.spec === 'dockerode')) expect(layer(rel), rel).toBe('engine');
		}
	});

	it('imports Ink and React only in view files (.tsx, app/view/)', () => {
		for (const {rel, file} of all) {
			const ui = imports(file).filter((i) => i.spec === 'react' || i.spec === 'ink' || i.spec.startsWith('ink-'));
			if (ui.length > 0) expect(isView(rel), `${rel} imports ${ui.map((i) => i.spec).join(', ')}`).toBe(true);
		}
	});

	it('keeps model/ pure: no node: or package imports', () => {
		for (const {rel, file} of all.filter((f) => layer(f.rel) === 'model')) {
			for (const {spec} of imports(file)) expect(spec.startsWith('.'), `${rel} imports ${spec}`).toBe(true);
		}
	});

	it('keeps views and reducers away from the engine: only effects run operations (types may be shared)', () => {
		for (const {rel, file} of all.filter((f) => ['app', 'features'].includes(layer(f.rel)) && !isEffectful(f.rel))) {
			for (const {spec, typeOnly} of imports(file)) {
				const t = target(rel, spec);
				if (typeOnly) continue;
				expect(t === 'engine' || t === 'operations' || spec.startsWith('node:'), `${rel} imports ${spec}`).toBe(false);
			}
		}
	});

	it('has no import cycle between files', () => {
		const graph = new Map<string, string[]>();
		const known = new Set(all.map((f) => f.rel.replace(/\.tsx?$/, '')));
		for (const {rel, file} of all) {
			const edges = imports(file)
				.map((i) => resolved(rel, i.spec))
				.filter((r): r is string => r !== null && known.has(r));
			graph.set(rel.replace(/\.tsx?$/, ''), edges);
		}
		const state = new Map<string, 'open' | 'done'>();
		const cycles: string[] = [];
		const visit = (node: string, trail: string[]): void => {
			if (state.get(node) === 'done') return;
			if (state.get(node) === 'open') {
				cycles.push([...trail.slice(trail.indexOf(node)), node].join(' -> '));
				return;
			}
			state.set(node, 'open');
			for (const next of graph.get(node) ?? []) visit(next, [...trail, node]);
			state.set(node, 'done');
		};
		for (const node of graph.keys()) visit(node, []);
		expect(cycles).toEqual([]);
	});

	it('keeps files under 300 lines and folders under 16 files', () => {
		for (const {rel, file} of all) expect(readFileSync(file, 'utf8').split('\n').length, rel).toBeLessThanOrEqual(300);
		const perFolder = new Map<string, number>();
		for (const {rel} of all) perFolder.set(path.posix.dirname(rel), (perFolder.get(path.posix.dirname(rel)) ?? 0) + 1);
		for (const [folder, count] of perFolder) expect(count, folder).toBeLessThanOrEqual(15);
	});

	it('writes nothing with console.* outside the commands and the entry (it corrupts Ink frames)', () => {
		for (const {rel, file} of all.filter((f) => !['commands'].includes(layer(f.rel)) && f.rel !== 'cli.ts')) {
			expect(/\bconsole\.(log|error|warn|info|debug)\(/.test(readFileSync(file, 'utf8')), rel).toBe(false);
		}
	});

	it('has no sequence counter driving effects and no optional method on Engine', () => {
		for (const {rel, file} of all) expect(/\b(jobSeq|recreateSeq|opSeq|createSeq|networksSeq)\b/.test(readFileSync(file, 'utf8')), rel).toBe(false);
		const engine = readFileSync(path.join(source, 'engine', 'engine.ts'), 'utf8');
		const body = engine.slice(engine.indexOf('export interface Engine {'));
		expect(body.slice(0, body.indexOf('\n}')).match(/^\s+\w+\?\(/m)).toBeNull();
	});
});
