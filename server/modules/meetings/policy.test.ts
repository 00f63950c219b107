import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../../platform/auth/permissions.js';
import { meetingActions, organizes, visibilityOf } from './policy.js';
import { invitationTime, timeRange } from './vn-time.js';

const actor = (role: Role, extra: Partial<Actor> = {}): Actor => ({ userId: `u-${role}`, tenantId: 't', agencyId: 'office', unitId: 'unit', username: role, fullName: role, roles: [role], via: 'session', ...extra });
const meeting = { organizerAgencyId: 'office', chairUserId: 'chair', createdBy: 'creator', state: 'planned' as const, online: true, hasConclusion: false, hasInvitation: false };

describe('who sees and organizes meetings', () => {
  it('lets leaders see every meeting, an agency\'s organizers their agency\'s, and others only their own', () => {
    expect(visibilityOf(actor('leader'))).toMatchObject({ seesAll: true, organizesForAgency: true });
    expect(visibilityOf(actor('clerk'))).toMatchObject({ seesAll: false, organizesForAgency: true });
    expect(visibilityOf(actor('specialist'))).toMatchObject({ seesAll: false, organizesForAgency: true });
    expect(visibilityOf(actor('commune_staff'))).toMatchObject({ seesAll: false, organizesForAgency: false });
    expect(visibilityOf(actor('admin'))).toMatchObject({ seesAll: false, organizesForAgency: false });
  });

  it('makes the organizer side: the organizing agency\'s managers, tenant-wide managers, the chair and the creator', () => {
    expect(organizes(actor('clerk'), meeting)).toBe(true);
    expect(organizes(actor('clerk', { agencyId: 'finance' }), meeting)).toBe(false);
    expect(organizes(actor('leader', { agencyId: 'finance' }), meeting)).toBe(true);
    expect(organizes(actor('commune_staff', { userId: 'creator' }), meeting)).toBe(true);
    expect(organizes(actor('department_staff'), meeting)).toBe(false);
  });

  it('offers each step only in its state, and the conclusion only to those who give tasks', () => {
    expect(meetingActions(actor('specialist'), meeting, false)).toEqual(['join', 'edit', 'cancel', 'mark_held', 'documents', 'invitation', 'attendance']);
    expect(meetingActions(actor('commune_staff', { agencyId: 'ward' }), meeting, false)).toEqual(['join']);
    expect(meetingActions(actor('commune_staff', { agencyId: 'ward' }), meeting, true)).toEqual(['join', 'attendance']);
    const held = { ...meeting, state: 'held' as const };
    expect(meetingActions(actor('specialist'), held, false)).toEqual(['join', 'attendance']);
    expect(meetingActions(actor('leader'), held, false)).toEqual(['join', 'attendance', 'conclusion']);
    expect(meetingActions(actor('leader'), { ...held, hasConclusion: true }, false)).toEqual(['join', 'attendance']);
    expect(meetingActions(actor('leader'), { ...meeting, state: 'cancelled' }, false)).toEqual([]);
  });
});

describe('Vietnam time in the generated texts', () => {
  it('writes times in Asia/Ho_Chi_Minh whatever the server zone', () => {
    expect(timeRange(new Date('2026-11-30T01:00:00Z'), new Date('2026-11-30T03:30:00Z'))).toBe('08:00–10:30 ngày 30/11/2026');
    expect(timeRange(new Date('2026-11-30T16:30:00Z'), new Date('2026-12-01T01:00:00Z'))).toBe('23:30 ngày 30/11/2026 – 08:00 ngày 01/12/2026');
    expect(invitationTime(new Date('2026-11-30T01:00:00Z'))).toBe('08 giờ 00, Thứ Hai, ngày 30/11/2026');
  });
});
