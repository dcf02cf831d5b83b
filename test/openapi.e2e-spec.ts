import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { getMetadataStorage } from 'class-validator';
import { buildOpenApiDocument } from '../src/create-api.js';
import { nestRoutes, splitRoute } from './support/authz-matrix.js';
import { createTestContext, type TestContext } from './support/test-app.js';

const FILE = new URL('../openapi.json', import.meta.url);
/** The web console's typed client (openapi-fetch) reads its types from this file, generated from openapi.json. */
const CONSOLE_SCHEMA = new URL('../src/web/console/api/schema.d.ts', import.meta.url);
const OPENAPI_TYPESCRIPT = new URL('../node_modules/openapi-typescript/bin/cli.js', import.meta.url).pathname;

/** What openapi-typescript makes of the document (its CLI, as a developer would run it). */
function consoleSchemaOf(documentFile: string): string {
  const out = spawnSync(process.execPath, [OPENAPI_TYPESCRIPT, documentFile], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (out.status !== 0) throw new Error(`openapi-typescript failed: ${out.stderr}`);
  return out.stdout;
}

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
}
type Document = { paths: Record<string, Record<string, { parameters?: Parameter[] }>>; components?: { securitySchemes?: Record<string, unknown> } };

/** "name (required|optional)" for each parameter, sorted: what the code reads vs what the contract says. */
type Params = string[];
const show = (name: string, required: boolean) => `${name} (${required ? 'required' : 'optional'})`;

/**
 * The query parameters a handler reads, from its own metadata: `@Query('name')` reads one (required unless
 * it has a default), `@Query() dto: SomeQuery` reads the DTO's validated properties (optional when
 * `@IsOptional()` / `@ValidateIf()`; any other property is refused by the validation pipe, so it is no parameter).
 */
function queryParamsOfHandler(controller: Function, handler: string): Params {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler) ?? {}) as Record<string, { index: number; data?: unknown }>;
  const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, handler) ?? []) as Function[];
  const out: Params = [];
  for (const [key, arg] of Object.entries(args)) {
    if (Number(key.split(':')[0]) !== RouteParamtypes.QUERY) continue;
    if (typeof arg.data === 'string') {
      out.push(show(arg.data, true));
      continue;
    }
    const dto = types[arg.index];
    if (!dto || dto === Object) throw new Error(`${controller.name}.${handler}: @Query() without a DTO class: the parameters cannot be known`);
    const metas = getMetadataStorage().getTargetValidationMetadatas(dto, '', false, false);
    const props = new Set(metas.map((m) => m.propertyName));
    for (const p of props) {
      const optional = metas.some((m) => m.propertyName === p && m.type === 'conditionalValidation');
      out.push(show(p, !optional));
    }
  }
  return out.sort();
}

/** The path parameters of a route pattern ("/councils/:councilId/x" → councilId), all required. */
const pathParamsOf = (pattern: string): Params => [...pattern.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => show(m[1]!, true)).sort();
const toOpenApiPath = (pattern: string) => pattern.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** The committed openapi.json is the API contract: it must match what the code serves. `npm run openapi` rewrites it. */
describe('openapi.json', () => {
  let ctx: TestContext;
  let doc: Document;
  beforeAll(async () => {
    ctx = await createTestContext();
    doc = buildOpenApiDocument(ctx.app) as unknown as Document;
  });
  afterAll(() => ctx.close());

  it('is in step with the code', async () => {
    const generated = `${JSON.stringify(buildOpenApiDocument(ctx.app), null, 2)}\n`;
    if (process.env.UPDATE_OPENAPI === '1') {
      await writeFile(FILE, generated);
      return;
    }
    const committed = await readFile(FILE, 'utf8').catch(() => '');
    expect(committed).toBe(generated); // if this fails: run `npm run openapi` and commit openapi.json
  });

  it("is what the web console's typed client is generated from (src/web/console/api/schema.d.ts)", async () => {
    const generated = consoleSchemaOf(fileURLToPath(FILE));
    if (process.env.UPDATE_OPENAPI === '1') {
      await writeFile(CONSOLE_SCHEMA, generated);
      return;
    }
    const committed = await readFile(CONSOLE_SCHEMA, 'utf8').catch(() => '');
    expect(committed === generated).toBe(true); // if this fails: run `npm run openapi` and commit src/web/console/api/schema.d.ts
  });

  /**
   * A client generated from the contract must be able to call every route: every query and path parameter
   * the code reads is documented, with the right `required`, and nothing the code does not read is.
   * Headers: no handler reads one of its own (no @Headers()); the Authorization header the guard reads is the
   * document's bearer security scheme, checked below.
   */
  it('documents exactly the query and path parameters each handler reads, with the right required', () => {
    const disagreements: Record<string, { code: { query: Params; path: Params; header: Params }; contract: { query: Params; path: Params; header: Params } }> =
      {};
    for (const [route, { controller, handler }] of nestRoutes(ctx.app)) {
      const { method, pattern } = splitRoute(route);
      const operation = doc.paths[toOpenApiPath(pattern)]?.[method.toLowerCase()];
      const documented = (where: Parameter['in']) =>
        (operation?.parameters ?? [])
          .filter((p) => p.in === where)
          .map((p) => show(p.name, p.required === true))
          .sort();
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler) ?? {}) as Record<string, unknown>;
      const headers = Object.keys(args).some((k) => Number(k.split(':')[0]) === RouteParamtypes.HEADERS) ? ['(a @Headers() argument)'] : [];
      const code = { query: queryParamsOfHandler(controller, handler), path: pathParamsOf(pattern), header: headers };
      const contract = { query: documented('query'), path: documented('path'), header: documented('header') };
      if (!operation || JSON.stringify(code) !== JSON.stringify(contract)) disagreements[route] = { code, contract };
    }
    expect(disagreements).toEqual({});
  });

  it('documents the bearer token the guard reads', () => {
    expect(doc.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});
