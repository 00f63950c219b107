import { and, eq, isNull } from 'drizzle-orm';
import { ConfigError } from './config.js';
import type { Db } from './db/open.js';
import { users } from './modules/org/tables.js';
import { credentials } from './platform/auth/tables.js';

/** Production refuses to start while a seeded demo account still has the password it was seeded with. */
export async function assertNoDemoPasswords(db: Db): Promise<void> {
  const open = await db
    .select({ username: users.username })
    .from(users)
    .innerJoin(credentials, eq(credentials.userId, users.id))
    .where(and(eq(users.isDemo, true), eq(users.active, true), isNull(credentials.passwordChangedAt)));
  if (open.length > 0) {
    throw new ConfigError(
      `Từ chối khởi động ở chế độ production: tài khoản mẫu còn mật khẩu mặc định (${open.map((u) => u.username).join(', ')}). Hãy đổi mật khẩu hoặc ngừng kích hoạt các tài khoản này.`,
    );
  }
}
