import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { presidingTermSql } from '../councils/council-references.repository.js';
import { type DossierContent, itemKeys } from '../presidency/dossier/dossier-content.js';
import { DossierRepository } from '../presidency/dossier/dossier.repository.js';
import { PrioritiesRepository } from '../presidency/dossier/priorities.repository.js';
import { HandoverTermsRepository, termRef } from '../presidency/timeline/handover-terms.repository.js';
import { TroikaService } from '../presidency/timeline/troika.service.js';
import { PresidencyRepository } from '../presidency/presidency.repository.js';
import type { Texts } from './demo-clock.js';
import { DEMO_EMAIL_DOMAIN } from './demo-council.data.js';
import { insertDemoNotifications } from './demo-inbox.js';

type PriorityStatus = 'planned' | 'in_progress' | 'achieved' | 'dropped';

/** The current chair's priorities (for its term), and the incoming chair's first ones. */
const CURRENT_PRIORITIES: { title: Texts; status: PriorityStatus; notes?: string }[] = [
  {
    title: {
      es: 'Poner en marcha las vías de migración laboral de la recomendación 5',
      en: 'Launch the labour-migration pathways of recommendation 5',
      fr: 'Lancer les voies de migration de travail de la recommandation 5',
      pt: 'Lançar as vias de migração laboral da recomendação 5',
    },
    status: 'in_progress',
    notes: 'Work plan adopted at the senior officials meeting; first figures due at the working group.',
  },
  {
    title: {
      es: 'Un mapa regional de los servicios de protección de la niñez',
      en: 'A regional map of child-protection services',
      fr: 'Une carte régionale des services de protection de l’enfance',
      pt: 'Um mapa regional dos serviços de proteção da infância',
    },
    status: 'in_progress',
  },
  {
    title: {
      es: 'Adoptar el reglamento interno del Consejo',
      en: "Adopt the Council's rules of procedure",
      fr: 'Adopter le règlement intérieur du Conseil',
      pt: 'Adotar o regimento interno do Conselho',
    },
    status: 'achieved',
  },
  {
    title: {
      es: 'Conferencia internacional sobre desigualdad estructural',
      en: 'International conference on structural inequality',
      fr: 'Conférence internationale sur les inégalités structurelles',
      pt: 'Conferência internacional sobre desigualdade estrutural',
    },
    status: 'dropped',
    notes: 'Postponed to the next presidency for lack of funding.',
  },
];

const NEXT_PRIORITIES: { title: Texts; status: PriorityStatus }[] = [
  {
    title: {
      es: 'Asistencia a migrantes ambientales y microseguros',
      en: 'Assistance to environmental migrants and micro-insurance',
      fr: 'Assistance aux migrants environnementaux et micro-assurance',
      pt: 'Assistência a migrantes ambientais e microsseguros',
    },
    status: 'planned',
  },
  {
    title: {
      es: 'Conferencia internacional sobre desigualdad estructural',
      en: 'International conference on structural inequality',
      fr: 'Conférence internationale sur les inégalités structurelles',
      pt: 'Conferência internacional sobre desigualdade estrutural',
    },
    status: 'planned',
  },
];

/** The audit action that marks the demo handover as seeded (once per council). */
export const DEMO_HANDOVER_ACTION = 'seed.handover_created';

/** How many dossier entries the incoming chair has already acknowledged (the rest are left to acknowledge). */
export const DEMO_ACKNOWLEDGED_ENTRIES = 2;

/**
 * The handover of the current presidency term, in its own transaction after the council's (the troika reads
 * member states on another connection, which sees only committed rows): the chairs' priorities, then the
 * dossier assembled by DossierRepository (the same SQL the refresh and the job run), submitted by the outgoing
 * chair's head of delegation, and its first entries acknowledged by the incoming chair's — so the incoming
 * chair has entries left to acknowledge. Once per council (the audit row `seed.handover_created`); even then a
 * term that already has a dossier is left alone, as is a term with priorities. Returns whether the dossier was
 * created.
 */
