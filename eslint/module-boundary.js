import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The import boundary between domain modules (src/modules/<domain>/): a `*.repository.ts` is imported only from
 * inside its own domain folder. Another domain reads through what the owning Nest module exports — its services,
 * or the few repositories listed below, each of which its module exports (src/core/module-graph.spec.ts checks
 * that), so the rule reads: import another module's repository only if that module exports it.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MODULES = path.join(ROOT, 'src', 'modules');

/** Repositories other domains may import, each exported by its module (who imports it, in the comment). */
export const SHARED_REPOSITORIES = [
  // "Is this body / delegation / meeting … in the council?", "who presides at t?": the one place for such reads.
  'src/modules/councils/council-references.repository.ts',
  // The council itself (its settings, working languages): identity, delegations, participants.
  'src/modules/councils/councils.repository.ts',
  // A participant's delegation: participants.
  'src/modules/delegations/delegations.repository.ts',
  // Who is told (audiences in the recipient's language): the notification kinds of meetings, minutes, silence,
  // action items, the handover timeline and the transfer.
  'src/modules/notifications/recipients.repository.ts',
  // The agenda a progress report is attached to: progress.
  'src/modules/meetings/agenda/agenda.repository.ts',
];

/** Not Nest modules, so outside the boundary: the demo seeder writes the demo council through the repositories. */
export const BOUNDARY_EXEMPT = ['src/modules/seed/'];

const relative = (file) => path.relative(ROOT, file).split(path.sep).join('/');

/** The domain folder a file is in (`meetings` for src/modules/meetings/agenda/x.ts), or null outside src/modules. */
function domainOf(file) {
  const rel = path.relative(MODULES, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? null : rel.split(path.sep)[0];
}

/** @type {import('eslint').Rule.RuleModule} */
const moduleBoundary = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      internal:
        '{{target}} belongs to the {{domain}} module: import it only from src/modules/{{domain}}/, or read through what that module exports ' +
        '(eslint/module-boundary.js lists the repositories a module exports to others).',
    },
  },
  create(context) {
    const file = context.filename;
    if (BOUNDARY_EXEMPT.some((folder) => relative(file).startsWith(folder))) return {};
    const from = domainOf(file);
    const check = (node) => {
      const source = node?.type === 'Literal' ? node.value : undefined;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), source).replace(/\.js$/, '.ts');
      const domain = domainOf(target);
      if (!domain || domain === from || !target.endsWith('.repository.ts')) return;
      const rel = relative(target);
      if (!SHARED_REPOSITORIES.includes(rel)) context.report({ node, messageId: 'internal', data: { target: rel, domain } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export const moduleBoundaryPlugin = { rules: { 'repository-boundary': moduleBoundary } };
