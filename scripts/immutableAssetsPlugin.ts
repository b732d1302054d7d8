// `npm start` serves the production build with `vite preview`, which marks every file `no-cache`. The files under
// /assets/ carry a content hash in their names, so they can be cached for good, as any real deployment would: a
// second visit then reads the 34 MB DuckDB wasm (and its compiled code) from the browser's cache.
import type { Plugin } from 'vite';

export function immutableAssetsPlugin(): Plugin {
  return {
    name: 'marketscope-immutable-assets',
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        if (request.url?.startsWith('/assets/')) {
          const setHeader = response.setHeader.bind(response);
          response.setHeader = (name: string, value: number | string | readonly string[]) =>
            name.toLowerCase() === 'cache-control' ? response : setHeader(name, value);
          setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        }
        next();
      });
    },
  };
}
