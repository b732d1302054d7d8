/* global window, document, location, performance, URL, URLSearchParams, Worker -- a browser page */
// Bare DuckDB-wasm, the reference for the app's "engine live": instantiate, connect, one aggregate query, nothing
// else. The bench builds this page with Vite into the app's build folder (`/__bench/`) and passes the URLs of the
// app's own built files in the query string: the same wasm, DuckDB's same worker script, started through the app's
// same worker shim (src/engine/duckdbWorkerShim.js) under a Trusted Types policy name the app's
// Content-Security-Policy already allows. The preview server sends this page the app's CSP header unchanged.
//
// The shim is given no compiled module here, so DuckDB's worker fetches and instantiates the wasm itself in one
// streaming step: DuckDB-wasm's own documented start-up. Times are in the page's clock (0 = navigation start), as the
// app's are, and are left on `window.__bareDuckdb` for the bench.
import { AsyncDuckDB, VoidLogger, selectBundle } from '@duckdb/duckdb-wasm';

const QUERY =
  'SELECT k % 12 AS month, count(*) AS n, sum(v) AS total, avg(v) AS mean ' +
  'FROM (SELECT range AS k, range * 0.5 AS v FROM range(100000)) GROUP BY month ORDER BY month';

const marks = { scriptStart: performance.now(), instantiated: null, ready: null, firstResult: null, rows: null, bundle: null, error: null };
window.__bareDuckdb = marks;

async function start() {
  const params = new URLSearchParams(location.search);
  const required = (name) => {
    const value = params.get(name);
    if (!value) throw new Error(`missing ?${name}= (the bench passes the app's built file names)`);
    return value;
  };
  const shim = required('shim');
  const bundles = {
    mvp: { mainModule: required('mvpWasm'), mainWorker: required('mvpWorker') },
    eh: { mainModule: required('ehWasm'), mainWorker: required('ehWorker') },
  };
  const bundle = await selectBundle(bundles);
  marks.bundle = bundle.mainModule === bundles.eh.mainModule ? 'eh' : 'mvp';
  // The app's page policy name, with the same rule: only the same-origin shim.
  const policy = window.trustedTypes?.createPolicy('marketscope-engine', {
    createScriptURL(candidate) {
      if (new URL(candidate, location.href).origin !== location.origin || !candidate.startsWith(shim)) {
        throw new Error(`refusing to start a worker from ${candidate}`);
      }
      return candidate;
    },
  });
  const url = `${shim}?duckdb=${encodeURIComponent(bundle.mainWorker)}`;
  const worker = new Worker(policy ? policy.createScriptURL(url) : url);
  const db = new AsyncDuckDB(new VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  marks.instantiated = performance.now();
  const connection = await db.connect();
  marks.ready = performance.now();
  const result = await connection.query(QUERY);
  marks.rows = result.numRows;
  marks.firstResult = performance.now();
  document.getElementById('status').textContent = `DuckDB-wasm (${marks.bundle}) answered ${result.numRows} rows in ${Math.round(marks.firstResult)} ms.`;
}

start().catch((error) => {
  marks.error = error instanceof Error ? error.message : String(error);
  document.getElementById('status').textContent = `DuckDB-wasm did not start: ${marks.error}`;
});
