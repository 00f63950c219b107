import { newId } from '../server/db/columns.js';
import type { Db } from '../server/db/open.js';
import { hashPassword } from '../server/platform/auth/passwords.js';
import { credentials } from '../server/platform/auth/tables.js';
import { units, userRoles, users } from '../server/modules/org/tables.js';
import { tenants } from '../server/modules/org/tables.js';
import { eq } from 'drizzle-orm';

/**
 * Bench data on top of the demo seed: `count` more users spread over every unit of the province, so
 * lookups run against a realistic table rather than eight rows.
 */
export async function generateUsers(db: Db, count: number, password: string): Promise<void> {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.code, 'an-giang'));
  const allUnits = await db.select().from(units).where(eq(units.tenantId, tenant!.id));
  const passwordHash = await hashPassword(password);
  const batch = 500;
  for (let start = 0; start < count; start += batch) {
    const rows = Array.from({ length: Math.min(batch, count - start) }, (_, i) => {
      const n = start + i;
      const unit = allUnits[n % allUnits.length]!;
      return { id: newId(), tenantId: tenant!.id, username: `bench.${n}`, fullName: `Người Dùng Thử ${n}`, agencyId: unit.agencyId, unitId: unit.id };
    });
    await db.transaction(async (tx) => {
      await tx.insert(users).values(rows);
      await tx.insert(userRoles).values(rows.map((r) => ({ tenantId: r.tenantId, userId: r.id, role: 'specialist' })));
      await tx.insert(credentials).values(rows.map((r) => ({ userId: r.id, tenantId: r.tenantId, passwordHash })));
    });
  }
}
