// ESLint as Starlight configures it: typescript-eslint's recommended rules (type-aware on the
// TypeScript sources), eslint-plugin-astro's for the components and pages, and
// eslint-config-prettier last so formatting is Prettier's alone.
// Not yet run by `npm test`: installing these dev dependencies (eslint, @eslint/js,
// typescript-eslint, eslint-plugin-astro, eslint-config-prettier) and wiring `npx eslint .`
// into the tests is issue 17 item 5.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'dist-*/', 'dist-test/', '.astro/', '.cache/', 'content/generated/', 'bench/out/', 'test/fixtures/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      // Unused bindings named with a leading underscore are deliberate (`{ x: _x, ...rest }`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  prettier,
);
