// ESLint, flat config, laid out as Starlight's: the recommended rules of ESLint and
// typescript-eslint for the TypeScript, and eslint-plugin-astro's for the .astro files.
// Formatting is Prettier's job (.prettierrc.mjs), so no stylistic rules here.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/',
      'dist-*/',
      'dist-test/',
      'test/fixtures/',
      '**/.astro/',
      '.cache/',
      'content/generated/',
      'public/data/',
      'bench/out/',
      'scratch/',
      'node_modules/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // An unused name is a leftover; a leading underscore marks one kept on purpose.
      // The readers strip Word's and PDF's control characters, and the normalizer matches lone
      // combining tone marks: both are what those regular expressions are for.
      'no-control-regex': 'off',
      'no-misleading-character-class': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
);
