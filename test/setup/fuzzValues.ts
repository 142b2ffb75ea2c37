import fc from 'fast-check';
import { concrete, type JsonSchema, typeOf } from './openApiOperations.ts';

// The bad values the fuzzer sends (fuzzCases.ts): wrong types, odd text and numbers, malformed bodies and headers,
// junk path and query parameters.

/** One bad request: what was changed, and the parts that differ from the operation's valid request. */
export type FuzzCase = {
  mutation: string;
  /** Path parameter values, already URL-encoded, replacing the valid ones. */
  path?: Record<string, string>;
  /** The whole query string (without `?`), replacing the valid one. */
  query?: string;
  /** The content type to send; null sends none. */
  contentType?: string | null;
  /** The raw body, replacing the valid one; null sends none. */
  body?: string | Uint8Array | null;
  /** Headers added to (or replacing) the actor's. */
  headers?: Record<string, string>;
};

const MB = 1024 * 1024;
/** Numbers JSON.stringify cannot write: the body text carries them verbatim. */
const RAW_NUMBERS = ['1e309', '-1e309', '1e-400', '-0', '123456789012345678901234567890123456789'];
const raw = (text: string) => `\u0000raw:${text}`;
export const toJson = (value: unknown) =>
  JSON.stringify(value).replace(/"\\u0000raw:([^"]*)"/g, (_, text: string) => text);

/** Values of the wrong JSON type, whatever the field's type is. */
const WRONG_TYPES: [string, unknown][] = [
  ['string', 'fuzz'],
  ['number', 7],
  ['boolean', false],
  ['null', null],
  ['array', [1, 'a']],
  ['object', { a: 1 }],
];

/** Text a careless or hostile client sends. */
const ODD_STRINGS: [string, string][] = [
  ['empty string', ''],
  ['blank string', '   '],
  ['NUL', 'a\u0000b'],
  ['lone high surrogate', 'a\ud800b'],
  ['lone low surrogate', '\udc00'],
  ['RTL override', '\u202egnp.exe'],
  ['emoji', '👩‍👩‍👧‍👦🏳️‍🌈'.repeat(20)],
  ['zero-width', '\u200b\ufeff'],
  ['control characters', '\u0001\u0007\u001b[31m'],
  ['traversal', '../../../../etc/passwd'],
  ['sql', "'; drop table users; --"],
  ['html', '<script>alert(1)</script>'],
  ['full-width digits', '１２３'],
  ['1 MB string', 'a'.repeat(MB)],
];

/** Numbers at and beyond the edges. */
const ODD_NUMBERS: [string, unknown][] = [
  ['0', 0],
  ['-1', -1],
  ['1.5', 1.5],
  ['2^53', 2 ** 53],
  ['2^53+2', 2 ** 53 + 2],
  ['MAX_VALUE', Number.MAX_VALUE],
  ['-MAX_VALUE', -Number.MAX_VALUE],
  ['NaN string', 'NaN'],
  ['Infinity string', 'Infinity'],
  ['numeric string', '10'],
  ['huge bigint string', '9'.repeat(100)],
  ...RAW_NUMBERS.map((n): [string, unknown] => [`raw ${n}`, raw(n)]),
];

