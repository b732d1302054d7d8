// Starts DuckDB-wasm's own worker script with TransformStream hidden. Its download-progress path wraps the wasm
// response in a new Response, and Chrome only reuses compiled wasm code (its code cache) for responses that came
// straight from the HTTP cache; without TransformStream it instantiates from fetch() directly, so a second visit
// skips compilation. Download progress is reported by the page instead (see browserEngine.ts).
const target = new URL(new URL(self.location.href).searchParams.get('duckdb') ?? '', self.location.origin);
if (target.origin !== self.location.origin) throw new Error(`refusing to load a worker script from ${target.origin}`);
self.TransformStream = undefined;
// The crash test's way to make this worker fail like a wasm trap would: an uncaught error, outside any request.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'marketscope:crash') {
    setTimeout(() => {
      throw new Error('simulated engine crash (test hook)');
    });
  }
});
importScripts(target.href);
