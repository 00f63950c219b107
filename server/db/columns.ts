import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { v7 as uuidv7 } from 'uuid';

/** UUIDv7 primary key: time-ordered, so new rows land at the end of the index. */
export const id = () => uuid('id').primaryKey().$defaultFn(() => uuidv7());

/** Instants are stored in UTC; the web shows them in Asia/Ho_Chi_Minh. */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const createdAt = () => instant('created_at').notNull().defaultNow();
export const updatedAt = () => instant('updated_at').notNull().defaultNow();

export const newId = (): string => uuidv7();
