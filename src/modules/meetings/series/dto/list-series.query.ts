import { PageQuery } from '../../../../core/http/pagination.js';

/** The council's series, by first date then id; paging (limit, cursor) from PageQuery. */
export class ListSeriesQuery extends PageQuery {}