export async function seedDemoHandover(db: DataSource, councilId: string, now: Date): Promise<boolean> {
  const audit = new AuditService();
  const terms = new HandoverTermsRepository(db);
  const dossiers = new DossierRepository(db);
  const priorities = new PrioritiesRepository(db);
  const troika = new TroikaService(new PresidencyRepository(db));
  return db.transaction(async (em) => {
    // Once per council: a later start (in a later term) leaves that term's dossier to its chair.
    const done = (await em.query(`SELECT 1 FROM audit_log WHERE council_id = $1 AND action = $2 LIMIT 1`, [councilId, DEMO_HANDOVER_ACTION])) as unknown[];
    if (done.length > 0) return false;
    await audit.record(em, { councilId, action: DEMO_HANDOVER_ACTION, entityType: 'council', entityId: councilId, after: { at: now.toISOString() } });
    const [current] = (await em.query(
      `SELECT t.id, (SELECT n.id FROM presidency_terms n WHERE n.council_id = t.council_id AND lower(n.period) = upper(t.period)) AS "nextId"
         FROM (${presidingTermSql('$1', '$2::timestamptz')}) c JOIN presidency_terms t ON t.id = c.term_id`,
      [councilId, now],
    )) as { id: string; nextId: string | null }[];
    if (!current) return false;
    await addPriorities(em, priorities, audit, councilId, current.id, CURRENT_PRIORITIES);
    if (current.nextId) await addPriorities(em, priorities, audit, councilId, current.nextId, NEXT_PRIORITIES);

    const term = await terms.findInCouncil(councilId, current.id, em);
    if (!term || (await dossiers.findByTerm(councilId, term.id, em))) return false;
    const meta = {
      termId: term.id,
      holder: termRef(term.holder),
      successor: term.successor ? termRef(term.successor) : null,
      troika: await troika.ofTerm(councilId, term.startsAt, em),
    };
    const assembled = (await dossiers.assemble(em, councilId, term.id, new Date(now.getTime() - 2 * 86_400_000), meta, false))!;
    await audit.record(em, {
      councilId,
      action: 'handover_dossier.assembled',
      entityType: 'handover_dossier',
      entityId: assembled.id,
      after: { termId: term.id, version: assembled.version, summary: assembled.summary, by: 'seed' },
    });
    const outgoing = await headAccount(em, term.holder.delegationId);
    await dossiers.submit(em, assembled.id, assembled.version, outgoing?.id ?? null);
    await audit.record(em, {
      councilId,
      action: 'handover_dossier.submitted',
      entityType: 'handover_dossier',
      entityId: assembled.id,
      before: { status: 'open', version: assembled.version },
      after: { status: 'submitted', version: assembled.version + 1 },
    });

    const incomingDelegation = term.successor?.delegationId ?? null;
    const incoming = await headAccount(em, incomingDelegation);
    const [{ content }] = (await em.query(`SELECT content FROM handover_dossiers WHERE id = $1`, [assembled.id])) as { content: DossierContent }[];
    if (incomingDelegation !== null) {
      for (const itemKey of itemKeys(content).slice(0, DEMO_ACKNOWLEDGED_ENTRIES)) {
        const { row } = await dossiers.acknowledge(em, {
          councilId,
          dossierId: assembled.id,
          itemKey,
          note: 'Received; we will follow up.',
          delegationId: incomingDelegation,
          userId: incoming?.id ?? null,
        });
        await audit.record(em, {
          councilId,
          action: 'handover_acknowledgement.recorded',
          entityType: 'handover_acknowledgement',
          entityId: row.id,
          after: { itemKey, dossierId: assembled.id },
        });
      }
    }
    // Both chairs are told that the dossier was submitted (now).
    const recipients = [outgoing, incoming].filter((u): u is { id: string; language: string } => u !== null);
    await insertDemoNotifications(
      em,
      councilId,
      recipients.map((u) => ({
        userId: u.id,
        language: u.language,
        notice: 'dossier',
        subjectType: 'presidency_term',
        subjectId: term.id,
        at: now,
        read: false,
        vars: { holder: term.holder.name },
      })),
    );
    return true;
  });
}

async function addPriorities(
  em: EntityManager,
  repo: PrioritiesRepository,
  audit: AuditService,
  councilId: string,
  termId: string,
  list: { title: Texts; status: PriorityStatus; notes?: string }[],
): Promise<void> {
  const [{ n }] = (await em.query(`SELECT count(*)::int AS n FROM presidency_priorities WHERE term_id = $1`, [termId])) as { n: number }[];
  if (n > 0) return;
  for (const p of list) {
    const row = await repo.insert(em, { councilId, termId, title: p.title as Record<string, string>, status: p.status, notes: p.notes ?? null });
    await audit.record(em, { councilId, action: 'presidency_priority.created', entityType: 'presidency_priority', entityId: row.id, after: row });
  }
}

/** The demo account of a delegation's head (with its language), if any. */
async function headAccount(em: EntityManager, delegationId: string | null): Promise<{ id: string; language: string } | null> {
  if (delegationId === null) return null;
  const rows = (await em.query(
    `SELECT u.id, u.preferred_language AS language FROM delegates d JOIN users u ON u.email = lower(d.email)
      WHERE d.delegation_id = $1 AND d.role = 'head' AND d.active AND u.email LIKE '%@' || $2`,
    [delegationId, DEMO_EMAIL_DOMAIN],
  )) as { id: string; language: string }[];
  return rows[0] ?? null;
}
