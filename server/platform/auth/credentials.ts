import type { Db } from '../../db/open.js';
import { hashPassword } from './passwords.js';
import * as repo from './repo.js';

// What the org module needs from auth, kept apart from service.ts so the two never import each other.

/** Used by org when an admin creates a user or resets a password: the user must change it later. */
export async function setInitialPassword(tx: Db, tenantId: string, userId: string, password: string): Promise<void> {
  await repo.upsertPassword(tx, tenantId, userId, await hashPassword(password), null);
}

export async function revokeAllSessionsOf(tx: Db, userId: string): Promise<number> {
  return repo.revokeUserSessions(tx, userId, new Date());
}

export const userHasLoggedIn = (db: Db, userId: string): Promise<boolean> => repo.hasLoggedIn(db, userId);


/** A user deleted before ever signing in takes their password and any tokens with them. */
export async function deleteAuthDataOf(tx: Db, userId: string): Promise<void> {
  await repo.deleteUserAuthData(tx, userId);
}
