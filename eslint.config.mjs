import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import layering from './eslint/layering.mjs'

// The process boundaries of DESIGN.md are lint errors, not conventions.
const electronOnly = {
  paths: [
    { name: 'electron', message: 'core/shared must not import electron (DESIGN.md "Shape").' },
    { name: 'electron-store', message: 'electron-store lives in the shell (src/main/settings).' }
  ],
  patterns: [{ group: ['@electron-toolkit/*'], message: 'Not in core/shared.' }]
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'dist-e2e/**',
      'node_modules/**',
      'test-results/**',
      'coverage/**',
      'bench/results/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // Exported functions state their types (STYLE.md); local helpers may infer.
      '@typescript-eslint/explicit-module-boundary-types': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }
      ]
    }
  },
  {
    // Relative imports between src/ folders follow the layers of DESIGN.md "Shape".
    files: ['src/**/*.{ts,tsx}'],
    plugins: { songshelf: layering },
    rules: { 'songshelf/layering': 'error' }
  },
  {
    files: ['src/main/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', electronOnly] }
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...electronOnly.paths,
            { name: 'react', message: 'shared is UI-free.' },
            { name: 'zustand', message: 'shared is UI-free.' }
          ],
          patterns: [
            ...electronOnly.patterns,
            { group: ['node:*'], message: 'shared runs in the renderer too: no Node built-ins.' }
          ]
        }
      ]
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'test/unit/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to main only through lib/bridge.ts.' }
          ],
          patterns: [
            {
              group: ['node:*', '**/main/**', '**/preload/index'],
              message: 'The renderer imports no Node or main code.'
            }
          ]
        }
      ]
    }
  },
  {
    // The player's stores hold data only: the component or hook that owns a media element
    // carries out what they ask for (features/player/media-element.ts, useMediaBinding).
    files: ['src/renderer/src/store/player-*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='document']",
          message: 'The player store does not reach into the DOM (features/player owns it).'
        },
        {
          selector: 'TSTypeReference[typeName.name=/^HTML\\w*Element$/]',
          message: 'The player store holds no DOM element (features/player/media-element.ts).'
        }
      ]
    }
  },
  {
    // Rows from SQLite are read by a row reader (src/main/core/library/rows/read.ts: one,
    // many, shape), which checks each column; a cast or a type argument would let a wrong
    // column type flow on unchecked. db.get/db.all have no type parameter either.
    files: ['src/main/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            ':matches(TSAsExpression, TSTypeAssertion)[expression.type="CallExpression"][expression.callee.property.name=/^(get|all|iterate)$/]',
          message: 'Read database rows with a row reader (library/rows/read.ts), never a cast.'
        },
        {
          selector: 'CallExpression[callee.property.name=/^(get|all|iterate)$/][typeArguments]',
          message: 'Read database rows with a row reader (library/rows/read.ts), never db.get<T>.'
        }
      ]
    }
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/explicit-module-boundary-types': 'off'
    }
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
    rules: { '@typescript-eslint/explicit-module-boundary-types': 'off' }
  }
)
