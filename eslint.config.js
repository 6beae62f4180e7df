import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import pluginQuery from '@tanstack/eslint-plugin-query';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import regexpPlugin from 'eslint-plugin-regexp';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * One zone per emulator layer, lowest first: a layer may not import any layer above it.
 * Folders and files are relative to server/emulator.
 */
function emulatorLayers(layers) {
  const base = './server/emulator/';
  return layers.slice(0, -1).map(([name, paths], index) => ({
    target: paths.map((path) => base + path.slice(2)),
    from: layers.slice(index + 1).flatMap(([, above]) => above.map((path) => base + path.slice(2))),
    message: `The emulator's ${name} may not import a layer above it (routes → services → repositories → db).`,
  }));
}

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'data'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  { files: ['src/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  ...pluginQuery.configs['flat/recommended'],
  // The whole repository: no import cycles, and the server's boundaries. The app server and the
  // emulator never import each other (what both need lives in server/shared or shared/; only the
  // composition at server/*.ts and server/integration/ sees both), the SPA never imports the
  // server, and the emulator's layers point one way: routes → services → repositories → db, all
  // of them free to use domain/ (pure rules), query/ (parsers) and http/ (errors), never upward.
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
      // no-cycle follows imports by parsing the files they name: TypeScript needs its parser.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  {
    files: ['server/**/*.ts', 'src/**/*.{ts,tsx}', 'shared/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // The SPA's boundaries: imports flow shared → features → app. A feature never imports
            // another feature (what two features need lives in a shared folder), and the shared
            // folders import no feature and no part of the app. Zones are built from the folders,
            // so a new feature is covered.
            ...readdirSync('src/features').map((feature) => ({
              target: `./src/features/${feature}`,
              from: './src/features',
              except: [`./${feature}`],
              message:
                'A feature may not import another feature: move what both need to src/lib, src/hooks or src/components.',
            })),
            {
              target: ['./src/components', './src/hooks', './src/lib', './src/testing'],
              from: ['./src/features', './src/app'],
              message: 'Shared code may not import a feature or the app.',
            },
            {
              target: './src/features',
              from: './src/app',
              message: 'A feature may not import the app (routes live in src/lib/paths.ts).',
            },
            {
              target: './server/app',
              from: './server/emulator',
              message:
                'The app server may not import the emulator: move what both need to server/shared or shared/, or test the two together in server/integration.',
            },
            {
              target: './server/emulator',
              from: './server/app',
              message:
                'The emulator may not import the app server: move what both need to server/shared or shared/.',
            },
            {
              target: ['./server/shared', './shared'],
              from: ['./server/app', './server/emulator', './src'],
              message: 'Shared code may not import the app server, the emulator or the SPA.',
            },
            {
              target: './src',
              from: './server',
              message: 'The SPA may not import server code: what both need lives in shared/.',
            },
            ...emulatorLayers([
              ['db', ['./db.ts', './migrations.ts']],
              ['repositories', ['./repositories']],
              ['services', ['./services']],
              ['routes', ['./routes', './oauth', './documents']],
              ['the plugin', ['./plugin.ts', './app.ts', './main.ts', './seed.ts', './cli']],
            ]),
            {
              target: [
                './server/emulator/domain',
                './server/emulator/query',
                './server/emulator/http',
              ],
              from: './server/emulator',
              except: ['./domain', './query', './http'],
              message:
                "domain/, query/ and http/ are the emulator's ground floor: they import only each other.",
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'server/**/*.ts',
      'e2e/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.ts',
      '*.config.{ts,js}',
    ],
    languageOptions: { globals: globals.node },
  },
  // A regex that backtracks super-linearly on a request's input stalls the event loop that both
  // servers share (issue 17: a 15 KB filter[order] cost half a second per request).
  {
    files: ['server/**/*.ts', 'shared/**/*.ts', 'src/**/*.{ts,tsx}'],
    plugins: { regexp: regexpPlugin },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    // require-await stays on as recommendedTypeChecked sets it: a Fastify plugin or hook with
    // nothing to await takes the callback form (`done`) instead of being `async`.
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
);
