import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

/**
 * The import graph of STYLE.md, enforced here rather than in review:
 * domain imports nothing of ours; the app never imports the Node-only pipeline; search and data
 * stay free of React; features do not import each other (the app shell composes them); ui is
 * generic and knows no domain.
 */
const featureNames = ['explorer', 'entity', 'charts', 'export', 'actions'];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'public/data',
      'coverage',
      '.cache',
      '.tmp-*',
      '*.tmp.ts',
      '**/*.generated.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] }),
      ],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // TanStack Virtual is known not to be memoisable; the warning says nothing we can act on.
      'react-hooks/incompatible-library': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/domain',
              from: './src',
              except: ['./domain'],
              message: 'domain imports nothing of ours',
            },
            {
              target: ['./src/app', './src/features', './src/ui', './src/search', './src/data'],
              from: './src/pipeline',
              message: 'the app never imports the Node-only pipeline',
            },
            {
              target: ['./src/search', './src/data'],
              from: ['./src/features', './src/ui', './src/app'],
              message: 'search and data are pure modules',
            },
            {
              target: './src/ui',
              from: ['./src/domain', './src/features', './src/app', './src/search', './src/data'],
              message: 'ui is generic: no domain imports',
            },
            ...featureNames.map((name) => ({
              target: `./src/features/${name}`,
              from: './src/features',
              except: [`./${name}`],
              message: 'features do not import each other; compose them in src/app',
            })),
          ],
        },
      ],
    },
  },
);
