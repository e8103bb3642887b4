import { invalidTextPath, jsonDepth } from './request-guards';

describe('jsonDepth', () => {
  const depth = (s: string) => jsonDepth(Buffer.from(s), 1000);
  it('counts brackets outside strings only', () => {
    expect(depth('{}')).toBe(1);
    expect(depth('{"a":[[1],[2,[3]]]}')).toBe(4);
    expect(depth('{"a":"[[[[{{{{"}')).toBe(1);
    expect(depth('{"a":"\\"[[[["}')).toBe(1);
    expect(depth('"no object"')).toBe(0);
  });
  it('stops counting past the limit', () => {
    expect(jsonDepth(Buffer.from('['.repeat(100_000)), 64)).toBe(65);
  });
});

describe('invalidTextPath', () => {
  it('finds NUL characters and lone surrogates anywhere, and lets valid text pass', () => {
    expect(invalidTextPath({ a: 'é', b: ['ok', { c: 'emoji 😀' }] })).toBeNull();
    expect(invalidTextPath({ a: ['ok', { c: 'x\u0000' }] })).toBe('a[1].c');
    expect(invalidTextPath({ a: '\ud800' })).toBe('a');
    expect(invalidTextPath({ a: 'x\udc00' })).toBe('a');
    expect(invalidTextPath({ ['k\u0000']: 1 })).toBe('.k?');
  });
  it('walks deep values without recursion', () => {
    let v: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) v = [v];
    expect(invalidTextPath(v)).toMatch(/^\[0\]/);
  });
});
