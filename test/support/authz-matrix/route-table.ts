import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** The routes the running app serves, as Nest and Fastify know them (every one needs a matrix entry). */

const NEST_METHODS: Partial<Record<RequestMethod, string>> = {
  [RequestMethod.GET]: 'GET',
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.DELETE]: 'DELETE',
  [RequestMethod.PATCH]: 'PATCH',
  [RequestMethod.OPTIONS]: 'OPTIONS',
  [RequestMethod.HEAD]: 'HEAD',
  [RequestMethod.ALL]: 'ALL',
  [RequestMethod.SEARCH]: 'SEARCH',
};

function joinPath(...parts: string[]): string {
  const joined = `/${parts
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter((p) => p !== '')
    .join('/')}`;
  return joined;
}

const asArray = (v: string | string[] | undefined): string[] => (v === undefined ? ['/'] : Array.isArray(v) ? v : [v]);

/**
 * Every route Nest mapped, as "METHOD /path", from the controllers' metadata
 * (the same metadata Nest's router explorer reads), with the controller class
 * and method name behind it.
 */
export function nestRoutes(app: NestFastifyApplication): Map<string, { controller: Function; handler: string }> {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const routes = new Map<string, { controller: Function; handler: string }>();
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as Function | undefined;
    if (!controller || !wrapper.instance) continue;
    const prefixes = asArray(Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined);
    const proto = Object.getPrototypeOf(wrapper.instance) as object;
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = (proto as Record<string, unknown>)[name] as Function;
      const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (paths === undefined || method === undefined) continue;
      for (const prefix of prefixes) {
        for (const p of asArray(paths)) {
          routes.set(`${NEST_METHODS[method] ?? `METHOD_${method}`} ${joinPath(prefix, p)}`, { controller, handler: name });
        }
      }
    }
  }
  return routes;
}

/**
 * Every (method, url) Fastify serves, read from its route tree
 * (`printRoutes({ commonPrefix: false })`): catches routes registered outside
 * Nest's controllers too (plugins, Swagger, CORS).
 */
export function fastifyRoutes(app: NestFastifyApplication): Set<string> {
  const tree = app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
  const routes = new Set<string>();
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const marker = line.indexOf('── ');
    if (marker < 0) continue;
    const depth = Math.round((marker - 1) / 4);
    const rest = line.slice(marker + 3);
    const m = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(rest);
    if (!m) throw new Error(`unreadable route tree line: ${line}`);
    stack.length = depth;
    stack.push(m[1]!);
    const url = stack.join('');
    for (const method of (m[2] ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean))
      routes.add(`${method} ${url}`);
  }
  if (routes.size === 0) throw new Error(`no route read from Fastify's route tree:\n${tree}`);
  return routes;
}

/** Swagger UI and the OpenAPI document: tested elsewhere (test/openapi). */
export const isDocsRoute = (route: string) => /^[A-Z]+ \/docs/.test(route);
