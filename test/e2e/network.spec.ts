import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, waitForDashboard, waitForEngineLive } from './fixtures';

/** What a server sent, per path: how many responses and how many body bytes. */
type Sent = Map<string, { responses: number; bytes: number }>;

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
          sent.set(path, { responses: entry.responses + 1, bytes: entry.bytes + bytes });
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

test('a cold load downloads the engine once: the server sends the wasm a single time, and a restart none', async ({ page, baseURL }) => {
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
    const [path, { responses, bytes }] = wasmSent[0]!;
    const file = wasmFiles.find((name) => path.endsWith(`/${name}`));
    expect(file, path).toBeDefined();
    expect(responses).toBe(1);
    expect(bytes).toBe(fs.statSync(`${process.env.E2E_DIST ?? 'dist'}/assets/${file}`).size);

    // The engine dies and restarts: the new instance is made from the module the page compiled, not downloaded again.
    await page.evaluate(() => (window as unknown as { __marketscopeBench: { crashEngine(): Promise<void> } }).__marketscopeBench.crashEngine());
    await expect(page.getByTestId('engine-incident')).toHaveAttribute('data-state', 'restarted', { timeout: 90_000 });
    await expect(page.locator('[aria-busy=true]')).toHaveCount(0, { timeout: 90_000 });
    expect(proxy.sent.get(path)).toEqual({ responses: 1, bytes });
    expect(errors.filter((error) => !/simulated engine crash|error in duckdb worker|^ErrorEvent$/i.test(error))).toEqual([]);
  } finally {
    await proxy.close();
  }
});
