// Adds the scale catalog (2,175 procedures, 1,854 at province level, deterministic) to a tenant:
//   npx tsx scripts/generate-procedures.ts [tenantCode=an-giang] [--total=2175] [--province=1854]
// Uses DATABASE_URL, or the PGlite database in DATA_DIR (stop the server first). A second run adds nothing.
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../server/config.js';
import { migrateDatabase, openDatabase } from '../server/db/open.js';
import { tenants } from '../server/modules/org/tables.js';
import { CATALOG_SIZE, insertGeneratedProcedures } from '../server/modules/procedures/index.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const found = args.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : fallback;
};
const tenantCode = args.find((a) => !a.startsWith('--')) ?? 'an-giang';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: path.resolve(config.dataDir, 'pglite') });
try {
  await migrateDatabase(database);
  const [tenant] = await database.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.code, tenantCode));
  if (!tenant) throw new Error(`Không có tỉnh mã "${tenantCode}" (chạy npm start hoặc npm run cli -- seed trước)`);
  const started = Date.now();
  const n = await insertGeneratedProcedures(database.db, tenant.id, { total: option('total', CATALOG_SIZE.total), province: option('province', CATALOG_SIZE.province) });
  console.log(n ? `Đã thêm ${n} thủ tục mẫu trong ${Date.now() - started} ms.` : 'Danh mục thủ tục mẫu đã có, không thêm gì.');
} finally {
  await database.close();
}
