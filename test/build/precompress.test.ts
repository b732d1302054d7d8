import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedEncodings, DECODED_LENGTH_HEADER, precompressDirectory, precompressPlugin } from '../../scripts/precompressPlugin';

/** Text that compresses well but not trivially, `size` bytes. */
function sample(size: number): Buffer {
  let text = '';
  for (let i = 0; text.length < size; i++) text += `row ${i},AliExpress,Russia,${(i * 7919) % 15_600_000}\n`;
  return Buffer.from(text.slice(0, size));
}

describe('acceptedEncodings', () => {
  it('reads Accept-Encoding as browsers and proxies write it, q-values and wildcards included', () => {
    expect(acceptedEncodings('gzip, deflate, br, zstd')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('gzip, deflate')).toEqual(['gzip']);
    expect(acceptedEncodings('br;q=0, gzip;q=0.5')).toEqual(['gzip']);
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('*, gzip;q=0')).toEqual(['br']);
    expect(acceptedEncodings('identity')).toEqual([]);
    expect(acceptedEncodings(undefined)).toEqual([]);
  });
});

describe('precompressed assets', () => {
  let dir: string;
  let server: PreviewServer;
  let origin: string;
  const big = sample(300_000);
  const wasmLike = sample(50_000);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marketscope-precompress-'));
    mkdirSync(join(dir, 'dist/assets/nested'), { recursive: true });
    writeFileSync(join(dir, 'dist/index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(dir, 'dist/assets/app-1234.js'), big);
    writeFileSync(join(dir, 'dist/assets/nested/engine-1234.wasm'), wasmLike);
    writeFileSync(join(dir, 'dist/assets/tiny-1234.js'), 'export {};');
    writeFileSync(join(dir, 'dist/assets/photo-1234.png'), sample(5_000));
    await precompressDirectory(join(dir, 'dist/assets'));
    server = await preview({
      root: dir,
      configFile: false,
      logLevel: 'silent',
      plugins: [precompressPlugin()],
      build: { outDir: 'dist' },
      preview: { port: 0, host: '127.0.0.1' },
    });
    const address = server.httpServer.address() as AddressInfo;
    origin = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The raw response: status, headers and body bytes as sent (Node's fetch would decode them). */
  function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const request = http.request(`${origin}${path}`, { method, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      });
      request.on('error', reject);
      request.end();
    });
  }

  it('writes a gzip and a brotli copy of each compressible file that decode to the file, and none for the rest', () => {
    const assets = join(dir, 'dist/assets');
    expect(gunzipSync(readFileSync(join(assets, 'app-1234.js.gz')))).toEqual(big);
    expect(brotliDecompressSync(readFileSync(join(assets, 'app-1234.js.br')))).toEqual(big);
    expect(brotliDecompressSync(readFileSync(join(assets, 'nested/engine-1234.wasm.br')))).toEqual(wasmLike);
    // Too small to gain, or not a compressible type.
    expect(existsSync(join(assets, 'tiny-1234.js.gz'))).toBe(false);
    expect(existsSync(join(assets, 'photo-1234.png.gz'))).toBe(false);
  });

  it('sends brotli, else gzip, else the file itself, with the right types and lengths', async () => {
    const br = await get('/assets/app-1234.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(Number(br.headers[DECODED_LENGTH_HEADER.toLowerCase()])).toBe(big.length);
    expect(br.body.length).toBeLessThan(big.length / 3);
    expect(brotliDecompressSync(br.body)).toEqual(big);

    const gzip = await get('/assets/nested/engine-1234.wasm', { 'accept-encoding': 'gzip, deflate' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    // compileStreaming needs this type, encoded or not.
    expect(gzip.headers['content-type']).toBe('application/wasm');
    expect(gunzipSync(gzip.body)).toEqual(wasmLike);

    const plain = await get('/assets/app-1234.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toEqual(big);

    const head = await get('/assets/app-1234.js', { 'accept-encoding': 'gzip' }, 'HEAD');
    expect(head.headers['content-encoding']).toBe('gzip');
    expect(head.body.length).toBe(0);
  });

  it('leaves byte ranges, missing files and paths outside the build to the plain file server', async () => {
    const range = await get('/assets/app-1234.js', { 'accept-encoding': 'br', range: 'bytes=0-9' });
    expect(range.headers['content-encoding']).toBeUndefined();
    expect(range.body).toEqual(big.subarray(0, 10));

    const missing = await get('/assets/none-1234.js', { 'accept-encoding': 'br' });
    expect(missing.headers['content-encoding']).toBeUndefined();

    const escape = await get('/assets/..%2F..%2Fpackage.json', { 'accept-encoding': 'br' });
    expect(escape.headers['content-encoding']).toBeUndefined();
    expect(escape.body.toString()).not.toContain('"dependencies"');
  });
});
