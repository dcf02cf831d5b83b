import type { AcknowledgementResponse, DossierResponse } from './dto/dossier.response.js';
import { type AcknowledgementRow, type DossierRow } from './dossier.repository.js';
import { iso } from '../../../core/http/iso.js';

/** Dossiers and their acknowledgements as the API answers them. */
export function dossierResponse(d: DossierRow, content: Record<string, unknown>): DossierResponse {
  return {
    id: d.id,
    termId: d.termId,
    status: d.status,
    generatedAt: iso(d.generatedAt)!,
    submittedAt: iso(d.submittedAt),
    archivedAt: iso(d.archivedAt),
    version: d.version,
    progress: { acknowledged: d.acknowledgedItems, total: d.totalItems },
    content,
  };
}

export function acknowledgementResponse(a: AcknowledgementRow): AcknowledgementResponse {
  return { ...a, acknowledgedAt: iso(a.acknowledgedAt)! };
}
