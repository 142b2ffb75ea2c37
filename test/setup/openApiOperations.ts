import fc from 'fast-check';

// What an OpenAPI 3.1 document says an operation takes, and values its schemas accept, for the fuzzer (fuzzCases.ts).

/** The part of JSON Schema the API's zod schemas produce. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  default?: unknown;
};

type Parameter = { name: string; in: string; required?: boolean; schema: JsonSchema };

/** One operation of the document, with what it takes. */
export type Operation = {
  method: string;
  /** The template, e.g. /projects/{id}/items. */
  path: string;
  tags: string[];
  params: Parameter[];
  body: { kind: 'json'; schema: JsonSchema } | { kind: 'bytes' } | null;
};

/** A realistic value for a parameter or body field (a fixture id, a known address), or undefined for a made-up one. */
export type Known = (name: string, schema: JsonSchema, op: Operation) => unknown;

/** Reads the operations of an OpenAPI document. */
export function operationsOf(doc: {
  paths: Record<string, Record<string, Record<string, unknown>>>;
}): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, spec] of Object.entries(methods)) {
      const content = (spec.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)
        ?.content;
      const jsonBody = content?.['application/json'];
      ops.push({
        method: method.toUpperCase(),
        path,
        tags: (spec.tags as string[] | undefined) ?? [],
        params: (spec.parameters as Parameter[] | undefined) ?? [],
        body: jsonBody ? { kind: 'json', schema: jsonBody.schema } : content ? { kind: 'bytes' } : null,
      });
    }
  return ops;
}

/** The JSON type a schema describes (a union's first variant's). */
export const typeOf = (s: JsonSchema): string | undefined => {
  if (Array.isArray(s.type)) return s.type.find((t) => t !== 'null');
  if (s.type) return s.type;
  const variant = s.oneOf?.[0] ?? s.anyOf?.[0];
  return variant ? typeOf(variant) : undefined;
};
/** The schema to descend into: the first variant of a union. */
export const concrete = (s: JsonSchema): JsonSchema => s.oneOf?.[0] ?? s.anyOf?.[0] ?? s;

/** A value the schema accepts (as far as the schema alone says), preferring what `known` knows. */
export function exampleOf(s: JsonSchema, name: string, op: Operation, known: Known, seed = 1): unknown {
  const k = known(name, s, op);
  if (k !== undefined) return k;
  if (s.default !== undefined) return s.default;
  if (s.enum) return s.enum[0];
  const c = concrete(s);
  switch (typeOf(c)) {
    case 'object':
      return Object.fromEntries(
        Object.entries(c.properties ?? {})
          .filter(([key]) => c.required?.includes(key))
          .map(([key, v]) => [key, exampleOf(v, key, op, known, seed)]),
      );
    case 'array':
      return c.items && c.minItems
        ? Array.from({ length: c.minItems }, () => exampleOf(c.items!, name, op, known, seed))
        : [];
    case 'integer':
    case 'number':
      return Math.min(Math.max(c.minimum ?? 1, 1), c.maximum ?? Number.MAX_SAFE_INTEGER);
    case 'boolean':
      return true;
    case 'string':
      if (c.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (c.format === 'date-time') return '2099-01-01T00:00:00Z';
      if (c.pattern) return fc.sample(fc.stringMatching(new RegExp(c.pattern)), { numRuns: 1, seed })[0];
      return 'fuzz value'.padEnd(c.minLength ?? 0, 'x');
    default:
      return 'fuzz';
  }
}
