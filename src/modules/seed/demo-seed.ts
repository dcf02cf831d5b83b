import { DEFAULT_MEETING_RULES } from '../councils/council-defaults.js';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import {
  DEMO_BODIES,
  DEMO_COUNCIL,
  DEMO_EMAIL_DOMAIN,
  DEMO_FOCUS_AREAS,
  DEMO_MEMBER_STATES,
  DEMO_OBSERVERS,
  DEMO_PERMANENT_PARTICIPANTS,
  DEMO_RECOMMENDATIONS,
  type DemoParticipant,
} from './demo-council.data.js';
import { PasswordHasher } from '../identity/password-hasher.service.js';
import { seedDemoUsers } from './demo-users.js';
import { seedDemoActionItems } from './demo-action-items.js';
import { seedDemoActivity } from './demo-activity.js';
import { seedDemoHandover } from './demo-handover.js';
import { demoTermYears, januaryFirst, rotationIndexForYear } from './seed-calendar.js';

export interface SeedReport {
  councilId: string;
  created: boolean;
}

export interface SeedOptions {
  /** Password of the demo accounts (development only); without it they are created with no password. */
  demoPassword?: string;
  /**
   * Also seed the living council (meetings, decisions, minutes, a silence procedure, action items in every status,
   * inboxes, the handover dossier); default true. The benchmarks seed without it, to measure their own data only.
   */
  activity?: boolean;
}

/**
 * Creates the demo council (slug `nacmc`) with its participants, delegations,
 * bodies, presidency terms and recommendations, in one transaction. Idempotent:
 * when the council already exists nothing is written and `created` is false.
 * Writes raw SQL so it does not depend on the domain services.
 * The demo accounts (seedDemoUsers), the recommendations' action items
 * (seedDemoActionItems), the council's activity (seedDemoActivity: meetings,
 * decisions, minutes, a silence procedure, action items in every status, the
 * inboxes) and the presidency's handover (seedDemoHandover: priorities, the
 * dossier, in a second transaction) are added idempotently on every run, so a
 * council seeded before they existed gets them too.
 */
export async function seedDemoCouncil(db: DataSource, now: Date = new Date(), options: SeedOptions = {}): Promise<SeedReport> {
  const passwordHash = options.demoPassword === undefined ? null : await new PasswordHasher().hash(options.demoPassword);
  const report = await db.transaction(async (em): Promise<SeedReport> => {
    const inserted = (await em.query(
      `INSERT INTO councils (slug, name, working_languages, term_months, rotation_policy, quorum_ratio, time_zone)
       VALUES ($1, $2, $3::text[], $4, $5, $6, $7)
       ON CONFLICT (slug) DO NOTHING RETURNING id`,
      [
        DEMO_COUNCIL.slug,
        DEMO_COUNCIL.name,
        DEMO_COUNCIL.workingLanguages,
        DEMO_COUNCIL.termMonths,
        DEMO_COUNCIL.rotationPolicy,
        DEMO_COUNCIL.quorumRatio,
        DEMO_COUNCIL.timeZone,
      ],
    )) as { id: string }[];
    if (inserted.length === 0) {
      const existing = (await em.query(`SELECT id FROM councils WHERE slug = $1`, [DEMO_COUNCIL.slug])) as { id: string }[];
      await seedDemoUsers(em, existing[0]!.id, passwordHash);
      await seedDemoActionItems(em, existing[0]!.id, now, DEMO_EMAIL_DOMAIN);
      if (options.activity !== false) await seedDemoActivity(db, em, existing[0]!.id, now);
      return { councilId: existing[0]!.id, created: false };
    }
    const councilId = inserted[0]!.id;
    const summary = await populate(em, councilId, now);
    await new AuditService().record(em, {
      councilId,
      action: 'seed.created',
      entityType: 'council',
      entityId: councilId,
      after: { slug: DEMO_COUNCIL.slug, ...summary },
    });
    await seedDemoUsers(em, councilId, passwordHash);
    await seedDemoActionItems(em, councilId, now, DEMO_EMAIL_DOMAIN);
    if (options.activity !== false) await seedDemoActivity(db, em, councilId, now);
    return { councilId, created: true };
  });
  if (options.activity !== false) await seedDemoHandover(db, report.councilId, now);
  return report;
}

