// ESLint flat config: typescript-eslint plus the layering rules of design.md as import restrictions.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'net', 'http', 'child_process', 'os', 'crypto', 'stream', 'events', 'timers'];

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
  {
    // Pure layers: no I/O, no Node built-ins, no Electron.
    files: ['src-main/domain/**', 'src-main/drivers/*/codec/**', 'src-main/protocols/**', 'src-main/doors/inbox/parser/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Pure layer.' }],
          patterns: [
            { group: nodeBuiltins, message: 'domain/ and codecs are pure: no Node built-ins.' },
            { group: ['**/pipeline/**', '**/doors/**', '**/drivers/**', '**/devices/**', '**/journal/**', '**/transports/**'], message: 'domain/ and codecs import only domain/.' },
          ],
        },
      ],
    },
  },
  {
    // Drivers never import doors.
    files: ['src-main/drivers/**', 'src-main/transports/**', 'src-main/emulators/**'],
    ignores: ['src-main/drivers/*/codec/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only src-main/electron/ may import electron.' }],
          patterns: [{ group: ['**/doors/**', '**/pipeline/**', '**/hub/**'], message: 'Drivers and emulators never import doors, the pipeline or the hub.' }],
        },
      ],
    },
  },
  {
    // Doors never import drivers.
    files: ['src-main/doors/**'],
    ignores: ['src-main/doors/inbox/parser/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only src-main/electron/ may import electron.' }],
          patterns: [{ group: ['**/drivers/**', '**/emulators/**', '**/transports/**'], message: 'Doors never import drivers; they meet in pipeline/ through domain/ types.' }],
        },
      ],
    },
  },
  {
    // The GUI is an API client: nothing from src-main except the shared types module.
    files: ['src-renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to the hub over HTTP/WebSocket only.' }],
          patterns: [
            { regex: 'src-main/(?!shared/)', message: 'src-renderer imports only src-main/shared/.' },
            { group: nodeBuiltins, message: 'No Node built-ins in the renderer.' },
          ],
        },
      ],
    },
  },
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
