import { type AuthzFixtures } from '../authz-fixtures.js';
import { freshMeeting } from './meetings.js';
import { type MatrixEntry, type MatrixRequest, s, SECRETARIAT_ONLY, uniq } from './shared.js';

/** The authorization matrix (see index.ts for its columns): Meeting papers. */

// ───────────────────────────── meeting papers: read by the council's members, uploaded by the item's presenter (own) or the secretariat ─────────────────────────────

const PAPER_PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
const paperUpload = (f: AuthzFixtures): MatrixRequest['multipart'] => ({
  fields: { language: 'es', title: `Paper ${uniq(f)}` },
  file: { field: 'file', content: PAPER_PDF, filename: 'paper.pdf', contentType: 'application/pdf' },
});

/** A fresh meeting of council A with an item presented by Y (the owner delegation). */
async function freshPaperItem(f: AuthzFixtures): Promise<{ meetingId: string; itemId: string }> {
  const { meetingId } = await freshMeeting(f);
  const res = await f.ctx
    .http()
    .post(`/councils/${f.A.councilId}/meetings/${meetingId}/agenda/items`)
    .send({ title: { es: `Punto ${f.unique()}` }, purpose: 'information', presenterParticipantId: f.A.Y.participantId });
  if (res.status !== 201) throw new Error(`paper fixture (item): ${res.status} ${JSON.stringify(res.body)}`);
  return { meetingId, itemId: res.body.id as string };
}

/** A paper (visibility members) on a fresh item presented by Y, uploaded by the operator. */
async function freshPaper(f: AuthzFixtures): Promise<{ meetingId: string; itemId: string; documentId: string }> {
  const { meetingId, itemId } = await freshPaperItem(f);
  const up = paperUpload(f)!;
  const res = await f.ctx
    .http()
    .post(`/councils/${f.A.councilId}/meetings/${meetingId}/agenda/items/${itemId}/documents`)
    .field('language', 'es')
    .field('title', up.fields.title!)
    .attach('file', up.file.content, { filename: up.file.filename, contentType: up.file.contentType });
  if (res.status !== 201) throw new Error(`paper fixture (upload): ${res.status} ${JSON.stringify(res.body)}`);
  return { meetingId, itemId, documentId: res.body.id as string };
}

/** A fresh meeting of council A whose minutes are approved (straight in the database), so its documents may be published. */
async function meetingWithApprovedMinutes(f: AuthzFixtures): Promise<{ meetingId: string }> {
  const { meetingId } = await freshMeeting(f);
  await f.ctx.db.query(
    `INSERT INTO minutes (council_id, meeting_id, status, content, circulated_at, comment_deadline, approved_at)
     VALUES ($1, $2, 'approved', '{}', now() - interval '2 days', now() - interval '1 day', now())`,
    [f.A.councilId, meetingId],
  );
  return { meetingId };
}

/** Papers are for the council's members: every delegation (observers too), the secretariat, the administrator. */
const PAPER_READERS = s(200, 200, 200, 200, 200, 403, 200, 401);

export const documentsRoutes: Record<string, MatrixEntry> = {
  'POST /councils/:councilId/meetings/:meetingId/agenda/items/:itemId/documents': {
    request: async (f) => ({ params: await freshPaperItem(f), multipart: paperUpload(f) }),
    // The presenter's delegates (own scope: others get 404, as for any own-scoped row) and the secretariat.
    expect: s(201, 404, 404, 404, 201, 403, 403, 401),
  },
  'GET /councils/:councilId/meetings/:meetingId/agenda/items/:itemId/documents': {
    request: async (f) => {
      const { meetingId, itemId } = await freshPaper(f);
      return { params: { meetingId, itemId } };
    },
    expect: PAPER_READERS,
  },
  'GET /councils/:councilId/meetings/:meetingId/documents': {
    request: async (f) => ({ params: { meetingId: (await freshPaper(f)).meetingId } }),
    expect: PAPER_READERS,
  },
  'POST /councils/:councilId/meetings/:meetingId/documents/publish': {
    request: async (f) => ({ params: await meetingWithApprovedMinutes(f) }),
    expect: SECRETARIAT_ONLY(200),
  },
  'GET /councils/:councilId/documents/:documentId': {
    request: async (f) => ({ params: { documentId: (await freshPaper(f)).documentId } }),
    expect: PAPER_READERS,
  },
  'GET /councils/:councilId/documents/:documentId/versions': {
    request: async (f) => ({ params: { documentId: (await freshPaper(f)).documentId } }),
    expect: PAPER_READERS,
  },
  'GET /councils/:councilId/documents/:documentId/content': {
    request: async (f) => ({ params: { documentId: (await freshPaper(f)).documentId } }),
    expect: PAPER_READERS,
  },
  'PATCH /councils/:councilId/documents/:documentId': {
    request: async (f) => ({ params: { documentId: (await freshPaper(f)).documentId }, body: { version: 1, visibility: 'member_states' } }),
    expect: SECRETARIAT_ONLY(200),
  },
};
