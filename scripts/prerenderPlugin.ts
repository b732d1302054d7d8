// A Vite plugin (build only) that writes the default overview, as the app draws it from the build-time summary, into
// index.html: the browser paints the key figures and both charts from the HTML alone, before any script has run, and
// the app then replaces that DOM with its own, identical, in its first render (src/app/main.tsx). It also inlines
// the entry's stylesheet, so that first paint waits for no other request.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Plugin } from 'vite';
import { NARROW_MAX_WIDTH, PRERENDER_LAYOUTS } from '../src/app/prerenderLayouts';
import { PRERENDER_GATE_SCRIPT } from './prerenderGate';

const run = promisify(execFile);

/** The placeholder index.html keeps in #root for every address but the default one. */
export const BOOT_MESSAGE = '<p class="boot-message">Loading Marketscope…</p>';

/**
 * Shows the drawn overview only at the default address, and in each layout only that layout's charts, scaled down to
 * fit a narrower column until the app draws them at their measured width. Inline: it must apply before the first paint.
 */
export const PRERENDER_STYLE = [
  '.boot-message{display:none}',
  '.prerender-off .boot-message{display:block}',
  '.prerender-off .prerender{display:none}',
  '.prerender .recharts-wrapper{max-width:100%}',
  '.prerender .recharts-wrapper>svg{max-width:100%;height:auto}',
  `@media (max-width:${NARROW_MAX_WIDTH}px){.prerender [data-prerender=wide]{display:none}}`,
  `@media (min-width:${NARROW_MAX_WIDTH + 1}px){.prerender [data-prerender=narrow]{display:none}}`,
].join('');

export function prerenderPlugin(root: string): Plugin {
  return {
    name: 'marketscope-prerender',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html, context) {
        if (!html.includes(BOOT_MESSAGE)) throw new Error(`index.html has no ${BOOT_MESSAGE} in #root to put the overview beside`);
        const overview = await prerender(root);
        let page = html
          .replace('</title>', `</title>\n    <script>${PRERENDER_GATE_SCRIPT}</script>\n    <style>${PRERENDER_STYLE}</style>`)
          .replace(BOOT_MESSAGE, `${BOOT_MESSAGE}<div class="prerender" data-prerendered inert>${overview}</div>`);
        // The entry's stylesheet, inline: the drawn overview needs it for its first paint, and nothing else waits on it.
        for (const [fileName, chunk] of Object.entries(context.bundle ?? {})) {
          if (chunk.type !== 'asset' || !fileName.endsWith('.css')) continue;
          const link = new RegExp(`<link rel="stylesheet"[^>]*href="/${fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`);
          if (link.test(page)) page = page.replace(link, () => `<style>${String(chunk.source)}</style>`);
        }
        return page;
      },
    },
  };
}

async function prerender(root: string): Promise<string> {
  const script = path.join(root, 'scripts/prerender.mjs');
  try {
    const { stdout } = await run(process.execPath, [script, JSON.stringify(PRERENDER_LAYOUTS)], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    });
    return (JSON.parse(stdout) as { html: string }).html;
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr || (error as Error).message;
    throw new Error(`drawing the default overview into index.html failed (scripts/prerender.mjs):\n${detail}`, { cause: error });
  }
}
