import fc from 'fast-check';
import {
  badPathValues,
  badQueryValues,
  badValuesFor,
  byteBodies,
  type FuzzCase,
  headerCases,
  malformedBodies,
  toJson,
} from './fuzzValues.ts';
import {
  concrete,
  exampleOf,
  type JsonSchema,
  type Known,
  type Operation,
  typeOf,
} from './openApiOperations.ts';

// Bad requests derived from an OpenAPI 3.1 document: for every operation, every path and query parameter and every
// field of its JSON body (nested ones too) gets wrong types, missing values, boundary numbers, oversized and odd
// unicode strings; bodies also come malformed, under the wrong content type, or drawn at random by fast-check from
// the operation's own schema. A new route is fuzzed as soon as it appears in the document.

/** Every field path of a body schema, with its schema (nested objects and the first array element too). */
function fieldPaths(s: JsonSchema, depth = 0, at: (string | number)[] = []) {
  const out: { path: (string | number)[]; schema: JsonSchema }[] = [];
  if (depth > 4) return out;
  const c = concrete(s);
  if (typeOf(c) === 'object')
    for (const [key, v] of Object.entries(c.properties ?? {})) {
      out.push({ path: [...at, key], schema: v });
      out.push(...fieldPaths(v, depth + 1, [...at, key]));
    }
  if (typeOf(c) === 'array' && c.items) out.push(...fieldPaths(c.items, depth + 1, [...at, 0]));
  return out;
}

/** Passed as a value to `withValue`: leave the field out. */
const remove = Symbol('remove');

/** A copy of `base` with the value at `path` set (or removed), building what is missing on the way. */
function withValue(base: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(base);
  let node = copy as Record<string | number, unknown>;
  for (const [i, key] of path.entries()) {
    if (i === path.length - 1) {
      if (value === remove) delete node[key];
      else node[key] = value;
      break;
    }
    const next = node[key];
    if (next === null || typeof next !== 'object') node[key] = typeof path[i + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  return copy;
}

/** The value at `path` inside `value`, if there is one. */
const valueAt = (value: unknown, path: (string | number)[]): unknown =>
  path.reduce<unknown>(
    (v, key) =>
      v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[key] : undefined,
    value,
  );

/** A fast-check arbitrary mostly shaped like the schema, with junk mixed in at every level. */
function arbitraryOf(s: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const c = concrete(s);
  const junk = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string({ unit: 'binary' }), fc.double());
  let shaped: fc.Arbitrary<unknown>;
  if (s.enum) shaped = fc.constantFrom(...s.enum);
  else if (s.oneOf || s.anyOf)
    shaped = fc.oneof(...(s.oneOf ?? s.anyOf ?? []).map((v) => arbitraryOf(v, depth)));
  else
    switch (typeOf(c)) {
      case 'object': {
        const props = Object.entries(c.properties ?? {});
        shaped =
          depth > 4
            ? fc.object()
            : fc.record(Object.fromEntries(props.map(([k, v]) => [k, arbitraryOf(v, depth + 1)])), {
                requiredKeys: props.map(([k]) => k).filter((k) => c.required?.includes(k)),
              });
        break;
      }
      case 'array':
        shaped = fc.array(c.items && depth <= 4 ? arbitraryOf(c.items, depth + 1) : fc.anything(), {
          maxLength: 5,
        });
        break;
      case 'integer':
        shaped = fc.integer({ min: (c.minimum ?? -1000) - 2, max: (c.maximum ?? 1000) + 2 });
        break;
      case 'number':
        shaped = fc.double({ min: (c.minimum ?? -1000) - 1, max: (c.maximum ?? 1000) + 1 });
        break;
      case 'boolean':
        shaped = fc.boolean();
        break;
      case 'string':
        shaped = c.pattern
          ? fc.oneof(fc.stringMatching(new RegExp(c.pattern)), fc.string())
          : c.format === 'uuid'
            ? fc.oneof(fc.uuid(), fc.string())
            : fc.string({ unit: 'grapheme', maxLength: (c.maxLength ?? 50) + 2 });
        break;
      default:
        shaped = fc.jsonValue({ maxDepth: 3 });
    }
  return fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: junk });
}

