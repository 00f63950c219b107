import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from './config.js';
import { migrateDatabase, openDatabase, type Database } from './db/open.js';
import { tenants } from './modules/org/tables.js';
import { rebuildStats, verifyStats } from './modules/stats/index.js';
import { rebuildTaskStats, verifyTaskStats } from './modules/tasks/index.js';
import { sealAuditDays, verifyAudit, type AuditReport } from './platform/audit/service.js';
import { seedDemo } from './seed/demo.js';

const USAGE = `Cách dùng: npm run cli -- <lệnh>
  audit verify     kiểm tra toàn bộ chuỗi băm và dấu niêm phong của nhật ký; mã thoát 1 nếu phát hiện sửa, chèn, xóa
  audit seal       niêm phong các ngày đã qua chưa được niêm phong
  stats verify     đối chiếu số liệu tổng hợp với việc đếm lại toàn bộ; mã thoát 1 nếu lệch
  stats rebuild    đếm lại toàn bộ số liệu tổng hợp
  seed             nạp dữ liệu mẫu (bỏ qua nếu đã có)
  migrate          áp dụng các migration
Cơ sở dữ liệu: DATABASE_URL nếu có, nếu không là PGlite trong DATA_DIR (dừng máy chủ trước khi chạy).`;

const fmt = (d: Date | undefined) => (d ? d.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : '');

export function formatAuditReport(report: AuditReport): string {
  if (report.ok) return `Nhật ký toàn vẹn: đã kiểm tra ${report.entriesChecked} bản ghi và ${report.daysChecked} ngày niêm phong.`;
  const lines = [`PHÁT HIỆN ${report.problems.length} bất thường trong nhật ký (${report.entriesChecked} bản ghi, ${report.daysChecked} ngày niêm phong).`];
  const first = report.first!;
  lines.push(`Bất thường đầu tiên [${first.kind}]${first.entryId ? ` bản ghi ${first.entryId}` : ''}${first.at ? ` lúc ${fmt(first.at)}` : ''}: ${first.message}`);
  for (const p of report.problems.slice(0, 20)) lines.push(`  - [${p.kind}] ${p.message}${p.entryId ? ` (id ${p.entryId})` : ''}`);
  if (report.problems.length > 20) lines.push(`  … và ${report.problems.length - 20} bất thường khác`);
  return lines.join('\n');
}

/** Runs one command against an open database; returns the exit code. */
export async function runCli(database: Database, args: string[], out: (line: string) => void, demoPassword?: string): Promise<number> {
  const [cmd, sub] = args;
  if (cmd === 'audit' && sub === 'verify') {
    const report = await verifyAudit(database.db);
    out(formatAuditReport(report));
    return report.ok ? 0 : 1;
  }
  if (cmd === 'audit' && sub === 'seal') {
    let n = 0;
    for (const t of await database.db.select({ id: tenants.id }).from(tenants)) n += await sealAuditDays(database.db, t.id);
    out(`Đã niêm phong ${n} ngày.`);
    return 0;
  }
  if (cmd === 'stats' && sub === 'verify') {
    const started = performance.now();
    const tasks = await verifyTaskStats(database.db);
    const figures = await verifyStats(database.db);
    const seconds = ((performance.now() - started) / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
    out(`Nhiệm vụ: ${tasks.tasks.toLocaleString('vi-VN')} nhiệm vụ, ${tasks.rows.toLocaleString('vi-VN')} dòng tổng hợp, ${tasks.differences.length === 0 ? 'khớp' : `LỆCH ${tasks.differences.length} dòng`}.`);
    for (const d of tasks.differences.slice(0, 20)) out(`  - ${d.key}: tổng hợp ${d.rollup}, đếm lại ${d.recount}`);
    out(`Hồ sơ và văn bản: ${figures.length === 0 ? 'khớp' : `LỆCH ${figures.length} số liệu`}.`);
    for (const d of figures.slice(0, 20)) out(`  - ${d.table} ${d.key} ${d.counter}: tổng hợp ${d.rollup}, đếm lại ${d.recount}`);
    out(`Thời gian đối chiếu: ${seconds} giây.`);
    return tasks.differences.length === 0 && figures.length === 0 ? 0 : 1;
  }
  if (cmd === 'stats' && sub === 'rebuild') {
    await rebuildTaskStats(database.db);
    await rebuildStats(database.db);
    out('Đã đếm lại số liệu tổng hợp.');
    return 0;
  }
  if (cmd === 'seed') {
    if (!demoPassword) throw new Error('seed needs a demo password');
    const r = await seedDemo(database.db, demoPassword);
    out(r.seeded ? 'Đã nạp dữ liệu mẫu.' : 'Dữ liệu mẫu đã có, không thay đổi.');
    return 0;
  }
  if (cmd === 'migrate') {
    out('Đã áp dụng migration.');
    return 0;
  }
  out(USAGE);
  return cmd === undefined || cmd === 'help' ? 0 : 2;
}

async function main() {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: path.resolve(config.dataDir, 'pglite') });
  try {
    await migrateDatabase(database);
    process.exitCode = await runCli(database, process.argv.slice(2), (l) => console.log(l), config.demoPassword);
  } finally {
    await database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
