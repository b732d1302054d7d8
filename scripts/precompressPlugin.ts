// Precompressed assets: the build writes a gzip and a brotli copy beside every compressible file under /assets/ (the
// DuckDB wasm included: 34.2 MB raw, about 7.7 MB gzip, 6.2 MB brotli), and `npm start` (vite preview) sends the
// smallest copy the browser accepts, with `Content-Encoding`. Compressing once at build time costs a few seconds;
// compressing on every request would cost the server seconds per visitor.
//
// The worker's download progress reads `X-Decoded-Content-Length` (the size once decoded), because `Content-Length`
// is then the compressed size while the stream yields decoded bytes. A server without the header (nginx with
// `gzip_static`, say) gives an indeterminate bar with the megabytes so far.
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

/** Types worth compressing, with the Content-Type they are served with. */
export const COMPRESSIBLE_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  // The bundled tables (scripts/bundledDataPlugin.ts).
  '.arrow': 'application/vnd.apache.arrow.stream',
  '.map': 'application/json',
};
/** Smaller files gain too little from compression to be worth a second request path. */
const MIN_BYTES = 1024;
/**
 * Brotli's quality by size: its best setting compresses about 1 MB a second, so larger files get faster settings
 * that lose a few per cent (the 34 MB wasm: 6.2 MB at quality 5 against 5.9 MB at 9, which takes 4× as long).
 */
function brotliQuality(bytes: number): number {
  if (bytes < 128 * 1024) return 11;
  if (bytes < 2 * 1024 * 1024) return 8;
  return 5;
}
const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export const DECODED_LENGTH_HEADER = 'X-Decoded-Content-Length';

/** Every compressible file of `dir` (recursively) worth compressing. */
function compressibleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return compressibleFiles(path);
    return extname(entry.name) in COMPRESSIBLE_TYPES && statSync(path).size >= MIN_BYTES ? [path] : [];
  });
}

/**
 * Writes `<file>.gz` and `<file>.br` beside each compressible file of `dir`, on libuv's thread pool; returns how many
 * files. A copy that is not smaller than its file is not written.
 */
export async function precompressDirectory(dir: string): Promise<number> {
  const files = compressibleFiles(dir);
  await Promise.all(
    files.map(async (path) => {
      const bytes = await readFile(path);
      const [gzipped, brotli] = await Promise.all([
        gzipAsync(bytes, { level: bytes.length > 2 * 1024 * 1024 ? 6 : 9 }),
        brotliAsync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality(bytes.length), [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
      ]);
      if (gzipped.length < bytes.length) await writeFile(`${path}.gz`, gzipped);
      if (brotli.length < bytes.length) await writeFile(`${path}.br`, brotli);
    }),
  );
  return files.length;
}

/** The encodings `acceptEncoding` allows, best first, among those we have (brotli, then gzip). */
export function acceptedEncodings(acceptEncoding: string | undefined): ('br' | 'gzip')[] {
  const allowed = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    allowed.set(name, q ? Number(q.slice(2)) : 1);
  }
  const ok = (name: string) => (allowed.get(name) ?? allowed.get('*') ?? 0) > 0;
  return (['br', 'gzip'] as const).filter(ok);
}

export function precompressPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'marketscope-precompress',
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle: {
      order: 'post',
      async handler() {
        if (config.command !== 'build' || config.build.ssr) return;
        const assets = resolve(config.root, config.build.outDir, config.build.assetsDir);
        if (existsSync(assets)) await precompressDirectory(assets);
      },
    },
    configurePreviewServer(server) {
      const root = resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use((request, response, next) => {
        if ((request.method !== 'GET' && request.method !== 'HEAD') || !request.url?.startsWith('/assets/')) return next();
        // Byte ranges address the decoded file: leave them to the plain file server.
        if (request.headers.range) return next();
        let pathname: string;
        try {
          pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
        } catch {
          return next();
        }
        const file = resolve(root, `.${pathname}`);
        const type = COMPRESSIBLE_TYPES[extname(file)];
        if (!type || !file.startsWith(root + sep) || !existsSync(file)) return next();
        const suffix = { br: '.br', gzip: '.gz' } as const;
        const encoding = acceptedEncodings(request.headers['accept-encoding'] as string | undefined).find((name) => existsSync(file + suffix[name]));
        response.setHeader('Vary', 'Accept-Encoding');
        if (!encoding) return next();
        const encoded = file + suffix[encoding];
        response.statusCode = 200;
        response.setHeader('Content-Type', type);
        response.setHeader('Content-Encoding', encoding);
        response.setHeader('Content-Length', statSync(encoded).size);
        response.setHeader(DECODED_LENGTH_HEADER, statSync(file).size);
        // Hashed names never change content (see immutableAssetsPlugin.ts, which runs before this).
        response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        if (request.method === 'HEAD') return response.end();
        createReadStream(encoded).on('error', () => response.destroy()).pipe(response);
      });
    },
  };
}