/** The bad values for one field, by its schema. */
export function badValuesFor(s: JsonSchema, example: unknown): [string, unknown][] {
  const c = concrete(s);
  const type = typeOf(c);
  const values: [string, unknown][] = [...WRONG_TYPES];
  if (type === 'string' || type === undefined) {
    values.push(...ODD_STRINGS);
    if (c.maxLength !== undefined)
      values.push([`${c.maxLength + 1} characters`, 'x'.repeat(c.maxLength + 1)]);
    if (typeof example === 'string') {
      values.push(['example with NUL', `${example}\u0000`], ['example padded', ` ${example} `]);
      values.push(['example uppercased', example.toUpperCase()]);
    }
  }
  if (type === 'integer' || type === 'number' || type === undefined) {
    values.push(...ODD_NUMBERS);
    if (c.minimum !== undefined) values.push(['below minimum', c.minimum - 1]);
    if (c.maximum !== undefined) values.push(['above maximum', c.maximum + 1]);
  }
  if (type === 'boolean') values.push(['"true"', 'true'], ['1', 1]);
  if (type === 'array' || type === undefined) {
    const element = Array.isArray(example) && example.length ? example[0] : 1;
    values.push(['100k elements', Array.from({ length: 100_000 }, () => element)]);
    values.push(['[null]', [null]], ['nested arrays', [[[[]]]]]);
    if (c.maxItems !== undefined && c.maxItems < 100_000)
      values.push([`${c.maxItems + 1} elements`, Array.from({ length: c.maxItems + 1 }, () => element)]);
  }
  if (type === 'object' || type === undefined)
    values.push(['empty object', {}], ['deep object', deepObject(2000)]);
  if (c.enum) values.push(['enum value uppercased', String(c.enum[0]).toUpperCase()]);
  return values;
}

const deepObject = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
};

/** Whole bodies that are not the JSON object the operation takes. */
export function malformedBodies(validJson: string): FuzzCase[] {
  const json = 'application/json';
  return [
    { mutation: 'no body', body: null },
    { mutation: 'empty body', body: '' },
    { mutation: 'truncated JSON', body: validJson.slice(0, Math.max(1, validJson.length - 2)) },
    { mutation: 'JSON with a trailing comma', body: '{"a":1,}' },
    { mutation: 'single-quoted JSON', body: "{'a':1}" },
    { mutation: 'bare word', body: 'undefined' },
    { mutation: 'NUL byte', body: '\u0000' },
    { mutation: 'BOM then JSON', body: `\ufeff${validJson}` },
    { mutation: 'JSON then garbage', body: `${validJson}}}` },
    { mutation: 'duplicate keys', body: validJson.replace(/^\{/, '{"a":1,"a":2,') },
    {
      mutation: 'prototype pollution',
      body: '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{}}}',
    },
    { mutation: 'deeply nested arrays', body: `${'['.repeat(100_000)}${']'.repeat(100_000)}` },
    { mutation: 'unclosed nesting', body: '{"a":'.repeat(50_000) },
    { mutation: 'invalid UTF-8', body: new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]) },
    { mutation: 'UTF-16 body', body: new Uint8Array(Buffer.from(validJson, 'utf16le')) },
    ...['null', '[]', '1', '"text"', 'true'].map((v) => ({ mutation: `top-level ${v}`, body: v })),
    { mutation: 'text/plain', contentType: 'text/plain', body: validJson },
    { mutation: 'no content type', contentType: null, body: validJson },
    { mutation: 'form urlencoded', contentType: 'application/x-www-form-urlencoded', body: 'a=1&b=2' },
    {
      mutation: 'multipart',
      contentType: 'multipart/form-data; boundary=x',
      body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
    },
    { mutation: 'JSON declared as UTF-16', contentType: `${json}; charset=utf-16`, body: validJson },
    { mutation: 'content type with junk parameters', contentType: `${json};;;=;a`, body: validJson },
  ];
}

/** Bodies for an operation that takes raw bytes (an upload or an import file). */
export function byteBodies(seed: number, runs: number): FuzzCase[] {
  return [
    { mutation: 'no body', body: null },
    { mutation: 'empty body', body: '' },
    { mutation: 'as JSON', contentType: 'application/json', body: '{"a":1}' },
    { mutation: 'no content type', contentType: null, body: 'abc' },
    { mutation: '1 MB of text', body: 'a'.repeat(MB) },
    { mutation: 'NUL bytes', body: new Uint8Array(64) },
    ...fc
      .sample(fc.uint8Array({ maxLength: 2048 }), { numRuns: runs, seed })
      .map((bytes, i) => ({ mutation: `random bytes #${i}`, body: bytes })),
  ];
}

