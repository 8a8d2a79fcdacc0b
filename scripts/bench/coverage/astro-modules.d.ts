/** .astro components imported by the benchmark (Vite compiles them; tsc only needs their type). */
declare module '*.astro' {
  const component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default component;
}
