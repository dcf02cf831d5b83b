import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notifications of one subject (a meeting, an action item, a presidency term), planned and sent: the outbox
 * read by subject (GET …/meetings/:id/notifications and the like). The ledger is reached from each row through
 * its own unique key (subject, kind, occurrence, recipient), whose prefix is the subject.
 */
export class OutboxBySubject1763901700000 implements MigrationInterface {
  name = 'OutboxBySubject1763901700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX outbox_subject_idx ON outbox (subject_type, subject_id, due_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outbox_subject_idx`);
  }
}
