// The order in which Jest starts the test files. With a few workers, a long file started last stretches the
// whole run (the other workers sit idle while it finishes), so the longest files go first. Jest's own order
// uses the durations of the previous run on this machine, and without them (a fresh CI machine) the file
// size, which says little here: the authorization matrix, a small file, runs longer than most large ones. So a file
// without a duration from a previous run takes its estimate below (seconds in a whole run on a 2-core machine,
// to be refreshed when a file becomes much longer or shorter); a file in neither goes after them, larger first.
// Files that failed in the previous run still go first, as with Jest's own order.
const Sequencer = require('@jest/test-sequencer').default;
const path = require('node:path');

const ESTIMATES = {
  fuzz: 140,
  'authorization-matrix': 125,
  'notifications-sigkill': 120,
  'console-delegate': 105,
  'presidency-transfer': 85,
  'console-scheduling': 70,
  'console-session': 70,
  'console-journey': 65,
  'silence-procedure': 60,
  'console-presidency': 60,
  'meeting-reminders': 55,
  'scale-out': 50,
  'console-agenda': 50,
  'console-minutes': 50,
  'console-meetings': 45,
  documents: 45,
  'mass-assignment': 40,
  'notifications-reliability': 40,
  'set-password-page': 35,
  'notifications-reminders': 35,
  'audit-coverage': 30,
  minutes: 30,
  'queue-and-mail': 30,
  'meeting-pack': 25,
  'printable-pdfs': 25,
  metrics: 20,
  'notifications-dst': 20,
};

class LongestFirstSequencer extends Sequencer {
  sort(tests) {
    const size = new Map();
    const sizeOf = (t) => {
      if (!size.has(t.path)) size.set(t.path, t.context.hasteFS.getSize(t.path) ?? 0);
      return size.get(t.path);
    };
    const estimate = (t) => {
      const cached = this.time(t);
      if (cached != null) return cached;
      const seconds = ESTIMATES[path.basename(t.path).replace(/\.(e2e-spec|spec)\.ts$/, '')];
      return seconds === undefined ? null : seconds * 1000;
    };
    for (const t of tests) t.duration = estimate(t) ?? undefined;
    return tests.sort((a, b) => {
      const failedA = this.hasFailed(a);
      const failedB = this.hasFailed(b);
      if (failedA !== failedB) return failedA ? -1 : 1;
      const da = a.duration ?? null;
      const db = b.duration ?? null;
      if ((da === null) !== (db === null)) return da === null ? 1 : -1;
      if (da !== null && db !== null && da !== db) return db - da;
      return sizeOf(b) - sizeOf(a);
    });
  }
}

module.exports = LongestFirstSequencer;
