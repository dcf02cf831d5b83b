import { readFileSync } from 'node:fs';

/**
 * The operations of the committed OpenAPI document, with what a fuzzer needs
 * of each: its route as Fastify knows it ("METHOD /a/:b", the key of the
 * authorization matrix), its parameters and the fields of its JSON body,
 * `$ref` and `allOf` resolved.
 */
export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  nullable?: boolean;
  additionalProperties?: boolean | Schema;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

export interface Param {
  name: string;
  required: boolean;
  schema: Schema;
}

/** A field of the body, by its path from the root (array items as index 0). */
export interface BodyField {
  path: (string | number)[];
  schema: Schema;
  required: boolean;
}

export interface Operation {
  /** "METHOD /path/:param", as the authorization matrix names routes. */
  route: string;
  method: string;
  operationId: string;
  tag: string;
  pathParams: Param[];
  queryParams: Param[];
  /** The resolved body schema, or undefined when the operation takes no body. */
  body: Schema | undefined;
  bodyFields: BodyField[];
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      { operationId: string; tags?: string[]; parameters?: (Param & { in: string })[]; requestBody?: { content: Record<string, { schema: Schema }> } }
    >
  >;
  components: { schemas: Record<string, Schema> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function loadOperations(file = new URL('../../../openapi.json', import.meta.url)): Operation[] {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
  const resolve = (s: Schema | undefined, depth = 0): Schema => {
    if (!s || depth > 10) return {};
    if (s.$ref) return resolve(doc.components.schemas[s.$ref.replace('#/components/schemas/', '')], depth + 1);
    if (s.allOf) {
      const merged = s.allOf.map((x) => resolve(x, depth + 1)).reduce<Schema>((a, b) => ({ ...a, ...b, properties: { ...a.properties, ...b.properties } }), {});
      const { allOf: _allOf, ...rest } = s;
      return { ...merged, ...rest, properties: merged.properties && Object.keys(merged.properties).length ? merged.properties : undefined };
    }
    return s;
  };
  const fieldsOf = (schema: Schema, prefix: (string | number)[], depth: number): BodyField[] => {
    const out: BodyField[] = [];
    for (const [name, raw] of Object.entries(schema.properties ?? {})) {
      const s = resolve(raw);
      const path = [...prefix, name];
      out.push({ path, schema: s, required: (schema.required ?? []).includes(name) });
      if (depth >= 3) continue;
      if (s.properties) out.push(...fieldsOf(s, path, depth + 1));
      const items = s.type === 'array' ? resolve(s.items) : undefined;
      if (items?.properties) out.push(...fieldsOf(items, [...path, 0], depth + 1));
    }
    return out;
  };

  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params = op.parameters ?? [];
      const bodySchema = op.requestBody?.content['application/json']?.schema;
      const body = bodySchema ? resolve(bodySchema) : undefined;
      ops.push({
        route: `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
        method: method.toUpperCase(),
        operationId: op.operationId,
        tag: op.tags?.[0] ?? 'untagged',
        pathParams: params.filter((p) => p.in === 'path').map((p) => ({ name: p.name, required: true, schema: resolve(p.schema) })),
        queryParams: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: p.required, schema: resolve(p.schema) })),
        body,
        bodyFields: body ? fieldsOf(body, [], 0) : [],
      });
    }
  }
  return ops;
}
