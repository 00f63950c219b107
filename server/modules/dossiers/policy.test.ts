import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../../platform/auth/permissions.js';
import { canRead, dossierActions, PROCESSING_ROLES, type DossierParties } from './policy.js';

const CENTER = 'center-1';
const DEPT = 'dept-stc';
const OTHER = 'dept-other';
const actor = (userId: string, role: Role, agencyId: string): Actor => ({ userId, tenantId: 't', agencyId, unitId: 'u', username: userId, fullName: userId, roles: [role], via: 'session' });
const motcua = actor('motcua', 'one_stop_officer', CENTER);
const so = actor('so', 'department_staff', DEPT);
const truongphong = actor('truongphong', 'leader', DEPT);
const vanthu = actor('vanthu', 'clerk', DEPT);
const outsider = actor('outsider', 'department_staff', OTHER);
const now = new Date('2026-12-07T03:00:00Z');

const dossier = (over: Partial<DossierParties> = {}): DossierParties => ({
  status: 4,
  receivingAgencyId: CENTER,
  handlingAgencyId: DEPT,
  currentAgencyId: DEPT,
  currentAssigneeId: 'so',
  currentStepRole: 'handling',
  nextStepRole: 'review',
  appointmentAt: new Date('2026-12-14T10:30:00Z'),
  extensionCount: 0,
  ...over,
});

describe('dossier policy', () => {
  it('lists the roles that may be handed a step from the grants', () => {
    expect(PROCESSING_ROLES.sort()).toEqual(['clerk', 'commune_staff', 'department_staff', 'leader', 'one_stop_officer']);
  });

  it('lets agency readers see only dossiers their agency received, resolves or holds', () => {
    expect(canRead(so, dossier())).toBe(true);
    expect(canRead(outsider, dossier())).toBe(false);
    expect(canRead(motcua, dossier({ receivingAgencyId: OTHER }))).toBe(true); // one-stop officers read the whole tenant
  });

  it('gives the step only to its assignee', () => {
    expect(dossierActions(so, dossier(), now)).toEqual(['advance', 'request_supplement', 'extend']);
    expect(dossierActions(vanthu, dossier(), now)).toEqual([]);
    // the leader does not hold the step but directs the agency
    expect(dossierActions(truongphong, dossier(), now)).toEqual(['assign', 'extend', 'stop']);
  });

  it('lets anyone of the agency take an unassigned step', () => {
    const d = dossier({ currentAssigneeId: null, currentStepRole: 'assignment' });
    expect(dossierActions(vanthu, d, now)).toEqual(['advance', 'take', 'request_supplement']);
    expect(dossierActions(outsider, d, now)).toEqual([]);
  });

  it('gives the desk the supplement, the withdrawal and the return of the result', () => {
    expect(dossierActions(motcua, dossier({ status: 5 }), now)).toEqual(['complete_supplement', 'withdraw']);
    const atReturn = dossier({ status: 9, currentAgencyId: CENTER, currentAssigneeId: null, currentStepRole: 'return', nextStepRole: null });
    expect(dossierActions(motcua, atReturn, now)).toEqual(['take', 'return_result']);
    expect(dossierActions(so, atReturn, now)).toEqual([]);
  });

  it('offers the extension only before the appointment and only once', () => {
    expect(dossierActions(so, dossier({ appointmentAt: new Date('2026-12-07T02:00:00Z') }), now)).not.toContain('extend');
    expect(dossierActions(so, dossier({ extensionCount: 1 }), now)).not.toContain('extend');
  });
});
