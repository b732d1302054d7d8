// Starts DuckDB-wasm's own worker script with its wasm handed over by the page. The page downloads the wasm once,
// showing progress, and compiles it while it arrives (WebAssembly.compileStreaming); it then posts the compiled
// WebAssembly.Module here, before DuckDB's INSTANTIATE request. DuckDB's worker would fetch the wasm a second time
// (in Chromium the HTTP cache did not serve it: the server sent the 34 MB twice), so its fetch of that one URL is
// answered without the network and its instantiateStreaming instantiates the page's module instead.
const target = new URL(new URL(self.location.href).searchParams.get('duckdb') ?? '', self.location.origin);
if (target.origin !== self.location.origin) throw new Error(`refusing to load a worker script from ${target.origin}`);

/** The page's compiled modules, by absolute URL. */
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
  if (data.type === 'marketscope:wasm-module' && data.module instanceof WebAssembly.Module) {
    modules.set(new URL(data.url, self.location.href).href, data.module);
  }
  // The crash test's way to make this worker fail like a wasm trap would: an uncaught error, outside any request.
  if (data.type === 'marketscope:crash') {
    setTimeout(() => {
      throw new Error('simulated engine crash (test hook)');
    });
  }
});
// Under the app's Trusted Types policy (require-trusted-types-for 'script'), importScripts takes only a URL made by a
// named policy: this one makes exactly one, DuckDB's worker script checked above.
const scriptPolicy = self.trustedTypes?.createPolicy('marketscope-worker', {
  createScriptURL(url) {
    if (url !== target.href) throw new Error(`refusing to load ${url}`);
    return url;
  },
});
importScripts(scriptPolicy ? scriptPolicy.createScriptURL(target.href) : target.href);