/** Every bad request for one operation; `foreign` names ids of what belongs to someone else. */
export function fuzzCases(
  op: Operation,
  known: Known,
  options: {
    seed: number;
    randomRuns: number;
    foreign?: (name: string, op: Operation) => string | undefined;
  },
): {
  valid: { path: Record<string, string>; query: string; body: string | Uint8Array | null };
  cases: FuzzCase[];
} {
  const { seed, randomRuns } = options;
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const path = Object.fromEntries(
    pathParams.map((p) => [p.name, encodeURIComponent(String(exampleOf(p.schema, p.name, op, known, seed)))]),
  );
  const queryOf = (values: Record<string, string>) =>
    Object.entries(values)
      .map(([k, v]) => `${k}=${v}`)
      .join('&');
  // Optional query parameters are sent only where `known` gives a value (a made-up cursor would be junk already).
  const validQuery: Record<string, string> = {};
  for (const p of queryParams) {
    const value = p.required ? exampleOf(p.schema, p.name, op, known, seed) : known(p.name, p.schema, op);
    if (value !== undefined) validQuery[p.name] = encodeURIComponent(String(value));
  }
  const query = queryOf(validQuery);
  const bodySchema = op.body?.kind === 'json' ? op.body.schema : null;
  // The body itself is asked of `known` by the empty name: a realistic whole body, or a file for a bytes route.
  const validBody = bodySchema ? exampleOf(bodySchema, '', op, known, seed) : null;
  const validBodyText = op.body?.kind === 'json' ? toJson(validBody) : null;
  const file = known('', {}, op);
  const validFile = file instanceof Uint8Array ? file : String(file ?? '');

  const cases: FuzzCase[] = [];
  for (const p of pathParams)
    for (const [label, value] of badPathValues(path[p.name]!, options.foreign?.(p.name, op)))
      cases.push({ mutation: `path ${p.name}: ${label}`, path: { [p.name]: value } });
  for (const p of queryParams) {
    for (const [label, value] of badQueryValues(p.schema))
      cases.push({
        mutation: `query ${p.name}: ${label}`,
        query: queryOf({ ...validQuery, [p.name]: value }),
      });
    cases.push({
      mutation: `query ${p.name}: given twice`,
      query: `${queryOf(validQuery)}&${p.name}=1&${p.name}=2`,
    });
    if (p.required !== true)
      cases.push({
        mutation: `query ${p.name}: left out`,
        query: queryOf(Object.fromEntries(Object.entries(validQuery).filter(([k]) => k !== p.name))),
      });
  }
  cases.push({ mutation: 'query: unknown parameter', query: `${query}${query ? '&' : ''}zzz=1&__proto__=x` });

  if (op.body?.kind === 'bytes') cases.push(...byteBodies(seed, randomRuns));
  if (bodySchema && validBodyText !== null) {
    cases.push(...malformedBodies(validBodyText));
    for (const field of fieldPaths(bodySchema)) {
      const name = field.path.join('.');
      const example =
        valueAt(validBody, field.path) ?? exampleOf(field.schema, String(field.path.at(-1)), op, known, seed);
      cases.push({
        mutation: `body ${name}: left out`,
        body: toJson(withValue(validBody, field.path, remove)),
      });
      for (const [label, value] of badValuesFor(field.schema, example))
        cases.push({
          mutation: `body ${name}: ${label}`,
          body: toJson(withValue(validBody, field.path, value)),
        });
      if (typeOf(concrete(field.schema)) === 'object')
        cases.push({
          mutation: `body ${name}: unknown field`,
          body: toJson(withValue(validBody, [...field.path, 'zzzUnknown'], 1)),
        });
    }
    cases.push({
      mutation: 'body: unknown field',
      body: toJson(withValue(validBody, ['zzzUnknown'], 'x'.repeat(1000))),
    });
    fc.sample(arbitraryOf(bodySchema), { numRuns: randomRuns, seed }).forEach((value, i) => {
      cases.push({ mutation: `body: random #${i} ${toJson(value).slice(0, 60)}`, body: toJson(value) });
    });
  }
  // Last: with the valid request and good parameters, these may get through and use up what the path names.
  cases.push(...headerCases);
  return { valid: { path, query, body: op.body?.kind === 'bytes' ? validFile : validBodyText }, cases };
}
