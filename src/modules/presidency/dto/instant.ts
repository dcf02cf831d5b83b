/** An ISO 8601 instant must say its offset (Z or ±hh:mm); a bare date means midnight UTC. */
export const INSTANT_WITH_ZONE = /^\d{4}-\d{2}-\d{2}$|(Z|[+-]\d{2}(:?\d{2})?)$/;
export const INSTANT_WITH_ZONE_MESSAGE = (field: string) => `${field} must be an ISO 8601 date or a date-time with Z or an offset`;
