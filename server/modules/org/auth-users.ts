import type { Db } from '../../db/open.js';
import type { Role } from '../../platform/auth/permissions.js';
import * as repo from './repo.js';

// What the auth platform needs to know about users: kept apart from the admin use cases in service.ts.

export interface AuthUser {
  id: string;
  tenantId: string;
  username: string;
  fullName: string;
  email: string | null;
  agencyId: string;
  unitId: string;
  unitName: string;
  positionName: string | null;
  roles: Role[];
  active: boolean;
  isDemo: boolean;
  tenant: { id: string; code: string; name: string };
  agency: { id: string; name: string; shortName: string; type: string };
}

const toAuthUser = (r: repo.AuthUserRow): AuthUser => ({
  id: r.id,
  tenantId: r.tenantId,
  username: r.username,
  fullName: r.fullName,
  email: r.email,
  agencyId: r.agencyId,
  unitId: r.unitId,
  unitName: r.unitName,
  positionName: r.positionName,
  roles: r.roles,
  active: r.active,
  isDemo: r.isDemo,
  tenant: { id: r.tenantId, code: r.tenantCode, name: r.tenantName },
  agency: { id: r.agencyId, name: r.agencyName, shortName: r.agencyShortName, type: r.agencyType },
});

export async function findLoginUser(db: Db, username: string): Promise<AuthUser | null> {
  const row = await repo.getAuthUser(db, { username: username.trim().toLowerCase() });
  return row ? toAuthUser(row) : null;
}

export async function loadAuthUser(db: Db, id: string): Promise<AuthUser | null> {
  const row = await repo.getAuthUser(db, { id });
  return row ? toAuthUser(row) : null;
}

export type ActorUser = repo.ActorUserRow;

/** Who is calling, for every authenticated request: cheaper than loadAuthUser (no joins). */
export const loadActorUser = (db: Db, id: string): Promise<ActorUser | null> => repo.getActorUser(db, id);


/** The live session behind a cookie and who it belongs to, in one round trip. */
export const loadSessionActor = (db: Db, sessionId: string, now: Date) => repo.getSessionActor(db, sessionId, now);
