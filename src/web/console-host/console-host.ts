import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../../core/http/http-exception.filter.js';

/** Where the console is served; the set-password page (src/web/set-password) lives under it too. */
export const CONSOLE_PATH = '/app/';
const IMMUTABLE = 'public, max-age=31536000, immutable';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

interface ConsoleFile {
  body: Buffer;
  contentType: string;
  etag: string;
  cacheControl: string;
}

/**
 * The built console (`npm run build:console` → dist/console): beside the compiled server
 * (dist/src/web/console-host → dist/console), or, when the server runs from source (tests), in dist/
 * of the project.
 */
export function consoleDirectory(): string | undefined {
  const up = new URL('../../../', import.meta.url);
  return [new URL('console/', up), new URL('dist/console/', up)].map((u) => fileURLToPath(u)).find((dir) => existsSync(join(dir, 'index.html')));
}

/** Every file of the build, read once at start-up (a few hundred kB), by its path under /app/. */
function loadFiles(root: string): Map<string, ConsoleFile> {
  const files = new Map<string, ConsoleFile>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      // Not served: dot-files and folders (Vite's .vite/manifest.json).
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      const rel = relative(root, path).split(sep).join('/');
      const body = readFileSync(path);
      const ext = name.slice(name.lastIndexOf('.'));
      files.set(rel, {
        body,
        contentType: CONTENT_TYPES[ext] ?? 'application/octet-stream',
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
        // Vite names the files of assets/ by a hash of their content: cached for good. The rest is revalidated.
        cacheControl: rel.startsWith('assets/') ? IMMUTABLE : 'no-cache',
      });
    }
  };
  walk(root);
  return files;
}

const notBuilt = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Console not built</title></head>
<body><main><h1>The web console is not built</h1><p>Run <code>npm run build</code> (or <code>npm run build:console</code>), then restart.</p></main></body></html>`;

/**
 * The web console at /app/: its built files (hashed assets cached for a year, everything else
 * revalidated by ETag), and index.html for every other GET under /app/ (deep links of the single-page
 * app; a missing file — a last segment with a dot, or under assets/ — is a 404 instead). The files are
 * held in memory from start-up, so that a rebuild while the server runs (a `nest build` empties dist/)
 * cannot break the pages already open. Plain Fastify routes, open to anyone: the app holds no data; it
 * calls the API with the person's token. The API's CSP applies (Vite emits only same-origin module
 * scripts, no inline script). More specific routes under /app/ (the set-password page) win over the
 * fallback. Call before the application is initialised.
 */
export function mountConsole(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const root = consoleDirectory();
  const files = root ? loadFiles(root) : new Map<string, ConsoleFile>();
  const index = files.get('index.html');

  const send = (request: FastifyRequest, reply: FastifyReply, file: ConsoleFile) => {
    void reply.header('content-type', file.contentType).header('cache-control', file.cacheControl).header('etag', file.etag);
    if (request.headers['if-none-match'] === file.etag) void reply.code(304).send();
    else void reply.send(file.body);
  };
  const sendIndex = (request: FastifyRequest, reply: FastifyReply) => {
    if (index) send(request, reply, index);
    else void reply.code(503).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(notBuilt);
  };

  fastify.get('/app', (_request: FastifyRequest, reply: FastifyReply) => void reply.redirect(CONSOLE_PATH, 302));
  fastify.get(CONSOLE_PATH, sendIndex);
  fastify.get(`${CONSOLE_PATH}*`, (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0]!.slice(CONSOLE_PATH.length);
    const file = files.get(path);
    if (file && path !== 'index.html') {
      send(request, reply, file);
      return;
    }
    const last = path.slice(path.lastIndexOf('/') + 1);
    if (path.startsWith('assets/') || last.includes('.')) {
      void reply.code(404).send(errorBody(404, 'no such file of the web console', String(request.id)));
      return;
    }
    sendIndex(request, reply);
  });
}
