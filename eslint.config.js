// ESLint flat config: typescript-eslint plus the layering rules of design.md as import restrictions.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { LAYERS, nodeBuiltins } from './eslint-layers.js';

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'dist-renderer/**', 'release/**', 'test/fixtures/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only src-main/electron/ may import electron.' }] }],
    },
  },
  {
    files: ['src-main/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  // The layering rules, one block per layer (eslint-layers.js).
  ...LAYERS.map((l) => ({
    files: l.files,
    ...(l.ignores ? { ignores: l.ignores } : {}),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only src-main/electron/ may import electron.' }],
          patterns: [
            ...(l.forbid.length ? [{ group: l.forbid, message: l.message }] : []),
            ...(l.name === 'renderer' ? [{ regex: 'src-main/(?!shared/)', message: l.message }] : []),
            ...(l.pure || l.name === 'renderer' ? [{ group: nodeBuiltins, message: `${l.message} (no Node built-ins)` }] : []),
          ],
        },
      ],
    },
  })),
  {
    // Build and packaging scripts run by plain Node (some are loaded by electron-builder as hooks).
    files: ['scripts/**/*.{js,mjs,cjs}', 'build/**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', require: 'readonly', module: 'writable', exports: 'writable', __dirname: 'readonly' } },
  },
  {
    // electron-builder loads its hooks with require(): CommonJS.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests read JSON answers whose shape is what they assert: `any` there is the honest type.
    files: ['test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
