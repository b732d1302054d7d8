import { describe, expect, it } from 'vitest';
import { nameLines } from '../charts/RankingBarChart';
import { roundPath } from './prerendered';

describe('roundPath', () => {
  it('writes a curve as d3-shape does in the browser: 3 decimals, no trailing zeros', () => {
    expect(roundPath('M64,127.249477565C79.39393939393939,126.99393946583334,94.7878787878788,126.73840136666668')).toBe(
      'M64,127.249C79.394,126.994,94.788,126.738',
    );
    expect(roundPath('M-12.34565,0.10001L5.5,2')).toBe('M-12.346,0.1L5.5,2');
  });
});

describe('nameLines', () => {
  it('keeps a short name on one line', () => {
    expect(nameLines('🇷🇺 Russia', 17)).toEqual(['🇷🇺 Russia']);
  });
  it('breaks between words by length, counting a flag as two characters', () => {
    expect(nameLines('🇬🇧 United Kingdom', 12)).toEqual(['🇬🇧 United', 'Kingdom']);
    expect(nameLines('🇬🇧 United Kingdom', 17)).toEqual(['🇬🇧 United Kingdom']);
  });
  it('cuts what does not fit in two lines with an ellipsis', () => {
    expect(nameLines('Bosnia and Herzegovina and more words', 12)).toEqual(['Bosnia and', 'Herzegovina…']);
    expect(nameLines('Supercalifragilisticexpialidocious', 10)).toEqual(['Supercali…']);
  });
});
