import type { z } from 'zod';
import { requirePermission } from '../../platform/auth/permissions.js';
import type { ServiceContext } from '../../platform/context.js';
import { DomainError, type FieldIssue } from '../../platform/http/errors.js';
import { listUsersByIds } from '../org/index.js';
import type { BulkCreateRequest, BulkTaskItem } from './report-schemas.js';
import type { TaskSource } from './schemas.js';
import { agencyDirectory } from './scoreboard-repo.js';
import { createTask, today } from './service.js';

type Item = z.output<typeof BulkTaskItem>;
type Source = z.output<typeof TaskSource>;

/**
 * Every rule createTask checks about one item that can be checked before anything is written, for all
 * items at once, so the leader sees every mistake of the notice in one answer (paths `items.<i>.<field>`).
 */
export async function checkBulkItems(ctx: ServiceContext, items: Item[], day: string): Promise<FieldIssue[]> {
  const [directory, people] = await Promise.all([
    agencyDirectory(ctx.db, ctx.actor.tenantId),
    listUsersByIds(
      ctx,
      items.flatMap((i) => (i.primaryUserId ? [i.primaryUserId] : [])),
    ),
  ]);
  const agencyById = new Map(directory.map((a) => [a.id, a]));
  const personById = new Map(people.map((p) => [p.id, p]));
  const issues: FieldIssue[] = [];
  const at = (i: number, path: string, message: string) => issues.push({ path: `items.${i}.${path}`, message });
  const checkAgency = (i: number, path: string, id: string) => {
    const a = agencyById.get(id);
    if (!a) at(i, path, 'Cơ quan không có trong danh mục');
    else if (!a.active) at(i, path, 'Cơ quan đã ngừng hoạt động');
  };
  items.forEach((item, i) => {
    checkAgency(i, 'primaryAgencyId', item.primaryAgencyId);
    item.coordinatingAgencyIds.forEach((id, k) => checkAgency(i, `coordinatingAgencyIds.${k}`, id));
    if (item.coordinatingAgencyIds.includes(item.primaryAgencyId)) at(i, 'coordinatingAgencyIds', 'Cơ quan chủ trì không đồng thời là cơ quan phối hợp');
    if (item.primaryUserId) {
      const p = personById.get(item.primaryUserId);
      if (!p || !p.active || p.agencyId !== item.primaryAgencyId) at(i, 'primaryUserId', 'Người chủ trì phải là người đang làm việc tại cơ quan chủ trì');
    }
    if (item.dueDate && item.dueDate < day) at(i, 'dueDate', 'Hạn hoàn thành không được trước ngày giao');
  });
  return issues;
}

/**
 * The items as tasks of one source, all in one transaction: each goes through createTask (its rules, its
 * timeline entry, its audit entry) on the open transaction, so a failure of any item undoes them all.
 * A field error of an item is reported under `items.<i>.`; errors about the common source stay as they are.
 */
export async function createAllInOneTransaction(ctx: ServiceContext, source: Source, items: Item[]) {
  return ctx.db.transaction(async (tx) => {
    const created = [];
    for (const [i, item] of items.entries()) {
      try {
        created.push(await createTask({ ...ctx, db: tx }, { ...item, source }));
      } catch (err) {
        if (err instanceof DomainError && err.errors) {
          throw new DomainError(err.code, err.detail, { errors: err.errors.map((e) => (e.path.startsWith('source') ? e : { ...e, path: `items.${i}.${e.path}` })), extra: err.extra });
        }
        throw err;
      }
    }
    return created;
  });
}

/** The tasks of one conclusion notice in one go: every item checked first; any bad item and nothing is created. */
export async function createTasksBulk(ctx: ServiceContext, input: z.output<typeof BulkCreateRequest>) {
  requirePermission(ctx.actor, 'task.assign');
  const issues = await checkBulkItems(ctx, input.items, today());
  if (issues.length) throw new DomainError('VALIDATION_FAILED', issues.map((e) => `${e.path}: ${e.message}`).join('; '), { errors: issues });
  const created = await createAllInOneTransaction(ctx, input.source, input.items);
  return { created: created.map((t) => ({ id: t.id, content: t.content, primaryAgencyName: t.primaryAgencyName, deadline: t.deadline })) };
}
