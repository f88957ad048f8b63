import { describe, expect, it } from 'vitest';
import { Recent } from '../../../../electron/core/aws-files/recent';

describe('Recent', () => {
  it('makes a value once for keys that are the same, and forgets the oldest beyond what it keeps', () => {
    const made: string[] = [];
    const recent = new Recent<string, { of: string }>(2, (a, b) => a === b);
    const get = (key: string) => recent.get(key, () => (made.push(key), { of: key }));
    const a = get('a');
    expect(get('a')).toBe(a);
    get('b');
    expect(get('a')).toBe(a);
    get('c');
    expect(get('a')).toBe(a);
    expect(made).toEqual(['a', 'b', 'c']);
    get('b'); // made again: a and c were kept, b was forgotten when c came
    expect(made).toEqual(['a', 'b', 'c', 'b']);
  });

  it('keeps nothing when making the value throws', () => {
    const recent = new Recent<string, number>(2, (a, b) => a === b);
    expect(() => recent.get('x', () => { throw new Error('bad'); })).toThrow('bad');
    expect(recent.get('x', () => 1)).toBe(1);
  });
});
