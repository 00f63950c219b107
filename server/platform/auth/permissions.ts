import { DomainError } from '../http/errors.js';

/** The roles a user can hold; every demo user has one (DESIGN.md "Who uses it"). */
export const ROLES = [
  'admin',
  'clerk',
  'leader',
  'specialist',
  'one_stop_officer',
  'department_staff',
  'commune_staff',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  clerk: 'Văn thư',
  leader: 'Lãnh đạo',
  specialist: 'Chuyên viên',
  one_stop_officer: 'Cán bộ một cửa',
  department_staff: 'Cán bộ sở, ban, ngành',
  commune_staff: 'Cán bộ xã, phường, đặc khu',
};

export const PERMISSIONS = [
  'org.read',
  'org.manage',
  'user.read',
  'user.manage',
  'audit.read',
  'calendar.read',
  'calendar.manage',
  'token.manage',
  'file.upload',
  'document.register',
  'document.read',
  'document.assign',
  'document.draft',
  /** sign documents with one's own certificate */
  'signature.sign',
  /** keep the agency's certificate and add the organization signature */
  'signature.seal',
  /** the tenant's trust store: CA certificates and CRLs */
  'trust.manage',
  /** the connections to other instances for the electronic exchange */
  'exchange.manage',
  /** give tasks (nhiệm vụ) to any agency of the province */
  'task.assign',
  /** accept and report the tasks given to one's agency, on its behalf */
  'task.handle',
  /** organize meetings, conferences and delegations (rooms, invitations, attendance, conclusions) */
  'meeting.manage',
  /** draft the province leaders' weekly schedule (the Office and the People's Committee only) */
  'schedule.manage',
  /** approve and publish the weekly schedule */
  'schedule.approve',
  /** keep the catalog of administrative procedures (import, edit, internal processes) */
  'procedure.manage',
  /** receive dossiers at a one-stop desk (any desk of the province may receive any of its dossiers) */
  'dossier.receive',
  /** take the steps of the dossiers handed to one's agency */
  'dossier.process',
  /** read dossiers (scope: own agency's, or all) */
  'dossier.read',
  /** the dossier statistics and the service index of the province */
  'dossier.stats',
  /** handle citizens' feedback and petitions (phản ánh, kiến nghị) */
  'feedback.handle',
  /** the office dashboard, the service index and the periodic reports */
  'stats.read',
  /** import the national ranking of the service index */
  'stats.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** How far a grant reaches: the actor's own unit, own agency, or the whole tenant (province). */
export type Scope = 'unit' | 'agency' | 'tenant';
const SCOPE_RANK: Record<Scope, number> = { unit: 1, agency: 2, tenant: 3 };

const everyone: Partial<Record<Permission, Scope>> = {
  'org.read': 'tenant',
  'calendar.read': 'tenant',
  'file.upload': 'tenant',
};

/** Role → permission → widest scope. Services ask `requirePermission`, never the role names. */
export const GRANTS: Record<Role, Partial<Record<Permission, Scope>>> = {
  admin: {
    ...everyone,
    'org.manage': 'tenant',
    'user.read': 'tenant',
    'user.manage': 'tenant',
    'audit.read': 'tenant',
    'calendar.manage': 'tenant',
    'token.manage': 'tenant',
    'trust.manage': 'tenant',
    'exchange.manage': 'tenant',
    'procedure.manage': 'tenant',
    'dossier.stats': 'tenant',
    'stats.read': 'tenant',
    'stats.manage': 'tenant',
  },
  leader: { ...everyone, 'user.read': 'agency', 'document.read': 'agency', 'document.assign': 'agency', 'document.draft': 'agency', 'signature.sign': 'agency', 'task.assign': 'tenant', 'task.handle': 'agency', 'meeting.manage': 'tenant', 'schedule.manage': 'tenant', 'schedule.approve': 'tenant', 'dossier.process': 'agency', 'dossier.read': 'agency', 'dossier.stats': 'tenant', 'feedback.handle': 'agency', 'stats.read': 'tenant', 'stats.manage': 'tenant' },
  clerk: { ...everyone, 'user.read': 'agency', 'document.register': 'agency', 'document.read': 'agency', 'document.assign': 'agency', 'document.draft': 'agency', 'signature.seal': 'agency', 'task.handle': 'agency', 'meeting.manage': 'agency', 'schedule.manage': 'tenant', 'dossier.process': 'agency', 'dossier.read': 'agency' },
  specialist: { ...everyone, 'user.read': 'unit', 'document.draft': 'unit', 'meeting.manage': 'agency', 'schedule.manage': 'tenant' },
  one_stop_officer: { ...everyone, 'user.read': 'unit', 'document.draft': 'unit', 'dossier.receive': 'tenant', 'dossier.process': 'agency', 'dossier.read': 'tenant', 'dossier.stats': 'tenant', 'feedback.handle': 'tenant' },
  department_staff: { ...everyone, 'user.read': 'unit', 'document.draft': 'unit', 'dossier.process': 'agency', 'dossier.read': 'agency', 'feedback.handle': 'agency' },
  // A commune's one-stop desk receives dossiers too, and its staff resolve the commune-level ones.
  commune_staff: { ...everyone, 'user.read': 'unit', 'document.draft': 'unit', 'dossier.receive': 'tenant', 'dossier.process': 'agency', 'dossier.read': 'agency', 'feedback.handle': 'agency' },
};

export interface Actor {
  userId: string;
  tenantId: string;
  agencyId: string;
  unitId: string;
  username: string;
  fullName: string;
  roles: Role[];
  via: 'session' | 'token';
  sessionId?: string;
}

/** The widest scope any of the actor's roles grants for a permission, or null. */
export function scopeOf(actor: Pick<Actor, 'roles'>, permission: Permission): Scope | null {
  let best: Scope | null = null;
  for (const role of actor.roles) {
    const scope = GRANTS[role]?.[permission];
    if (scope && (!best || SCOPE_RANK[scope] > SCOPE_RANK[best])) best = scope;
  }
  return best;
}

export function permissionsOf(actor: Pick<Actor, 'roles'>): Partial<Record<Permission, Scope>> {
  const out: Partial<Record<Permission, Scope>> = {};
  for (const p of PERMISSIONS) {
    const s = scopeOf(actor, p);
    if (s) out[p] = s;
  }
  return out;
}

/** Throws FORBIDDEN unless the actor holds the permission; returns the scope to filter by. */
export function requirePermission(actor: Actor, permission: Permission): Scope {
  const scope = scopeOf(actor, permission);
  if (!scope) throw new DomainError('FORBIDDEN');
  return scope;
}

/** Whether a target inside the actor's tenant lies within the scope granted. */
export function withinScope(
  actor: Actor,
  scope: Scope,
  target: { agencyId?: string | null; unitId?: string | null },
): boolean {
  if (scope === 'tenant') return true;
  if (scope === 'agency') return target.agencyId === actor.agencyId;
  return target.unitId === actor.unitId;
}
