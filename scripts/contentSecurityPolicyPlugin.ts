// The Content-Security-Policy: scripts, workers, connections and everything else from the app's own origin only.
// DuckDB needs 'wasm-unsafe-eval' to compile its wasm; its worker is a same-origin script. The policy goes into the
// built index.html (so the page is protected however it is served) and into every response of `vite preview` (which
// `npm start` and the tests use), where it also covers the worker scripts and can forbid framing.
import type { Plugin } from 'vite';

const POLICY: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'worker-src': "'self' blob:",
  'connect-src': "'self'",
  'img-src': "'self' data: blob:",
  // React and Recharts set style attributes; no inline script is ever allowed.
  'style-src': "'self' 'unsafe-inline'",
  'font-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
};

/** Directives a <meta> policy may not carry (browsers ignore them there, with a console error). */
const HEADER_ONLY: Record<string, string> = { 'frame-ancestors': "'none'" };

export function contentSecurityPolicy(directives: Record<string, string> = POLICY): string {
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
      const header = contentSecurityPolicy({ ...POLICY, ...HEADER_ONLY });
      server.middlewares.use((_request, response, next) => {
        response.setHeader('Content-Security-Policy', header);
        response.setHeader('X-Content-Type-Options', 'nosniff');
        response.setHeader('Referrer-Policy', 'no-referrer');
        next();
      });
    },
  };
}
