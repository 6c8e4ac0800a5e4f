// Bundles source/cli.ts into dist/cli.js with esbuild: one file starts faster than many modules.
// Ink and React are split into a lazily imported chunk so that `dnet ps` / `dnet port` never load them.
import {build} from 'esbuild';
import {chmod, rm} from 'node:fs/promises';

await rm('dist', {recursive: true, force: true});
await build({
	entryPoints: ['source/cli.ts'],
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	minify: false,
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
			'const __filename = __dnetFileURLToPath(import.meta.url);',
			'const __dirname = __dnetDirname(__filename);',
		].join(' '),
	},
	logLevel: 'warning',
});
await chmod('dist/cli.js', 0o755);
