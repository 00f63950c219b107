import type { z } from 'zod';
import type { AnonymousContext } from '../../platform/context.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { readVerified } from '../../platform/files/service.js';
import { DomainError } from '../../platform/http/errors.js';
import { loadProcedureForIntake } from './intake.js';
import * as repo from './repo.js';
import type { PublicListQuery } from './schemas.js';
import { toDetail, toSummary } from './service.js';

const notFound = () => new DomainError('NOT_FOUND', 'Không tìm thấy thủ tục hành chính đang áp dụng');

async function tenantOf(ctx: AnonymousContext, code: string) {
  const tenant = await repo.tenantByCode(ctx.db, code);
  if (!tenant) throw new DomainError('NOT_FOUND', 'Không tìm thấy tỉnh, thành phố này');
  return tenant;
}

/** The public catalog (no login): active procedures only, with the filters a citizen uses. */
export async function listPublicProcedures(ctx: AnonymousContext, tenantCode: string, f: z.output<typeof PublicListQuery>) {
  const tenant = await tenantOf(ctx, tenantCode);
  const { items, total } = await repo.findProcedures(ctx.db, tenant.id, { ...f, active: true }, f);
  const fields = await repo.countByField(ctx.db, tenant.id, true);
  const agencies = await repo.catalogAgencies(ctx.db, tenant.id);
  return {
    tenantName: tenant.name,
    items: items.map((p) => {
      const { active, ...rest } = toSummary(p);
      void active;
      return rest;
    }),
    total,
    page: f.page,
    pageSize: f.pageSize,
    fields: fields.map((x) => x.field),
    agencies: agencies.map((a) => ({ id: a.id, name: a.name })),
  };
}

async function activeProcedure(ctx: AnonymousContext, tenantCode: string, id: string) {
  const tenant = await tenantOf(ctx, tenantCode);
  const p = await loadProcedureForIntake(ctx.db, tenant.id, id);
  if (!p || !p.active) throw notFound();
  return { tenant, p };
}

/** What a citizen reads: components, fees, time limit, result, legal basis; not the internal process. */
export async function getPublicProcedure(ctx: AnonymousContext, tenantCode: string, id: string) {
  const { tenant, p } = await activeProcedure(ctx, tenantCode, id);
  const { steps, countedHours, limitHours, active, createdAt, updatedAt, ...rest } = toDetail(p);
  void [steps, countedHours, limitHours, active, createdAt, updatedAt];
  return { ...rest, tenantName: tenant.name };
}

/** A component's form to fill in, read from the files platform (checked against its SHA-256). */
export async function openProcedureTemplate(ctx: AnonymousContext, store: BlobStore, tenantCode: string, id: string, componentId: string) {
  const { tenant, p } = await activeProcedure(ctx, tenantCode, id);
  const component = p.components.find((c) => c.id === componentId);
  if (!component?.templateFileId) throw new DomainError('NOT_FOUND', 'Thành phần hồ sơ này không có mẫu đơn, tờ khai');
  const file = await repo.getFileRow(ctx.db, tenant.id, component.templateFileId);
  if (!file) throw new DomainError('NOT_FOUND', 'Không tìm thấy tệp mẫu đơn, tờ khai');
  return { file, stream: await readVerified(store, file) };
}
