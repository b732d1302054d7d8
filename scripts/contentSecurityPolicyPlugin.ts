// The Content-Security-Policy: scripts, workers, connections and everything else from the app's own origin only.
// DuckDB needs 'wasm-unsafe-eval' to compile its wasm; its worker is a same-origin script (never a blob:). The policy
// goes into the built index.html (so the page is protected however it is served) and into every response of
// `vite preview` (which `npm start` and the tests use), where it also covers the worker scripts, which take their
// policy from their own response, and can forbid framing. Both carry the same directives, but for the header-only.
import type { Plugin } from 'vite';
import { PRERENDER_GATE_HASH } from './prerenderGate';

/**
 * The Trusted Types policies the app creates: the page's, for the URL of the engine's worker
 * (src/engine/browserEngine.ts), the worker's, for DuckDB's worker script (src/engine/duckdbWorkerShim.js), and the
 * page's for the URL of the forecasts' worker (src/views/trend/useTrendForecast.ts).
 * Every other script sink (innerHTML, script src or text, eval) takes no string at all.
 */
export const TRUSTED_TYPES_POLICIES = ['marketscope-engine', 'marketscope-worker', 'marketscope-forecast'] as const;

const POLICY: Record<string, string> = {
  'default-src': "'self'",
  // The one inline script, by its hash: it hides the build-time overview at any address but the default one.
  'script-src': `'self' 'wasm-unsafe-eval' ${PRERENDER_GATE_HASH}`,
  'worker-src': "'self'",
  'connect-src': "'self'",
  // data: for the chart images React renders, blob: for the PNG export drawing its SVG (src/ui/chartExport.ts).
  'img-src': "'self' data: blob:",
  // React and Recharts set style attributes; no inline script is ever allowed.
  'style-src': "'self' 'unsafe-inline'",
  'font-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'require-trusted-types-for': "'script'",
  'trusted-types': TRUSTED_TYPES_POLICIES.join(' '),
};

/** Directives a <meta> policy may not carry (browsers ignore them there, with a console error). */
const HEADER_ONLY: Record<string, string> = { 'frame-ancestors': "'none'" };

/** The policy as written into index.html's <meta>; `header: true` adds what only a header can carry. */
export function contentSecurityPolicy({ header = false }: { header?: boolean } = {}): string {
  const directives = header ? { ...POLICY, ...HEADER_ONLY } : POLICY;
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

export function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'marketscope-content-security-policy',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        // The dev server injects inline scripts (hot reload): the policy is for built pages only.
        if (context.server) return html;
        return html.replace(
          '<meta charset="UTF-8" />',
          `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}" />`,
        );
      },
    },
    configurePreviewServer(server) {
      const header = contentSecurityPolicy({ header: true });
      server.middlewares.use((_request, response, next) => {
        response.setHeader('Content-Security-Policy', header);
        response.setHeader('X-Content-Type-Options', 'nosniff');
        response.setHeader('Referrer-Policy', 'no-referrer');
        next();
      });
    },
  };
}
