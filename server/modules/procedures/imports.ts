import { newId } from '../../db/columns.js';
import type { Db } from '../../db/open.js';
import { audit, firstAuditEntry, insertFirstAuditEntries } from '../../platform/audit/service.js';
import { requirePermission } from '../../platform/auth/permissions.js';
import type { ServiceContext } from '../../platform/context.js';
import { DomainError } from '../../platform/http/errors.js';
import { procedureChecker, type CheckedProcedure } from './checker.js';
import { isForeignKeyViolation } from './service.js';
import { cellsToInput } from './import-row.js';
import { loadProcedureForIntake } from './intake.js';
import { toCells, type Cells } from './layout.js';
import * as repo from './repo.js';
import { readImportFile, writeCsv, writeTemplate, writeXlsx, type SheetRow } from './spreadsheet.js';
import type { RejectedRow } from './tables.js';

const BATCH = 100;

export function toImportResponse(r: repo.ImportRow) {
  return {
    id: r.id,
    fileName: r.fileName,
    state: r.state,
    totalRows: r.totalRows,
    processedRows: r.processedRows,
    created: r.created,
    updated: r.updated,
    rejected: r.rejected,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Reads the file at once (a file that is not the layout is refused with a 4xx right away), records the
 * import, and leaves the rows to `runImport`, which the caller starts after answering (202): the web
 * polls `getProcedureImport` for the progress bar. Returns the import's id and the work to run.
 */
export async function startImport(ctx: ServiceContext, file: { name: string; bytes: Buffer }): Promise<{ importId: string; run: () => Promise<void> }> {
  requirePermission(ctx.actor, 'procedure.manage');
  const rows = await readImportFile(file.bytes, file.name);
  const importId = newId();
  await ctx.db.transaction(async (tx) => {
    await repo.insertImport(tx, { id: importId, tenantId: ctx.actor.tenantId, fileName: file.name, totalRows: rows.length, createdBy: ctx.actor.userId });
    await audit(ctx, tx, { action: 'procedure.import_started', entityType: 'procedure_import', entityId: importId, first: true, summary: `Nhập danh mục thủ tục từ tệp ${file.name} (${rows.length} dòng)` });
  });
  return { importId, run: () => runImport(ctx, importId, rows) };
}

/**
 * Upserts the rows by code, a batch per transaction: a rejected row is reported (row number, code, reason)
 * and changes nothing; the others are created or updated, each with its audit entry. Progress is written
 * after every batch. A failure that is not a row's fault marks the import failed.
 */
export async function runImport(ctx: ServiceContext, importId: string, rows: SheetRow[]): Promise<void> {
  const rejected: RejectedRow[] = [];
  try {
    const checker = await procedureChecker(ctx.db, ctx.actor.tenantId);
    const firstRowOfCode = new Map<string, number>();
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      const good: { row: number; checked: CheckedProcedure }[] = [];
      for (const { row, cells } of batch) {
        const reject = (reason: string) => rejected.push({ row, ...(cells.code ? { code: cells.code } : {}), reason });
        const seen = firstRowOfCode.get(cells.code);
        if (cells.code && seen !== undefined) {
          reject(`Mã thủ tục trùng với dòng ${seen}`);
          continue;
        }
        if (cells.code) firstRowOfCode.set(cells.code, row);
        const { input, errors } = cellsToInput(cells, checker.matchDepartment);
        if (!input) {
          reject(errors.join('; '));
          continue;
        }
        const { issues, checked } = await checker.check(input);
        if (!checked) reject(issues.map((x) => x.message).join('; '));
        else good.push({ row, checked });
      }
      const { refused, ...counts } = await ctx.db.transaction(async (tx) => upsertBatch(ctx, tx, good));
      for (const r of refused) rejected.push(r);
      rejected.sort((a, b) => a.row - b.row);
      await repo.addImportProgress(ctx.db, importId, { processed: batch.length, ...counts });
      await repo.updateImport(ctx.db, importId, { rejected });
      // let the progress polls and other requests in between batches
      await new Promise((resolve) => setImmediate(resolve));
    }
    await repo.updateImport(ctx.db, importId, { state: 'done', rejected, finishedAt: new Date() });
  } catch (err) {
    const message = err instanceof DomainError ? (err.detail ?? err.message) : 'Lỗi hệ thống khi nhập danh mục; các lô đã xong được giữ lại';
    await repo.updateImport(ctx.db, importId, { state: 'failed', rejected, error: message, finishedAt: new Date() });
  }
}

async function upsertBatch(ctx: ServiceContext, tx: Db, good: { row: number; checked: CheckedProcedure }[]) {
  const existing = await repo.idsByCodes(tx, ctx.actor.tenantId, good.map((g) => g.checked.values.code));
  const fresh = good.filter((g) => !existing.has(g.checked.values.code)).map((g) => ({ row: { id: newId(), tenantId: ctx.actor.tenantId, ...g.checked.values }, components: g.checked.components, steps: g.checked.steps }));
  if (fresh.length) {
    await repo.insertProceduresBatch(tx, fresh);
    const entries = fresh.map((p) => firstAuditEntry(ctx, { action: 'procedure.created', entityType: 'procedure', entityId: p.row.id, summary: `Nhập thủ tục ${p.row.code} – ${p.row.name}`, after: { values: p.row, components: p.components, steps: p.steps } }));
    await tx.execute(insertFirstAuditEntries(tx, entries));
  }
  let updated = 0;
  const refused: RejectedRow[] = [];
  for (const g of good) {
    const id = existing.get(g.checked.values.code);
    if (!id) continue;
    try {
      // a savepoint: a row the database refuses is reported, the rest of the batch goes on
      await tx.transaction(async (sp) => {
        const before = await loadProcedureForIntake(sp, ctx.actor.tenantId, id);
        await repo.updateProcedure(sp, ctx.actor.tenantId, id, g.checked.values, g.checked.components, g.checked.steps);
        await audit(ctx, sp, { action: 'procedure.updated', entityType: 'procedure', entityId: id, summary: `Cập nhật thủ tục ${g.checked.values.code} từ tệp nhập`, before, after: g.checked });
      });
      updated++;
    } catch (err) {
      if (!isForeignKeyViolation(err)) throw err;
      refused.push({ row: g.row, code: g.checked.values.code, reason: 'Thủ tục đã có hồ sơ tiếp nhận theo các thành phần hồ sơ hiện có: không bỏ bớt được thành phần hồ sơ, chỉ sửa hoặc thêm' });
    }
  }
  return { created: fresh.length, updated, refused };
}

export async function getProcedureImport(ctx: ServiceContext, id: string) {
  requirePermission(ctx.actor, 'procedure.manage');
  const row = await repo.getImport(ctx.db, ctx.actor.tenantId, id);
  if (!row) throw new DomainError('NOT_FOUND', 'Không tìm thấy lần nhập danh mục thủ tục');
  return toImportResponse(row);
}

async function* exportRows(ctx: ServiceContext, active: boolean | undefined): AsyncGenerator<Cells[]> {
  for await (const chunk of repo.allProcedures(ctx.db, ctx.actor.tenantId, active)) yield chunk.map(toCells);
}

/** The catalog in the import layout, every field included, so that importing it gives the same records. */
export async function exportProcedures(ctx: ServiceContext, q: { format: 'xlsx' | 'csv'; active: 'true' | 'false' | 'all' }) {
  requirePermission(ctx.actor, 'procedure.manage');
  const active = q.active === 'all' ? undefined : q.active === 'true';
  const bytes = q.format === 'csv' ? await writeCsv(exportRows(ctx, active)) : await writeXlsx(exportRows(ctx, active));
  await ctx.db.transaction((tx) => audit(ctx, tx, { action: 'procedure.exported', entityType: 'tenant', entityId: ctx.actor.tenantId, summary: `Xuất danh mục thủ tục (${q.format})` }));
  return bytes;
}

const EXAMPLE: Cells = {
  code: '1.000000',
  name: 'Tên thủ tục hành chính',
  field: 'Hộ tịch',
  level: 'Cấp xã',
  competentAgency: 'Ủy ban nhân dân cấp xã',
  receivingAgency: 'Trung tâm Phục vụ hành chính công cấp xã',
  timeLimit: '3',
  timeUnit: 'Ngày làm việc',
  subjects: 'Công dân',
  components: 'Tờ khai theo mẫu | Bản chính | 1 | Bắt buộc | Tờ khai | \nGiấy tờ tùy thân | Bản sao | 1 | Không bắt buộc |  | ',
  fees: 'Lệ phí | Lệ phí cấp giấy | 8000 | Miễn cho hộ nghèo',
  steps: 'Tiếp nhận hồ sơ | Tiếp nhận | 4 | \nThẩm định | Thẩm định | 12 | \nKý duyệt | Phê duyệt | 8 | \nTrả kết quả | Trả kết quả | 0 | Không tính thời gian',
  sequence: '',
  method: 'Trực tiếp; trực tuyến; bưu chính công ích',
  result: 'Giấy chứng nhận',
  resultForms: 'Giấy; Điện tử',
  legalBasis: 'Luật …',
  legalEffectiveDate: '01/07/2025',
  requirements: '',
  onlineService: 'Một phần',
  publicationDecision: '123/QĐ-UBND',
  publicationDecisionDate: '01/07/2025',
  publishedOn: '05/07/2025',
  status: 'Đang áp dụng',
};

export async function procedureImportTemplate(ctx: ServiceContext) {
  requirePermission(ctx.actor, 'procedure.manage');
  const depts = await repo.departments(ctx.db, ctx.actor.tenantId);
  return writeTemplate(EXAMPLE, depts.filter((d) => d.active).map((d) => d.name));
}
