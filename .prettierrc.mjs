// Prettier, as Starlight configures it (prettier-plugin-astro for the .astro files), with the
// widths and quotes this codebase was written in.
/** @type {import('prettier').Config} */
export default {
  printWidth: 120,
  singleQuote: true,
  trailingComma: 'all',
  plugins: ['prettier-plugin-astro'],
  overrides: [{ files: '*.astro', options: { parser: 'astro' } }],
};
