import type { Db } from '../db/open.js';
import type { Actor } from './auth/permissions.js';

/** What every service function receives: the database (or the open transaction) and who is acting. */
export interface ServiceContext {
  db: Db;
  actor: Actor;
  ip?: string | undefined;
}

/** Anonymous calls (login, public pages) still carry the caller's address for the audit log. */
export interface AnonymousContext {
  db: Db;
  ip?: string | undefined;
}
