import 'reflect-metadata';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamicModule, ForwardReference, Provider, Type } from '@nestjs/common';
import { AppModule } from '../app.module.js';
import { WorkerModule } from '../worker.module.js';
import { loadConfig } from './config/app-config.js';

/**
 * The module graph, read from Nest's metadata over every module the API (AppModule) and the worker (WorkerModule)
 * reach: each provider class has one owner module (the module of its folder), which exports it to the modules that
 * need it; the worker runs the same domain modules as the API; every module file is wired in.
 */
const repo = join(import.meta.dirname, '..', '..');

type Imported = Type | DynamicModule | Promise<DynamicModule> | ForwardReference;

interface ModuleNode {
  module: Type;
  imports: Imported[];
  providers: Provider[];
  exports: unknown[];
}

function node(imported: Imported): ModuleNode {
  const ref = 'forwardRef' in imported ? (imported as ForwardReference).forwardRef() : imported;
  if (typeof ref === 'function') {
    const meta = (key: string): never[] => (Reflect.getMetadata(key, ref) as never[] | undefined) ?? [];
    return { module: ref as Type, imports: meta('imports'), providers: meta('providers'), exports: meta('exports') };
  }
  const dynamic = ref as DynamicModule;
  const own = node(dynamic.module);
  return {
    module: dynamic.module,
    imports: [...own.imports, ...(dynamic.imports ?? [])],
    providers: [...own.providers, ...(dynamic.providers ?? [])],
    exports: [...own.exports, ...(dynamic.exports ?? [])],
  };
}

/** Every module reachable from the root, once each (a dynamic module's metadata merged with its class's). */
function reachable(root: DynamicModule): Map<Type, ModuleNode> {
  const seen = new Map<Type, ModuleNode>();
  const visit = (imported: Imported) => {
    const n = node(imported);
    const known = seen.get(n.module);
    if (known) {
      // The same module imported as a class and as forRoot(): keep what each adds.
      known.providers.push(...n.providers.filter((p) => !known.providers.includes(p)));
      known.exports.push(...n.exports.filter((e) => !known.exports.includes(e)));
      return;
    }
    seen.set(n.module, n);
    n.imports.filter(Boolean).forEach(visit);
  };
  visit(root);
  return seen;
}

/** The classes a module declares as providers (`useClass` included; values, factories and aliases are not classes). */
function providerClasses(providers: Provider[]): Type[] {
  return providers.flatMap((p) => (typeof p === 'function' ? [p] : 'useClass' in p ? [p.useClass] : []));
}

function sourceFiles(folder: string, suffix: string): string[] {
  return (readdirSync(join(repo, folder), { recursive: true }) as string[]).filter((f) => f.endsWith(suffix)).map((f) => join(folder, f));
}

/** The module classes src/ declares: `export class XModule` in each *.module.ts. */
const declaredModules = sourceFiles('src', '.module.ts').flatMap((file) =>
  [...readFileSync(join(repo, file), 'utf8').matchAll(/export class (\w+Module)\b/g)].map((m) => ({ file, name: m[1]! })),
);

const config = loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/db' });
const api = reachable(AppModule.forRoot(config));
const worker = reachable(WorkerModule.forRoot(config));
const all = new Map([...api, ...worker]);
const ours = [...all.values()].filter((n) => declaredModules.some((d) => d.name === n.module.name));

describe('module graph', () => {
  it('no provider class is listed in two modules’ providers (one owner each; others import it)', () => {
    const owners = new Map<Type, string[]>();
    for (const n of ours) for (const cls of providerClasses(n.providers)) owners.set(cls, [...(owners.get(cls) ?? []), n.module.name]);
    const duplicated = [...owners].filter(([, modules]) => modules.length > 1).map(([cls, modules]) => `${cls.name}: ${modules.join(', ')}`);
    expect(duplicated).toEqual([]);
  });

  it('every module src/ declares is imported by the API or the worker', () => {
    const wired = new Set(ours.map((n) => n.module.name));
    expect(declaredModules.filter((d) => !wired.has(d.name)).map((d) => `${d.name} (${d.file})`)).toEqual([]);
  });

  it('the worker runs the same domain modules as the API (no worker-only copies of them)', () => {
    expect(sourceFiles('src', '-worker.module.ts')).toEqual([]);
    const workerModules = new Set(worker.keys());
    // The API's root, and its HTTP-only health probes.
    const httpOnly = ['AppModule', 'HealthModule', 'TerminusModule'];
    const missing = [...api.values()].filter((n) => !workerModules.has(n.module) && !httpOnly.includes(n.module.name)).map((n) => n.module.name);
    expect(missing).toEqual([]);
  });

  it('a repository other modules may import (eslint/module-boundary.js) is exported by the module that provides it', () => {
    const lint = readFileSync(join(repo, 'eslint', 'module-boundary.js'), 'utf8');
    const list = /SHARED_REPOSITORIES = \[([\s\S]*?)\];/.exec(lint)?.[1] ?? '';
    const shared = [...list.matchAll(/'([^']+\.repository\.ts)'/g)].map((m) => m[1]!);
    expect(shared.length).toBeGreaterThan(0);
    const problems = shared.flatMap((file) => {
      const name = /export class (\w+)/.exec(readFileSync(join(repo, file), 'utf8'))?.[1];
      const owner = ours.find((n) => providerClasses(n.providers).some((cls) => cls.name === name));
      if (!owner) return [`${file}: ${name ?? 'no class'} is provided by no module`];
      return owner.exports.some((e) => typeof e === 'function' && e.name === name) ? [] : [`${file}: ${owner.module.name} does not export ${name}`];
    });
    expect(problems).toEqual([]);
  });
});
