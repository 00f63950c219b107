import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/helpers/db.js';
import { users } from './modules/org/tables.js';
import { assertNoDemoPasswords } from './startup-checks.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('production start-up check', () => {
  it('refuses while demo accounts keep their seeded password, and passes once they are deactivated', async () => {
    await expect(assertNoDemoPasswords(database.db)).rejects.toThrow(/tài khoản mẫu còn mật khẩu mặc định \(.*admin.*\)/);
    await database.db.update(users).set({ active: false }).where(eq(users.isDemo, true));
    await expect(assertNoDemoPasswords(database.db)).resolves.toBeUndefined();
  });
});
