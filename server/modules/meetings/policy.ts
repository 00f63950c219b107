import { scopeOf, type Actor } from '../../platform/auth/permissions.js';
import type { VisibilityActor } from './repo.js';
import type { MeetingState } from './tables.js';

/**
 * Who sees meetings: leaders who give tasks and tenant-wide organizers see all of them; an agency's
 * organizers see what their agency organizes; everyone else sees the meetings they chair, are invited to
 * (in person or through their agency) or join as a site. Everything else is "not found".
 */
export function visibilityOf(actor: Actor): VisibilityActor {
  const manage = scopeOf(actor, 'meeting.manage');
  return {
    tenantId: actor.tenantId,
    userId: actor.userId,
    agencyId: actor.agencyId,
    seesAll: scopeOf(actor, 'task.assign') !== null || manage === 'tenant',
    organizesForAgency: manage !== null,
  };
}

interface MeetingParties {
  organizerAgencyId: string;
  chairUserId: string;
  createdBy: string;
}

/** The organizer side: the agency's meeting.manage holders, tenant-wide organizers, the chair and the creator. */
export function organizes(actor: Actor, m: MeetingParties): boolean {
  const manage = scopeOf(actor, 'meeting.manage');
  if (manage === 'tenant') return true;
  if (manage !== null && actor.agencyId === m.organizerAgencyId) return true;
  return m.chairUserId === actor.userId || m.createdBy === actor.userId;
}

export type MeetingAction = 'edit' | 'cancel' | 'mark_held' | 'attendance' | 'documents' | 'invitation' | 'conclusion' | 'join';

/** What the actor may do on the meeting now; `secretary` is true when they are its secretary. */
export function meetingActions(actor: Actor, m: MeetingParties & { state: MeetingState; online: boolean; hasConclusion: boolean; hasInvitation: boolean }, secretary: boolean): MeetingAction[] {
  const a: MeetingAction[] = [];
  const org = organizes(actor, m);
  if (m.online && m.state !== 'cancelled') a.push('join');
  if (org && m.state === 'planned') a.push('edit', 'cancel', 'mark_held', 'documents');
  if (org && m.state === 'planned' && !m.hasInvitation && scopeOf(actor, 'document.draft') !== null) a.push('invitation');
  if ((org || secretary) && m.state !== 'cancelled') a.push('attendance');
  const concludes = m.chairUserId === actor.userId || org;
  if (concludes && m.state === 'held' && !m.hasConclusion && scopeOf(actor, 'task.assign') !== null && scopeOf(actor, 'document.draft') !== null) a.push('conclusion');
  return a;
}
