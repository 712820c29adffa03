// ESLint 9 flat config. Three jobs only; Prettier owns style, tsc owns types:
//   1. parse TypeScript (typescript-eslint's parser, no type-aware rules, so lint stays fast),
//   2. the import rules in README's "Architecture" section (plugins never import the host; a plugin
//      is reached only through its index.ts or exports/), as boundary rules,
//   3. no import cycles in non-test code.
// tests/unit/tooling/boundaries.test.ts proves each rule reports a deliberate violation.
import boundaries from '@boundaries/eslint-plugin'
import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import tseslint from 'typescript-eslint'

const sources = ['**/*.{ts,tsx,js,mjs,cjs}']

// Host code: everything that configures the plugins for Carecast.
const hostFolders = ['src', 'collections', 'seed', 'scripts', 'bench']
const hostFiles = [...hostFolders.map((dir) => `${dir}/**`), 'payload.config.ts']

// A plugin's public surface: its index.ts, or anything under its exports/.
const publicSurface = ['index.ts', 'exports/**']

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      '.next/**',
      '.data/**',
      'coverage/**',
      'media-uploads/**',
      'next-env.d.ts',
      'src/payload-types.ts',
      'src/app/(payload)/admin/importMap.js',
      // Written by `payload migrate:create` and never edited by hand.
      'src/migrations/**',
    ],
  },
  {
    files: sources,
    extends: [js.configs.recommended, tseslint.configs.recommended],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
    },
    rules: {
      // tsc (strict) already reports undefined names in TypeScript, and better.
      'no-undef': 'off',
      // The repo's habit for values left out on purpose: `{ secret: _secret, ...rest }`, `_arg`.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Ambient declarations describe a module's shape; a declared name need not be used here.
    files: ['**/*.d.ts'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },

  // Rules 1-3: boundaries between plugins and the host.
  {
    files: ['plugins/**', ...hostFiles],
    plugins: { boundaries },
    settings: {
      // Each folder under plugins/ is one plugin element; `name` makes "another plugin" generic, so
      // a new plugins/foo/ is covered without editing this file. Imports inside one element are
      // internal and not checked.
      'boundaries/elements': [
        { type: 'plugin', pattern: 'plugins/*', capture: ['name'], partialMatch: false },
      ],
      // Host code is a file category (payload.config.ts is a single file, not a folder element).
      'boundaries/files': [{ category: 'host', pattern: hostFiles }],
      // Re-exports (export ... from) and import() are imports too.
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      // Paths are matched relative to the repo root, whatever directory ESLint runs from.
      'boundaries/root-path': import.meta.dirname,
      // Use {{ from.captured.* }} in templates, never captured names at the top level.
      'boundaries/legacy-templates': false,
      // Resolves like tsc (./tsconfig.json in the working directory: paths such as @payload-config).
      'import/resolver': { typescript: {} },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          // Host files belong to no element; still check imports from and to them.
          checkUnknownLocals: true,
          policies: [
            {
              // Rule 1: a plugin never imports the host (its needs come in through its options).
              from: { element: { type: 'plugin' } },
              disallow: { to: { file: { categories: 'host' } } },
              message:
                'Rule 1: plugins/** must not import host code ({{ to.file.path }}); take it through the plugin options.',
            },
            {
              // Rules 2 and 3: another plugin (imports inside one plugin are internal and not
              // checked) and the host reach a plugin only through its public surface ...
              from: [{ element: { type: 'plugin' } }, { file: { categories: 'host' } }],
              disallow: { to: { element: { type: 'plugin' } } },
              message:
                'Rules 2/3: import plugins/{{ to.element.captured.name }} only through its index.ts or exports/**, not {{ to.file.path }}.',
            },
            {
              // ... which this later policy allows again.
              from: [{ element: { type: 'plugin' } }, { file: { categories: 'host' } }],
              allow: { to: { element: { type: 'plugin', fileInternalPath: publicSurface } } },
            },
          ],
        },
      ],
    },
  },

  // Rule 5: no import cycles in non-test code. Rule 4: tests/** are exempt from all of the above.
  {
    files: sources,
    ignores: ['tests/**'],
    plugins: { 'import-x': importX },
    settings: {
      // Without these import-x only follows .js files, and no-cycle sees no TypeScript at all.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
)
