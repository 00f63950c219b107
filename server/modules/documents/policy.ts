import { scopeOf, type Actor } from '../../platform/auth/permissions.js';
import type { VisibilityFilter } from './repo.js';

/**
 * Who sees which documents (issue 3 item 12): the agency's clerks and leaders see its documents; a
 * secret document only the people named on it, the clerk who registered it and, once signed, the
 * clerks who number and issue it. Assignees (a person, or
 * their unit when no person is named) see what they were given until it is recalled.
 */
export function visibilityOf(actor: Actor): VisibilityFilter {
  const scope = scopeOf(actor, 'document.read');
  return { userId: actor.userId, unitId: actor.unitId, agencyIds: scope ? [actor.agencyId] : [], clerkAgencyIds: scopeOf(actor, 'document.register') ? [actor.agencyId] : [] };
}
