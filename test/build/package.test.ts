/**
 * The published package installs nothing it does not run: every library is bundled into dist/
 * (scripts/build.mjs), so package.json declares no runtime dependencies and no script that npm
 * would run on install. (`npm run bench` packs it and installs it into a temporary prefix.)
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
	dependencies?: Record<string, string>;
	optionalDependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	scripts?: Record<string, string>;
	bin?: Record<string, string>;
	files?: string[];
};

describe('the published package', () => {
	it('declares no runtime dependencies', () => {
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.optionalDependencies ?? {}).toEqual({});
		expect(pkg.peerDependencies ?? {}).toEqual({});
	});

	it('has no script npm runs when it is installed', () => {
		const scripts = Object.keys(pkg.scripts ?? {});
		expect(scripts.filter((s) => ['preinstall', 'install', 'postinstall', 'prepare'].includes(s))).toEqual([]);
	});

	it('ships the built dnet as its command', () => {
		expect(pkg.bin).toEqual({dnet: 'dist/cli.js'});
		expect(pkg.files?.every((f) => f.startsWith('dist/'))).toBe(true);
	});

	it('ships every file the build makes but the source maps and the build report', () => {
		const shipped = (name: string): boolean => (pkg.files ?? []).some((f) => new RegExp(`^${f.replace(/\./g, '\\.').replace('*', '[^/]*')}$`).test(`dist/${name}`));
		const built = readdirSync(path.join(root, 'dist')).filter((f) => !f.endsWith('.map') && f !== 'meta.json');
		expect(built).toContain('dockerode.cjs');
		expect(built.filter((f) => !shipped(f))).toEqual([]);
	});
});
