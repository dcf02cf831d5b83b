// The exact SQL the API's repository issues for "my delegation's open items, due first, page of 50",
// captured by calling ActionItemsRepository.page() on a recording stand-in for the DataSource.
import { ActionItemsRepository } from '../../dist/src/modules/action-items/action-items.repository.js';
import { statementName } from '../../dist/src/core/database/prepared-query.js';
import { OPEN_STATUSES } from '../../dist/src/modules/action-items/entities/action-item.entity.js';

export const PAGE_SIZE = 50;
const COUNCIL = '00000000-0000-4000-8000-00000000000c';
const DELEGATION = '00000000-0000-4000-8000-00000000000d';
const PARTICIPANT = '00000000-0000-4000-8000-00000000000e';

/** { sql, params(councilId, delegationId, participantId) }: the statement and its parameters in the repository's order. */
export async function myOpenItemsStatement({ withLedBodies = true } = {}) {
  let captured;
  const record = async (sql, values) => ((captured = { sql, values }), []);
  // The repository reads a page as a named prepared statement on the pool (preparedQuery): record that call too.
  const recorder = { query: record, driver: { master: { query: async (q) => ({ rows: await record(q.text, q.values) }) } } };
  const repo = new ActionItemsRepository(recorder);
  // The service asks for one row more than the page to know whether a next page exists.
  await repo.page(COUNCIL, { status: [...OPEN_STATUSES] }, { delegationId: DELEGATION, participantId: withLedBodies ? PARTICIPANT : null }, null, PAGE_SIZE + 1);
  const { sql, values } = captured;
  return {
    sql,
    name: statementName(sql),
    params: (councilId, delegationId, participantId) =>
      values.map((v) => (v === COUNCIL ? councilId : v === DELEGATION ? delegationId : v === PARTICIPANT ? participantId : v)),
  };
}
