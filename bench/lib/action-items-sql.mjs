// The exact SQL the API's repository issues for "my delegation's open items, due first, page of 50",
// captured by calling ActionItemsRepository.pageForCaller() on a recording stand-in for the DataSource: one
// statement, the caller query (the auth guard's, as a CTE) and the page, as the route runs it.
import { ActionItemsRepository } from '../../dist/src/modules/action-items/action-items.repository.js';
import { statementName } from '../../dist/src/core/database/prepared-query.js';
import { OPEN_STATUSES } from '../../dist/src/modules/action-items/entities/action-item.entity.js';

export const PAGE_SIZE = 50;
const COUNCIL = '00000000-0000-4000-8000-00000000000c';
const USER = '00000000-0000-4000-8000-00000000000a';
const AT = new Date(0);

/** { sql, name, params(councilId, userId) }: the statement and its parameters in the repository's order ("now" at each call). */
export async function myOpenItemsStatement() {
  let captured;
  const record = async (sql, values) => ((captured = { sql, values }), []);
  // The repository reads a page as a named prepared statement on the pool (preparedQuery): record that call too.
  const recorder = { query: record, driver: { master: { query: async (q) => ({ rows: await record(q.text, q.values) }) } } };
  const repo = new ActionItemsRepository(recorder);
  // The service asks for one row more than the page to know whether a next page exists.
  await repo.pageForCaller(COUNCIL, { status: [...OPEN_STATUSES] }, { userId: USER, at: AT }, null, PAGE_SIZE + 1);
  const { sql, values } = captured;
  return {
    sql,
    name: statementName(sql),
    params: (councilId, userId) => values.map((v) => (v === COUNCIL ? councilId : v === USER ? userId : v === AT ? new Date() : v)),
  };
}
