import { createExternalStore } from './externalStore';
import type { EnginePhase } from './types';

/**
 * The engine's start-up phase, for the status display. A module of its own so that the page's first script
 * (src/app/prestart.ts) reports the wasm's download into the same store without loading the rest of the engine.
 */
export const enginePhase = createExternalStore<EnginePhase>({ phase: 'idle' });
