// Starts DuckDB-wasm's own worker script with its wasm downloaded once. DuckDB's worker would fetch the wasm itself,
// after the page had downloaded it to show progress, and Chromium's HTTP cache did not serve that second request (the
// server sent the 34 MB twice). Now the page asks this worker to download and compile it ('marketscope:compile'):
// the response goes straight to WebAssembly.compileStreaming, a clone is counted for the progress bar (over a port of
// its own, so DuckDB's client never sees those messages), all off the page's busy main thread. The compiled module
// goes back to the page, which hands it to the next worker after a crash ('marketscope:wasm-module'). DuckDB's fetch
// of that URL is then answered without the network, and its instantiateStreaming instantiates the module.
import { serveBatches } from './batchWorker';

// First thing, before DuckDB's worker script is fetched and run: the page renders once it knows this worker has
// started (engineWorker.ts), as Chromium starts a worker only while the page's main thread is free.
self.postMessage({ type: 'marketscope:started' });

const target = new URL(new URL(self.location.href).searchParams.get('duckdb') ?? '', self.location.origin);
if (target.origin !== self.location.origin) throw new Error(`refusing to load a worker script from ${target.origin}`);

/** The compiled modules, by absolute URL. */
const modules = new Map();
// Without TransformStream, DuckDB's worker calls instantiateStreaming(fetch(url)) directly (its progress path would
// wrap the response first); progress is the page's.
self.TransformStream = undefined;
/** The stand-in responses given to DuckDB's worker for a handed-over URL, and the module each stands for. */
const handedOver = new WeakMap();
const networkFetch = self.fetch.bind(self);
self.fetch = (input, init) => {
  const module = modules.get(new URL(input instanceof Request ? input.url : String(input), self.location.href).href);
  if (!module) return networkFetch(input, init);
  // Never read: instantiateStreaming below takes the module it stands for.
  const response = new Response(null, { headers: { 'Content-Type': 'application/wasm' } });
  handedOver.set(response, module);
  return Promise.resolve(response);
};
const instantiateStreaming = WebAssembly.instantiateStreaming.bind(WebAssembly);
WebAssembly.instantiateStreaming = async (source, imports) => {
  const response = await source;
  const module = handedOver.get(response);
  if (!module) return instantiateStreaming(response, imports);
  return { module, instance: await WebAssembly.instantiate(module, imports) };
};

self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || typeof data.type !== 'string' || !data.type.startsWith('marketscope:')) return;
  // The page's own messages are not requests for DuckDB.
  event.stopImmediatePropagation();
  if (data.type === 'marketscope:compile' && data.port instanceof MessagePort) download(data.url).attach(data.port);
  if (data.type === 'marketscope:wasm-module' && data.module instanceof WebAssembly.Module) {
    modules.set(new URL(data.url, self.location.href).href, data.module);
  }
  // The port the page sends its statement batches over (batchWorker.ts), once DuckDB's handler is in place.
  if (data.type === 'marketscope:batch-port' && data.port instanceof MessagePort) serveBatches(data.port, self);
  // The crash test's way to make this worker fail like a wasm trap would: an uncaught error, outside any request.
  if (data.type === 'marketscope:crash') {
    setTimeout(() => {
      throw new Error('simulated engine crash (test hook)');
    });
  }
});
/**
 * The wasm downloads of this worker by absolute URL, each relaying what it tells the page (the bytes so far, then the
 * module or the failure) to the port the page sends with 'marketscope:compile', held back until that port arrives.
 */
const downloads = new Map();
function download(url) {
  const href = new URL(url, self.location.href).href;
  let relay = downloads.get(href);
  if (!relay) {
    const held = [];
    relay = {
      port: null,
      done: false,
      send(message) {
        if (this.port) this.port.postMessage(message);
        else held.push(message);
      },
      attach(port) {
        this.port = port;
        for (const message of held.splice(0)) port.postMessage(message);
        if (this.done) setTimeout(() => port.close(), 0);
      },
    };
    downloads.set(href, relay);
    void compile(href, relay);
  }
  return relay;
}

/** Downloads and compiles the wasm at `url`, telling `relay` the bytes so far, then the module (or the failure). */
async function compile(url, relay) {
  try {
    const response = await networkFetch(url, { credentials: 'same-origin' });
    if (!response.ok || !response.body) throw new Error(`${url}: the server answered ${response.status}`);
    // Sent compressed, Content-Length is the compressed size while the body yields decoded bytes: the size once
    // decoded comes from our own header (scripts/precompressPlugin.ts), else the total is unknown.
    const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
    const total = Number(response.headers.get(encoded ? 'x-decoded-content-length' : 'content-length')) || null;
    // compileStreaming needs the wasm MIME type; from a server that sends another, the bytes are compiled at the end.
    const streamable = response.headers.get('content-type')?.split(';')[0]?.trim() === 'application/wasm';
    const counted = streamable ? response.clone() : response;
    const compiled = streamable ? WebAssembly.compileStreaming(response) : null;
    compiled?.catch(() => {});
    const chunks = [];
    let loaded = 0;
    let reported = 0;
    relay.send({ type: 'progress', loaded, total });
    const reader = counted.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      loaded += chunk.value.byteLength;
      if (!streamable) chunks.push(chunk.value);
      // A few updates a second are enough for a progress bar, and each one re-renders it.
      if (performance.now() - reported > 100) {
        reported = performance.now();
        relay.send({ type: 'progress', loaded, total });
      }
    }
    relay.send({ type: 'downloaded', loaded, total });
    const module = await (compiled ?? WebAssembly.compile(await new Blob(chunks).arrayBuffer()));
    modules.set(url, module);
    relay.send({ type: 'compiled', module });
  } catch (error) {
    relay.send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    // A later request for this URL downloads afresh.
    downloads.delete(url);
  } finally {
    relay.done = true;
    if (relay.port) setTimeout(() => relay.port.close(), 0);
  }
}

// The page names the wasm in this worker's URL (`?wasm=`) when it will ask for it: the download and compilation
// start now, beside the fetch and run of DuckDB's worker script below (which hold this thread for a few hundred
// milliseconds), not after them.
const earlyWasm = new URL(self.location.href).searchParams.get('wasm');
if (earlyWasm && new URL(earlyWasm, self.location.href).origin === self.location.origin) download(earlyWasm);

// Under the app's Trusted Types policy (require-trusted-types-for 'script'), importScripts takes only a URL made by a
// named policy: this one makes exactly one, DuckDB's worker script checked above.
const scriptPolicy = self.trustedTypes?.createPolicy('marketscope-worker', {
  createScriptURL(url) {
    if (url !== target.href) throw new Error(`refusing to load ${url}`);
    return url;
  },
});
importScripts(scriptPolicy ? scriptPolicy.createScriptURL(target.href) : target.href);
