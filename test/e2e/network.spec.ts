import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, waitForDashboard, waitForEngineLive } from './fixtures';

/** What a server sent, per path: how many responses, how many body bytes, and their Content-Encoding. */
type Sent = Map<string, { responses: number; bytes: number; encoding: string }>;

/**
 * A proxy in front of the preview server that counts what it sends, body bytes included: what the browser really
 * downloads, whatever its caches and DevTools report.
 */
async function countingProxy(upstream: URL): Promise<{ origin: string; sent: Sent; close(): Promise<void> }> {
  const sent: Sent = new Map();
  const server = http.createServer((request, response) => {
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, path: request.url, method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        let bytes = 0;
        answer.on('data', (chunk: Buffer) => (bytes += chunk.length));
        answer.on('end', () => {
          const path = new URL(request.url ?? '/', 'http://proxy').pathname;
          const entry = sent.get(path) ?? { responses: 0, bytes: 0 };
          const encoding = String(answer.headers['content-encoding'] ?? 'identity');
          sent.set(path, { responses: entry.responses + 1, bytes: entry.bytes + bytes, encoding });
        });
        answer.pipe(response);
      },
    );
    forward.on('error', () => response.destroy());
    request.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    sent,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

test('a cold load downloads the engine once, compressed: the server sends the wasm a single time, and a restart none', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const proxy = await countingProxy(new URL(baseURL!));
  try {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    // A new context: an empty HTTP cache, as on a first visit. #bench exposes the crash hook used below.
    await page.goto(`${proxy.origin}/#bench`);
    await waitForDashboard(page);
    await waitForEngineLive(page);

    const wasmFiles = fs.readdirSync(`${process.env.E2E_DIST ?? 'dist'}/assets`).filter((name) => name.endsWith('.wasm'));
    const wasmSent = [...proxy.sent].filter(([path]) => path.endsWith('.wasm'));
    // One bundle (eh in Chromium), one response, its whole body once.
    expect(wasmSent).toHaveLength(1);
    const [path, { responses, bytes, encoding }] = wasmSent[0]!;
    const file = wasmFiles.find((name) => path.endsWith(`/${name}`));
    expect(file, path).toBeDefined();
    expect(responses).toBe(1);
    // Sent as the copy compressed at build time (scripts/precompressPlugin.ts), whichever encoding Chromium accepts
    // over plain http; the body is exactly that file, once: about 7.7 MB gzip instead of 34.2 MB.
    const suffix: Record<string, string> = { gzip: '.gz', br: '.br' };
    expect(Object.keys(suffix)).toContain(encoding);
    expect(bytes).toBe(fs.statSync(`${process.env.E2E_DIST ?? 'dist'}/assets/${file}${suffix[encoding]}`).size);
    expect(bytes).toBeLessThan(fs.statSync(`${process.env.E2E_DIST ?? 'dist'}/assets/${file}`).size / 3);

    // The engine dies and restarts: the new instance is made from the module the page compiled, not downloaded again.
    await page.evaluate(() => (window as unknown as { __marketscopeBench: { crashEngine(): Promise<void> } }).__marketscopeBench.crashEngine());
    await expect(page.getByTestId('engine-incident')).toHaveAttribute('data-state', 'restarted', { timeout: 90_000 });
    await expect(page.locator('[aria-busy=true]')).toHaveCount(0, { timeout: 90_000 });
    expect(proxy.sent.get(path)).toEqual({ responses: 1, bytes, encoding });
    expect(errors.filter((error) => !/simulated engine crash|error in duckdb worker|^ErrorEvent$/i.test(error))).toEqual([]);
  } finally {
    await proxy.close();
  }
});
