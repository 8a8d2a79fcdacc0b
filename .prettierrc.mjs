// Prettier, as Starlight configures it (prettier-plugin-astro for the .astro files), with the
// quotes this codebase was written in and 130 columns (its p99 line length).
/** @type {import('prettier').Config} */
export default {
  printWidth: 130,
  singleQuote: true,
  trailingComma: 'all',
  plugins: ['prettier-plugin-astro'],
  overrides: [{ files: '*.astro', options: { parser: 'astro' } }],
};
