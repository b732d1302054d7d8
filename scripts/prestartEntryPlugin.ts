// A Vite plugin that gives index.html a second, small entry before the app's: src/app/prestart.ts, which starts the
// engine's worker (and the wasm's download and compilation) as soon as the document is parsed. The app's entry runs
// only once its two dozen modules have arrived and been evaluated, 0.3–0.5 s later on these machines. Both entries
// import the engine's modules from the same shared chunks, so the app's entry finds the worker this one started.
import path from 'node:path';
import type { Plugin } from 'vite';

/** The entry's source, from the project folder. */
export const PRESTART_ENTRY = 'src/app/prestart.ts';
/** The name of its chunk in a build. */
const CHUNK_NAME = 'prestart';

/** Puts `tag` before the first module script of `html` (the app's entry), so that it runs first. */
export function beforeFirstModuleScript(html: string, tag: string): string {
  const at = html.indexOf('<script type="module"');
  if (at < 0) throw new Error('index.html has no module script to start the engine before');
  return `${html.slice(0, at)}${tag}\n    ${html.slice(at)}`;
}

export function prestartEntryPlugin(root: string): Plugin {
  return {
    name: 'marketscope-prestart-entry',
    config: () => ({
      build: { rolldownOptions: { input: { index: path.join(root, 'index.html'), [CHUNK_NAME]: path.join(root, PRESTART_ENTRY) } } },
    }),
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (context.server) return beforeFirstModuleScript(html, `<script type="module" src="/${PRESTART_ENTRY}"></script>`);
        const chunk = Object.values(context.bundle ?? {}).find((output) => output.type === 'chunk' && output.isEntry && output.name === CHUNK_NAME);
        if (!chunk) throw new Error(`the build has no ${CHUNK_NAME} entry (${PRESTART_ENTRY})`);
        return beforeFirstModuleScript(html, `<script type="module" crossorigin src="/${chunk.fileName}"></script>`);
      },
    },
  };
}
