/**
 * pdfjs, loaded the first time a PDF is read, with the global `JSON` left as it was.
 *
 * pdfjs's legacy build bundles core-js, which on Node 20 (no `JSON.rawJSON`) replaces the
 * global `JSON.stringify` by a JavaScript wrapper calling a replacer on every key and value,
 * and wraps `JSON.parse`. Loaded at start-up, as a static import did, that made every
 * `JSON.stringify` of the build several times slower (graph.json: 1.6 s instead of 0.2 s)
 * and pdfjs itself cost about a second of module loading when no PDF was read. The native
 * functions give the same text; pdfjs needs neither wrapper.
 */
type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<Pdfjs> | undefined;
let loaded: Pdfjs | undefined;

/**
 * Load pdfjs (once), then put the native `JSON.stringify` and `JSON.parse` back.
 *
 * @returns The pdfjs module.
 */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    const { stringify, parse } = JSON;
    try {
      loaded = await import('pdfjs-dist/legacy/build/pdf.mjs');
      return loaded;
    } finally {
      JSON.stringify = stringify;
      JSON.parse = parse;
    }
  })();
  return loading;
}

/**
 * The pdfjs module once `loadPdfjs` has loaded it (every page comes from a document it opened).
 *
 * @returns The pdfjs module.
 */
export function pdfjs(): Pdfjs {
  if (!loaded) throw new Error('pdfjs chưa được nạp (gọi loadPdfjs trước).');
  return loaded;
}
