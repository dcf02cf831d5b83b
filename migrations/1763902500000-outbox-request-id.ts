import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The request that caused an outbox row: its request id (the X-Request-Id the API answered with),
 * kept with the row so that the worker's log lines for the row's dispatch and its emails carry it — a
 * reminder's email traced back to the request that scheduled it. Null for rows the worker made itself.
 */
export class OutboxRequestId1763902500000 implements MigrationInterface {
  name = 'OutboxRequestId1763902500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ADD COLUMN request_id text`);
    await q.query(`ALTER TABLE outbox ADD CONSTRAINT outbox_request_id_short CHECK (char_length(request_id) BETWEEN 1 AND 64)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox DROP COLUMN request_id`);
  }
}
