/**
 * The page's first script: starts the engine's worker, and with it the download and compilation of DuckDB's wasm,
 * as soon as the document is parsed. It is an entry of its own, listed before the app's in index.html
 * (scripts/prestartEntryPlugin.ts), because the app's entry runs only once its two dozen modules have arrived and
 * been evaluated: 0.3–0.5 s later on these machines, time the wasm's download and compilation now overlap. It loads
 * only the worker's starter and the phase store; the app's entry takes the worker over (src/engine/engineWorker.ts
 * keeps it), as it would one it started itself (src/engine/index.ts, prestartEngine).
 */
import { prestartEngineWorker } from '../engine/engineWorker';
import { enginePhase } from '../engine/phase';
import { startsEngineEarly } from './earlyEngine';

if (startsEngineEarly()) void prestartEngineWorker(enginePhase);
