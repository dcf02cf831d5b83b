import { DomainException } from '../../core/errors/domain.exception.js';

/** No presidency term covers the instant asked about (before the first term, after the last, or a council without terms). */
export class NoPresidencyException extends DomainException {
  constructor(councilId: string, at: Date) {
    super('NO_PRESIDENCY', 404, `no presidency term of council ${councilId} covers ${at.toISOString()}`, [], { councilId, at: at.toISOString() });
  }
}
