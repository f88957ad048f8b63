import { describe, expect, it } from 'vitest';
import { checkRequest, type RequestHead } from '../../../../electron/core/endpoint/check-request';
import { grantIdFromPath, grantPath } from '../../../../electron/core/endpoint/grant-path';

const AUTHORITY = '127.0.0.1:40123';
const TOKEN = 'dG9rZW4tdG9rZW4tdG9rZW4tdG9rZW4tdG9rZW4tdG9r';

/** A request as an SDK sends it, with `change` applied (undefined removes a header). */
function request(change: { method?: string; url?: string; headers?: Record<string, string[] | undefined> } = {}): RequestHead {
  const headers: Record<string, string[] | undefined> = {
    host: [AUTHORITY],
    authorization: [TOKEN],
    accept: ['application/json'],
    'user-agent': ['Boto3/1.43'],
    ...change.headers,
  };
  for (const key of Object.keys(headers)) if (headers[key] === undefined) delete headers[key];
  return { method: change.method ?? 'GET', url: change.url ?? '/credentials/abc_DEF-123', headersDistinct: headers as NodeJS.Dict<string[]> };
}
const code = (head: RequestHead) => {
  const checked = checkRequest(head, AUTHORITY);
  return 'refusal' in checked ? `${checked.refusal.status} ${checked.refusal.Code}` : 'ok';
};

describe('a request before its token is looked at', () => {
  it('accepts what the SDKs send: GET of a grant path to the exact address, with the token', () => {
    expect(checkRequest(request(), AUTHORITY)).toEqual({ id: 'abc_DEF-123', token: TOKEN });
    expect(checkRequest(request({ headers: { 'content-length': ['0'] } }), AUTHORITY)).toMatchObject({ id: 'abc_DEF-123' });
  });

  it.each([
    ['another name for the same address (DNS rebinding)', ['evil.example:40123']],
    ['localhost', ['localhost:40123']],
    ['another port', ['127.0.0.1:40124']],
    ['no port', ['127.0.0.1']],
    ['a trailing dot', ['127.0.0.1.:40123']],
    ['upper case is not the address either', ['LOCALHOST:40123']],
    ['two Host headers, the first right', [AUTHORITY, 'evil.example:40123']],
    ['no Host at all', undefined],
    ['an empty Host', ['']],
  ])('refuses a foreign Host: %s (421)', (_, host) => {
    expect(code(request({ headers: { host } }))).toBe('421 foreign-host');
  });

  it.each([
    ['an Origin', { origin: ['https://evil.example'] }],
    ['Origin: null (sandboxed frames, file://)', { origin: ['null'] }],
    ['an Origin equal to the endpoint itself', { origin: [`http://${AUTHORITY}`] }],
    ['Sec-Fetch-Site', { 'sec-fetch-site': ['same-origin'] }],
    ['Sec-Fetch-Mode', { 'sec-fetch-mode': ['no-cors'] }],
    ['Sec-Fetch-Dest', { 'sec-fetch-dest': ['image'] }],
  ])('refuses anything a browser sends: %s (403)', (_, headers) => {
    expect(code(request({ headers }))).toBe('403 browser-request');
  });

  it('checks Host before anything else, so a web page learns nothing more', () => {
    expect(code(request({ method: 'POST', url: '/nothing', headers: { host: ['evil.example:40123'], origin: ['https://evil.example'], authorization: undefined } }))).toBe(
      '421 foreign-host',
    );
    expect(code(request({ method: 'OPTIONS', url: '/nothing', headers: { origin: ['https://evil.example'] } }))).toBe('403 browser-request');
  });

  it.each(['POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'CONNECT', 'get'])('refuses %s (405, Allow: GET)', (method) => {
    const checked = checkRequest(request({ method }), AUTHORITY);
    expect(checked).toMatchObject({ refusal: { status: 405, headers: { Allow: 'GET' } } });
  });

  it('refuses a body (413) and a repeated Authorization (400)', () => {
    expect(code(request({ headers: { 'content-length': ['5'] } }))).toBe('413 request-body');
    expect(code(request({ headers: { 'transfer-encoding': ['chunked'] } }))).toBe('413 request-body');
    expect(code(request({ headers: { authorization: [TOKEN, 'other'] } }))).toBe('400 bad-request');
  });

  it.each(['/', '/credentials', '/credentials/', '/credentials/abc?x=1', '/credentials/abc/', '/credentials/../credentials/abc', '/credentials/a%2Fb', 'http://127.0.0.1:40123/credentials/abc', '/CREDENTIALS/abc', `/credentials/${'a'.repeat(65)}`])(
    'refuses any target but a grant path: %s (404)',
    (url) => {
      expect(code(request({ url }))).toBe('404 not-found');
    },
  );

  it('asks for the token last: none, or an empty one (401)', () => {
    expect(code(request({ headers: { authorization: undefined } }))).toBe('401 no-token');
    expect(code(request({ headers: { authorization: [''] } }))).toBe('401 no-token');
  });

  it('grant paths round-trip', () => {
    expect(grantPath('abc_DEF-123')).toBe('/credentials/abc_DEF-123');
    expect(grantIdFromPath(grantPath('abc_DEF-123'))).toBe('abc_DEF-123');
  });
});
