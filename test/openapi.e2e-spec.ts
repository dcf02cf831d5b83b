import { readFile, writeFile } from 'node:fs/promises';
import { buildOpenApiDocument } from '../src/core/http/create-api.js';
import { createTestContext, type TestContext } from './support/test-app.js';

const FILE = new URL('../openapi.json', import.meta.url);

/** The committed openapi.json is the API contract: it must match what the code serves. `npm run openapi` rewrites it. */
describe('openapi.json', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
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
});
