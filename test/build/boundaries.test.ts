/**
 * The architecture's import rules (shared/DESIGN.md §1), checked on every source file: dockerode
 * only in engine/; Ink and React only in ui/; model/ imports nothing outside model/; commands/ and
 * engine/ never reach the UI or the store.
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

/** Every module specifier a file imports (static, dynamic and type-only). */
function imports(file: string): string[] {
	const code = readFileSync(file, 'utf8');
	return [...code.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((m) => m[1] as string);
}

const all = files(source).map((file) => ({rel: path.relative(source, file).split(path.sep).join('/'), file}));
const layer = (rel: string): string => rel.split('/')[0] ?? '';

/** The layer a relative import lands in, seen from `rel`. */
function target(rel: string, spec: string): string | null {
	if (!spec.startsWith('.')) return null;
	const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec));
	return layer(resolved);
}

describe('import boundaries', () => {
	it('finds the source files', () => {
		expect(all.length).toBeGreaterThan(20);
	});

	it('imports dockerode only in engine/', () => {
		for (const {rel, file} of all) {
			if (imports(file).includes('dockerode')) expect(layer(rel), rel).toBe('engine');
		}
	});

	it('imports Ink and React only in ui/', () => {
		for (const {rel, file} of all) {
			const ui = imports(file).filter((s) => s === 'react' || s === 'ink' || s.startsWith('ink-'));
			if (ui.length > 0) expect(layer(rel), `${rel} imports ${ui.join(', ')}`).toBe('ui');
		}
	});

	it('keeps model/ pure: no imports outside model/ and no node: or package imports but its own', () => {
		for (const {rel, file} of all.filter((f) => layer(f.rel) === 'model')) {
			for (const spec of imports(file)) {
				const t = target(rel, spec);
				expect(t === 'model' || (t === null && !spec.startsWith('node:') && !/^(dockerode|ink|react)/.test(spec)), `${rel} imports ${spec}`).toBe(true);
			}
		}
	});

	it('keeps commands/ and engine/ away from the UI and the store', () => {
		for (const {rel, file} of all.filter((f) => ['commands', 'engine'].includes(layer(f.rel)))) {
			for (const spec of imports(file)) {
				const t = target(rel, spec);
				expect(t === 'ui' || t === 'store', `${rel} imports ${spec}`).toBe(false);
			}
		}
	});

	it('keeps store/ away from the UI', () => {
		for (const {rel, file} of all.filter((f) => layer(f.rel) === 'store')) {
			for (const spec of imports(file)) expect(target(rel, spec), `${rel} imports ${spec}`).not.toBe('ui');
		}
	});

	it('writes nothing with console.* outside the commands and the entry (it corrupts Ink frames)', () => {
		for (const {rel, file} of all.filter((f) => !['commands'].includes(layer(f.rel)) && f.rel !== 'cli.ts')) {
			expect(/\bconsole\.(log|error|warn|info|debug)\(/.test(readFileSync(file, 'utf8')), rel).toBe(false);
		}
	});
});
