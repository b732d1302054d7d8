// Renders the default overview for index.html (see src/app/prerender.tsx) and prints {"html": …} on stdout.
// Run by scripts/prerenderPlugin.ts in a process of its own: the jsdom window it installs as the global scope, and
// the modules it loads through Vite, stay out of the build's process.
//
//   node scripts/prerender.mjs '[{"name":"wide","chartWidth":588}]'
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { builtinEnvironments } from 'vitest/runtime';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const layouts = JSON.parse(process.argv[2] ?? '[]');

// The window the app renders in, as Vitest's jsdom environment gives it to the view tests.
await builtinEnvironments.jsdom.setup(globalThis, { jsdom: { url: 'http://localhost/', pretendToBeVisual: true } });
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
globalThis.matchMedia ??= (query) => ({ matches: false, media: query, onchange: null, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, dispatchEvent: () => false });

process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
const server = await createServer({
  root,
  configFile: path.join(root, 'vite.config.ts'),
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false, watch: null },
});
try {
  const { prerenderOverview } = await server.ssrLoadModule('/src/app/prerender.tsx');
  const html = await prerenderOverview(layouts);
  process.stdout.write(JSON.stringify({ html }));
} finally {
  await server.close();
}
process.exit(0);
