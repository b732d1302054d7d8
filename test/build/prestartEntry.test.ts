import { describe, expect, it } from 'vitest';
import { beforeFirstModuleScript } from '../../scripts/prestartEntryPlugin';

describe('the prestart entry in index.html', () => {
  it('goes before the app’s entry, the first module script, so that it runs first', () => {
    const html = '<head>\n    <script>gate()</script>\n    <script type="module" crossorigin src="/assets/index-a.js"></script>\n  </head>';
    const tag = '<script type="module" crossorigin src="/assets/prestart-b.js"></script>';
    const out = beforeFirstModuleScript(html, tag);
    expect(out.indexOf(tag)).toBeGreaterThan(out.indexOf('gate()'));
    expect(out.indexOf(tag)).toBeLessThan(out.indexOf('index-a.js'));
    expect(out.replace(`${tag}\n    `, '')).toBe(html);
  });

  it('refuses a page without a module script (the engine would start after nothing)', () => {
    expect(() => beforeFirstModuleScript('<head></head>', '<script type="module"></script>')).toThrow(/no module script/);
  });
});
