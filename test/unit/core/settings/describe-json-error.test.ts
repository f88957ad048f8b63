import { describe, expect, it } from 'vitest';
import { describeJsonError } from '../../../../electron/core/settings/describe-json-error';

function described(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return describeJsonError(text, (error as Error).message);
  }
  throw new Error('the text parsed');
}

describe('describeJsonError', () => {
  it('locates mistakes V8 gives an offset for', () => {
    expect(described('{\n  "a": 1\n  "b": 2\n}')).toBe("line 3, column 3: Expected ',' or '}' after property value");
    expect(described('{"a": 1}}')).toBe('line 1, column 9: Unexpected non-whitespace character after JSON');
  });

  it('locates mistakes V8 gives only an excerpt for, leaving the excerpt out', () => {
    expect(described('{\n  "a": [1,,2]\n}')).toBe("line 2, column 11: Unexpected token ','");
    expect(described('{"secret": nope}')).toBe("line 1, column 13: Unexpected token 'o'");
  });

  it('points past the end of a file that stops too soon', () => {
    expect(described('')).toBe('line 1, column 1: Unexpected end of JSON input');
    expect(described('{\n  "a": [1, 2')).toBe("line 2, column 13: Expected ',' or ']' after array element");
    expect(described('{"a": "unterminated')).toBe('line 1, column 20: Unterminated string');
  });
});