/** Credentials and headers that are malformed rather than merely wrong. */
export const headerCases: FuzzCase[] = [
  { mutation: 'header: unknown API key', headers: { authorization: 'Bearer cvn_0000000000000000' } },
  {
    mutation: 'header: 10k-character API key',
    headers: { authorization: `Bearer cvn_${'a'.repeat(10_000)}` },
  },
  { mutation: 'header: empty bearer', headers: { authorization: 'Bearer ' } },
  { mutation: 'header: basic auth', headers: { authorization: 'Basic YTpi' } },
  {
    mutation: 'header: junk session cookie',
    headers: { cookie: 'caravan_session=%zz%00;caravan_session=x' },
  },
  {
    mutation: 'header: 10k-character session cookie',
    headers: { cookie: `caravan_session=${'a'.repeat(10_000)}` },
  },
  { mutation: 'header: 10k-character request id', headers: { 'x-request-id': 'r'.repeat(10_000) } },
  { mutation: 'header: gzip encoding on a plain body', headers: { 'content-encoding': 'gzip' } },
  { mutation: 'header: unknown encodings', headers: { 'content-encoding': 'br, zz' } },
  { mutation: 'header: path as declared file type', headers: { 'x-content-type': '../../etc/passwd' } },
  { mutation: 'header: unicode request id', headers: { 'x-request-id': '\u00e9\u00ff' } },
];

/** Values for a path parameter that are not the one the route expects. */
export function badPathValues(example: string, foreign: string | undefined): [string, string][] {
  const values: [string, string][] = [
    ['junk', 'abc'],
    ['0', '0'],
    ['-1', '-1'],
    ['1.5', '1.5'],
    ['2^53+1', '9007199254740993'],
    ['20 digits', '99999999999999999999'],
    ['nil uuid', '00000000-0000-0000-0000-000000000000'],
    ['uuid of no row', 'ffffffff-ffff-4fff-bfff-ffffffffffff'],
    ['uuid without dashes', '0123456789abcdef0123456789abcdef'],
    ['uuid in braces', '{00000000-0000-4000-8000-000000000000}'],
    ['example uppercased', example.toUpperCase()],
    ['example with a suffix', `${example}x`],
    ['example with a NUL', `${example}%00`],
    ['traversal', '../../../../etc/passwd'],
    ['encoded traversal', '..%2F..%2F..%2Fetc%2Fpasswd'],
    ['absolute path', '%2Fetc%2Fpasswd'],
    ['backslash traversal', '..%5C..%5Cwindows'],
    ['dot dot', '..'],
    ['encoded dot dot', '%2e%2e'],
    ['encoded NUL', '%00'],
    ['invalid percent escape', '%zz'],
    ['emoji', encodeURIComponent('🎉')],
    ['RTL override', encodeURIComponent('\u202e1')],
    ['10k characters', 'a'.repeat(10_000)],
    ['sql', encodeURIComponent("1' or '1'='1")],
  ];
  if (foreign !== undefined) values.push(["another organization's or person's id", foreign]);
  return values;
}

/** Values for a query parameter out of its range or type. */
export function badQueryValues(s: JsonSchema): [string, string][] {
  const c = concrete(s);
  const values: [string, string][] = [
    ['empty', ''],
    ['junk', 'abc'],
    ['-1', '-1'],
    ['0', '0'],
    ['1.5', '1.5'],
    ['1e309', '1e309'],
    ['NaN', 'NaN'],
    ['Infinity', 'Infinity'],
    ['2^53+1', '9007199254740993'],
    ['huge number', '9'.repeat(100)],
    ['hex number', '0x10'],
    ['padded number', '%2010%20'],
    ['encoded NUL', '%00'],
    ['emoji', encodeURIComponent('🎉')],
    ['10k characters', 'a'.repeat(10_000)],
    ['invalid percent escape', '%zz'],
  ];
  if (c.minimum !== undefined) values.push(['below minimum', String(c.minimum - 1)]);
  if (c.maximum !== undefined) values.push(['above maximum', String(c.maximum + 1)]);
  if (c.enum) values.push(['enum uppercased', String(c.enum[0]).toUpperCase()]);
  return values;
}
