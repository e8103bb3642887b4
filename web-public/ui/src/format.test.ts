import { describe, expect, it } from 'vitest';
import { formatDate, formatShortDateTime, formatStructureCount, plural, telHref } from './format';

describe('format', () => {
  it('counts in French (0 and 1 singular, narrow no-break space between thousands)', () => {
    expect(formatStructureCount(0)).toBe('0 structure');
    expect(formatStructureCount(1)).toBe('1 structure');
    expect(plural(1204, 'membre', 'membres')).toBe('1\u202f204 membres');
  });
  it('dates in Paris time; « — » without a date; a day alone stays that day', () => {
    expect(formatDate('2026-11-30')).toBe('30 novembre 2026');
    expect(formatDate(null)).toBe('—');
    expect(formatShortDateTime('2025-11-27T07:15:00Z')).toBe('27/11/2025 08:15');
  });
  it('telephone links', () => {
    expect(telHref('03 27 00 00 00')).toBe('tel:+33327000000');
  });
});
