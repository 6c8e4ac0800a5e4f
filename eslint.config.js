// ESLint (flat config): typescript-eslint's type-aware rules on every file, React's hooks rules on
// the views. `npm run lint`; `npm test` runs it. The architecture's import rules are checked by
// test/build/boundaries.test.ts (see ARCHITECTURE.md).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ignores: ['dist/', 'node_modules/', 'coverage/']},
	js.configs.recommended,
	...tseslint.configs.recommendedTypeChecked,
	{
		languageOptions: {
			globals: {...globals.node},
			parserOptions: {projectService: true, tsconfigRootDir: import.meta.dirname},
		},
		rules: {
			'@typescript-eslint/consistent-type-imports': ['error', {fixStyle: 'inline-type-imports', disallowTypeAnnotations: false}],
			// dnet reads and strips terminal control sequences on purpose.
			'no-control-regex': 'off',
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
			'@typescript-eslint/no-floating-promises': 'error',
			'no-duplicate-imports': 'off',
			'@typescript-eslint/no-import-type-side-effects': 'error',
			eqeqeq: ['error', 'always'],
			'prefer-const': ['error', {destructuring: 'all'}],
			'no-console': 'off',
		},
	},
	{
		files: ['source/**/*.tsx', 'source/app/view/**', 'test/**/*.tsx'],
		plugins: {'react-hooks': reactHooks},
		rules: reactHooks.configs.recommended.rules,
	},
	{
		files: ['source/**'],
		rules: {'no-console': 'error'},
	},
	{
		files: ['source/commands/**', 'source/cli.ts'],
		rules: {'no-console': 'off'},
	},
	{
		// Tests read raw Engine API JSON and fake async interfaces.
		files: ['test/**'],
		rules: {
			'@typescript-eslint/require-await': 'off',
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-unsafe-member-access': 'off',
			'@typescript-eslint/no-unsafe-argument': 'off',
			'@typescript-eslint/no-unsafe-assignment': 'off',
		},
	},
	{
		files: ['**/*.js', '**/*.mjs', 'bench/**', 'scripts/**'],
		...tseslint.configs.disableTypeChecked,
	},
);