async function populate(em: EntityManager, councilId: string, now: Date): Promise<Record<string, number>> {
  for (const [kind, rule] of Object.entries(DEFAULT_MEETING_RULES)) {
    await em.query(`INSERT INTO council_meeting_rules (council_id, meeting_kind, notice_days, agenda_days, papers_days) VALUES ($1, $2, $3, $4, $5)`, [
      councilId,
      kind,
      rule.noticeDays,
      rule.agendaDays,
      rule.papersDays,
    ]);
  }

  const participantIds = new Map<string, string>();
  let delegates = 0;
  const everyone = [...DEMO_MEMBER_STATES, ...DEMO_PERMANENT_PARTICIPANTS, ...DEMO_OBSERVERS];
  for (const p of everyone) {
    const position = p.kind === 'member_state' ? DEMO_MEMBER_STATES.indexOf(p) + 1 : null;
    const id = await insertParticipant(em, councilId, p, position);
    participantIds.set(p.key, id);
    delegates += await insertDelegation(em, councilId, id, p);
  }

  const current = now.getUTCFullYear();
  const leadCount = { n: 0 };
  for (const body of DEMO_BODIES) {
    const rows = (await em.query(
      `INSERT INTO bodies (council_id, kind, name, description, mandate_start, mandate_end) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        councilId,
        body.kind,
        body.name,
        body.description,
        januaryFirst(current + body.startYear),
        body.endYear === null ? null : januaryFirst(current + body.endYear),
      ],
    )) as { id: string }[];
    for (const lead of body.leads) {
      const until = lead.untilYear === null ? '' : januaryFirst(current + lead.untilYear);
      await em.query(`INSERT INTO body_leads (council_id, body_id, participant_id, period) VALUES ($1, $2, $3, $4::daterange)`, [
        councilId,
        rows[0]!.id,
        participantIds.get(lead.key)!,
        `[${januaryFirst(current + lead.fromYear)},${until})`,
      ]);
      leadCount.n++;
    }
  }

  const terms = demoTermYears(now);
  for (const term of terms) {
    const holder = DEMO_MEMBER_STATES[rotationIndexForYear(term.year, DEMO_MEMBER_STATES.length)]!;
    await em.query(
      `INSERT INTO presidency_terms (council_id, participant_id, period, source, note) VALUES ($1, $2, tstzrange($3::timestamptz, $4::timestamptz, '[)'), 'rotation', $5)`,
      [councilId, participantIds.get(holder.key)!, term.start.toISOString(), term.end.toISOString(), `${term.year} presidency (demo seed)`],
    );
  }

  const focusAreaIds = new Map<string, string>();
  for (const area of DEMO_FOCUS_AREAS) {
    const rows = (await em.query(`INSERT INTO focus_areas (council_id, code, title) VALUES ($1, $2, $3) RETURNING id`, [councilId, area.code, area.title])) as {
      id: string;
    }[];
    focusAreaIds.set(area.code, rows[0]!.id);
  }
  for (const r of DEMO_RECOMMENDATIONS) {
    await em.query(`INSERT INTO recommendations (council_id, focus_area_id, number, title, body, who_should_act) VALUES ($1, $2, $3, $4, $5, $6)`, [
      councilId,
      focusAreaIds.get(r.focusArea)!,
      r.number,
      r.title,
      r.body,
      r.whoShouldAct,
    ]);
  }

  return {
    participants: everyone.length,
    memberStates: DEMO_MEMBER_STATES.length,
    delegations: everyone.length,
    delegates,
    bodies: DEMO_BODIES.length,
    bodyLeads: leadCount.n,
    presidencyTerms: terms.length,
    focusAreas: DEMO_FOCUS_AREAS.length,
    recommendations: DEMO_RECOMMENDATIONS.length,
  };
}

async function insertParticipant(em: EntityManager, councilId: string, p: DemoParticipant, rotationPosition: number | null): Promise<string> {
  const rows = (await em.query(
    `INSERT INTO participants (council_id, kind, name, iso_code, category, rotation_position, time_zone)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [councilId, p.kind, p.name, p.isoCode, p.category, rotationPosition, p.timeZone],
  )) as { id: string }[];
  return rows[0]!.id;
}

/** The participant's delegation with its head (and, for a member state, an alternate); returns the number of delegates. */
async function insertDelegation(em: EntityManager, councilId: string, participantId: string, p: DemoParticipant): Promise<number> {
  const rows = (await em.query(`INSERT INTO delegations (council_id, participant_id, name, contact_email) VALUES ($1, $2, $3, $4) RETURNING id`, [
    councilId,
    participantId,
    `Delegation of ${p.name}`,
    `delegation.${p.key}@${DEMO_EMAIL_DOMAIN}`,
  ])) as { id: string }[];
  const delegationId = rows[0]!.id;
  const people: { role: 'head' | 'alternate'; fullName: string; language: string }[] = [
    { role: 'head', fullName: `Head of Delegation (${p.name})`, language: p.language },
  ];
  if (p.kind === 'member_state')
    people.push({ role: 'alternate', fullName: `Alternate Head of Delegation (${p.name})`, language: p.alternateLanguage ?? p.language });
  for (const person of people) {
    await em.query(
      `INSERT INTO delegates (council_id, delegation_id, full_name, email, role, preferred_language, time_zone) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [councilId, delegationId, person.fullName, `${person.role}.${p.key}@${DEMO_EMAIL_DOMAIN}`, person.role, person.language, p.delegateTimeZone],
    );
  }
  return people.length;
}
