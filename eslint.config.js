import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import { moduleBoundaryPlugin } from './eslint/module-boundary.js';

/** `core/` is the frame every domain runs in: it never imports a domain module (the entity registry aside). */
const coreBoundary = {
  files: ['src/core/**/*.ts'],
  ignores: ['src/core/database/entities.ts'],
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: ['**/modules/**'], message: 'core/ must not import a domain module.' }] }],
  },
};

/**
 * A domain module's repositories are its own: another module reads through what the owner exports (the short list of
 * repositories modules export to others, and why, is in eslint/module-boundary.js; tests and benchmarks are outside).
 */
const moduleBoundary = {
  files: ['src/**/*.ts'],
  plugins: { boundary: moduleBoundaryPlugin },
  rules: { 'boundary/repository-boundary': 'error' },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', 'src/web/console/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  { files: ['src/web/**/assets/**/*.js', 'src/web/console/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['src/web/console/**/*.{ts,tsx}'], ...reactHooks.configs.flat['recommended-latest'] },
  { files: ['test/**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // Tests read JSON bodies of many shapes; `any` there is a reading aid, not a type hole in the product.
  // Reflection over Nest's metadata handles classes and handlers as `Function`.
  { files: ['test/**/*.ts', 'bench/**/*.mjs'], rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-unsafe-function-type': 'off' } },
  coreBoundary,
  moduleBoundary,
  // Formatting is Prettier's (npm run format): rules that would fight it are off.
  prettier,
);
