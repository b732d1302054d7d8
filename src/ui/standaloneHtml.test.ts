// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { switchLocale } from '../i18n';
import { standaloneHtml } from './standaloneHtml';

/** A presentation with one panel, as the page draws it (its title and notes as the user wrote them). */
function presentation(): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = '<section data-testid="presentation-panel"><h3>Overview</h3><p class="presentation-notes">AliExpress leads.</p></section>';
  return root;
}

afterEach(async () => {
  await switchLocale('en');
});

describe('the one-file HTML', () => {
  it('is in English on an English page, as it always was', () => {
    const html = standaloneHtml(presentation(), { title: 'Russia', generatedAt: new Date('2026-11-21T14:05:00Z'), source: 'Every figure was computed in the browser.' });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<p class="meta">Snapshot of 2026-11-21 from Marketscope. Every figure was computed in the browser.</p>');
  });

  it('is in the page’s language: its lang and its words; the user’s texts as written', async () => {
    await switchLocale('ru-RU');
    const html = standaloneHtml(presentation(), { title: 'Россия', generatedAt: new Date('2026-11-21T14:05:00Z'), source: 'Все цифры рассчитаны в браузере.' });
    expect(html).toContain('<html lang="ru-RU">');
    expect(html).toContain('<p class="meta">Снимок от 2026-11-21 из Marketscope. Все цифры рассчитаны в браузере.</p>');
    expect(html).toContain('<h2>Overview</h2>');
    await switchLocale('es-MX');
    expect(standaloneHtml(presentation(), { title: 'Rusia', generatedAt: new Date('2026-11-21T14:05:00Z'), source: '' })).toContain('<html lang="es-MX">');
  });
});
