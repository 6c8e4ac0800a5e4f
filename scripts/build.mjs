// Bundles source/cli.ts into dist/cli.js with esbuild: one file starts faster than many modules.
// Ink and React are split into a lazily imported chunk so that `dnet ps` / `dnet port` never load them.
import {build} from 'esbuild';
import {chmod, rm, writeFile} from 'node:fs/promises';

/**
 * dockerode pulls in ssh2 (for ssh:// engines) and gRPC + protobuf (for BuildKit sessions) at load
 * time: most of its start-up cost, for features `dnet ps` and `dnet port` never use. They are
 * left out of the bundle and loaded from node_modules on first use instead.
 */
const LAZY = ['ssh2', '@grpc/grpc-js', '@grpc/proto-loader', 'protobufjs'];
const lazyModules = {
	name: 'lazy-modules',
	setup(b) {
		const filter = new RegExp(`^(${LAZY.map((m) => m.replace(/[/.]/g, '\\$&')).join('|')})$`);
		b.onResolve({filter}, (args) => ({path: args.path, namespace: 'dnet-lazy'}));
		// docker-modem reads `require('ssh2').Client` as it loads: defer its whole ssh module instead.
		b.onResolve({filter: /^\.\/ssh$/}, (args) =>
			/docker-modem[\\/]lib[\\/]modem\.js$/.test(args.importer) ? {path: 'docker-modem/lib/ssh.js', namespace: 'dnet-lazy'} : undefined,
		);
		b.onLoad({filter: /.*/, namespace: 'dnet-lazy'}, (args) => ({
			loader: 'js',
			contents: `let cached;
const load = () => (cached ??= __dnetNodeRequire(${JSON.stringify(args.path)}));
module.exports = new Proxy(function () {}, {
	get: (_t, key) => load()[key],
	has: (_t, key) => key in load(),
	ownKeys: () => Reflect.ownKeys(load()),
	getOwnPropertyDescriptor: (_t, key) => ({...Reflect.getOwnPropertyDescriptor(load(), key), configurable: true}),
	apply: (_t, self, args) => load().apply(self, args),
	construct: (_t, args) => new (load())(...args),
});`,
		}));
	},
};

await rm('dist', {recursive: true, force: true});
const result = await build({
	entryPoints: ['source/cli.ts'],
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	// Smaller chunks parse faster at start-up; the source maps keep traces readable.
	minify: true,
	sourcemap: true,
	define: {'process.env.NODE_ENV': '"production"'},
	// Native optional add-ons of ssh2 (used by dockerode for ssh:// hosts) stay outside the bundle.
	external: ['cpu-features', './crypto/build/Release/sshcrypto.node', 'react-devtools-core'],
	banner: {
		js: [
			"import {createRequire as __dnetCreateRequire} from 'node:module';",
			"import {fileURLToPath as __dnetFileURLToPath} from 'node:url';",
			"import {dirname as __dnetDirname} from 'node:path';",
			'const require = __dnetCreateRequire(import.meta.url);',
			'const __dnetNodeRequire = require;',
			'const __filename = __dnetFileURLToPath(import.meta.url);',
			'const __dirname = __dnetDirname(__filename);',
		].join(' '),
	},
	plugins: [lazyModules],
	metafile: true,
	logLevel: 'warning',
});
await chmod('dist/cli.js', 0o755);
// What went into which chunk: test/build/bundle.test.ts checks the start-up path with it.
await writeFile('dist/meta.json', JSON.stringify(result.metafile));
