import type { z } from 'zod';
import { audit } from '../../../platform/audit/service.js';
import { type Actor, requirePermission } from '../../../platform/auth/permissions.js';
import { instantFromVietnamLocalMs, isValidDate, MS_PER_DAY, toDayNumber } from '../../../platform/calendar/date-only.js';
import type { ServiceContext } from '../../../platform/context.js';
import { DomainError } from '../../../platform/http/errors.js';
import type { FormVersion } from '../tables.js';
import { applicantOf, fileName } from './common.js';
import { renderControlSlip } from './control-slip.js';
import * as data from './form-data.js';
import { publicLookupUrl, vnDate } from './format.js';
import { agencyName, deskBody, provinceCommitteeName } from './issuer.js';
import { ledgerCells, renderLedgerPdf, renderLedgerXlsx } from './ledger.js';
import { renderExtensionLetter, renderStopNotice } from './letters.js';
import { renderReceipt } from './receipt.js';
import type { DossierFormName, LedgerQuery } from './schemas.js';
import { renderRefusalSlip, renderSupplementSlip } from './slips.js';

export interface RenderedFile {
  bytes: Buffer;
  name: string;
  mime: string;
}

const PDF = 'application/pdf';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Circular 03/2025 applies from Decree 118/2025's start; slips given before it use the 2018 set. */
const FORMS_2025_FROM = '2025-07-01';
/** One print of the ledger: a year of a busy ward is ~60,000 lines; the whole province is printed per location. */
const LEDGER_MAX_ROWS = 20_000;

const unavailable = (detail: string) => new DomainError('DOSSIER_FORM_UNAVAILABLE', detail);
const notFound = () => new DomainError('NOT_FOUND', 'Không tìm thấy hồ sơ');

/** dossier.read: the whole province, or a dossier that one's agency received, handles or holds now. */
function canRead(actor: Actor, scope: string, agencies: (string | null)[]): boolean {
  return scope === 'tenant' || agencies.includes(actor.agencyId);
}

async function readableDossier(ctx: ServiceContext, id: string) {
  const scope = requirePermission(ctx.actor, 'dossier.read');
  const dossier = await data.findDossier(ctx.db, ctx.actor.tenantId, id);
  if (!dossier || !canRead(ctx.actor, scope, [dossier.receivingAgencyId, dossier.handlingAgencyId, dossier.currentAgencyId])) throw notFound();
  return dossier;
}

function pick<T extends { id: string }>(items: T[], itemId: string | undefined, none: string): T {
  if (items.length === 0) throw unavailable(none);
  if (!itemId) return items[items.length - 1]!;
  const found = items.find((x) => x.id === itemId);
  if (!found) throw new DomainError('NOT_FOUND', 'Không tìm thấy mục này của hồ sơ');
  return found;
}

/** One official form of a dossier as a PDF, in the set of its form version. */
export async function getDossierForm(ctx: ServiceContext, id: string, form: DossierFormName, options: { itemId?: string | undefined; baseUrl: string }): Promise<RenderedFile> {
  const dossier = await readableDossier(ctx, id);
  const d = await data.loadDossierFormData(ctx.db, dossier);
  const file = (prefix: string, bytes: Buffer) => ({ bytes, name: fileName(prefix, dossier.code ?? dossier.id), mime: PDF });
  switch (form) {
    case 'receipt': {
      if (!dossier.code || !dossier.receivedAt) throw unavailable('Hồ sơ chưa được tiếp nhận nên chưa có Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
      return file('giay-tiep-nhan', await renderReceipt(d, publicLookupUrl(options.baseUrl, d.org.tenant.code, dossier.code)));
    }
    case 'control': {
      if (!dossier.code) throw unavailable('Hồ sơ chưa được tiếp nhận nên chưa có Phiếu kiểm soát quá trình giải quyết hồ sơ');
      return file('phieu-kiem-soat', await renderControlSlip(d));
    }
    case 'supplement': {
      const s = pick(d.supplements, options.itemId, 'Hồ sơ chưa có yêu cầu bổ sung, hoàn thiện nào');
      const officer = d.people.get(s.requestedBy);
      const bytes = await renderSupplementSlip({
        org: d.org,
        version: dossier.formVersion,
        deskAgencyId: dossier.receivingAgencyId,
        at: s.requestedAt,
        applicant: applicantOf(dossier),
        procedureName: dossier.procedureName,
        procedureCode: dossier.procedureCode,
        code: dossier.code,
        requestingAgency: agencyName(d.org, dossier.handlingAgencyId),
        items: s.items,
        reason: s.reason,
        officer: officer ? { name: officer.fullName, phone: officer.phone } : null,
      });
      return file('phieu-yeu-cau-bo-sung', bytes);
    }
    case 'refusal': {
      const slip = d.refusalSlip;
      if (!slip && dossier.status !== 3) throw unavailable('Hồ sơ không bị từ chối tiếp nhận nên không có Phiếu từ chối');
      const officer = slip ? d.people.get(slip.issuedBy) : undefined;
      const closed = d.events.find((e) => e.kind === 'refused');
      const bytes = await renderRefusalSlip({
        org: d.org,
        version: dossier.formVersion,
        deskAgencyId: slip?.receivingAgencyId ?? dossier.receivingAgencyId,
        at: slip?.issuedAt ?? closed?.at ?? dossier.endedAt ?? dossier.submittedAt,
        applicant: applicantOf(dossier),
        procedureName: dossier.procedureName,
        procedureCode: dossier.procedureCode,
        code: dossier.code,
        items: slip ? slip.items : [dossier.closingReason ?? closed?.note ?? ''],
        reason: slip?.note ?? null,
        officer: officer ? { name: officer.fullName, phone: officer.phone } : closed ? { name: closed.actorName, phone: null } : null,
      });
      return file('phieu-tu-choi', bytes);
    }
    case 'extension': {
      const ext = pick(d.extensions, options.itemId, 'Hồ sơ chưa có văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết');
      return file('van-ban-xin-loi', await renderExtensionLetter(d, ext));
    }
    case 'stop': {
      const stopped = dossier.status === 8 ? [...d.events].reverse().find((e) => e.kind === 'stopped') : undefined;
      if (!stopped) throw unavailable('Hồ sơ không bị dừng giải quyết nên không có Thông báo dừng giải quyết hồ sơ');
      return file('thong-bao-dung', await renderStopNotice(d, stopped));
    }
  }
}

const versionOn = (day: string): FormVersion => (day < FORMS_2025_FROM ? '2018' : '2025');

/** The guidance (02) or refusal (03) slip given at a desk without receiving a dossier. */
export async function getIntakeSlipForm(ctx: ServiceContext, id: string): Promise<RenderedFile> {
  const scope = requirePermission(ctx.actor, 'dossier.read');
  const slip = await data.findIntakeSlip(ctx.db, ctx.actor.tenantId, id);
  if (!slip || !(canRead(ctx.actor, scope, [slip.receivingAgencyId]) || slip.issuedBy === ctx.actor.userId)) throw new DomainError('NOT_FOUND', 'Không tìm thấy phiếu');
  const d = await data.loadIntakeSlipFormData(ctx.db, slip);
  const input = {
    org: d.org,
    version: versionOn(vnDateIso(slip.issuedAt)),
    deskAgencyId: slip.receivingAgencyId,
    at: slip.issuedAt,
    applicant: { ...slip.applicant },
    procedureName: d.procedure?.name ?? '',
    procedureCode: d.procedure?.code ?? null,
    code: null,
    items: slip.items,
    reason: slip.note,
    officer: d.issuer ? { name: d.issuer.fullName, phone: d.issuer.phone } : null,
  };
  const guidance = slip.kind === 'guidance';
  const bytes = guidance ? await renderSupplementSlip(input) : await renderRefusalSlip(input);
  return { bytes, name: fileName(guidance ? 'phieu-huong-dan-bo-sung' : 'phieu-tu-choi', vnDateIso(slip.issuedAt)), mime: PDF };
}

/** "YYYY-MM-DD" of an instant in Việt Nam. */
function vnDateIso(at: Date): string {
  return vnDate(at).split('/').reverse().join('-');
}

/** The same day a year later (29 February → 1 March): a period must end before it. */
function oneYearAfter(day: string): string {
  const next = `${Number(day.slice(0, 4)) + 1}${day.slice(4)}`;
  return isValidDate(next) ? next : `${next.slice(0, 4)}-03-01`;
}

const fieldError = (path: string, message: string) => new DomainError('BAD_REQUEST', message, { errors: [{ path, message }] });

/** Sổ theo dõi hồ sơ for a period (≤ 1 year), of a desk or agency, as PDF (A4 landscape) or Excel. */
export async function getDossierLedger(ctx: ServiceContext, q: z.output<typeof LedgerQuery>): Promise<RenderedFile> {
  const scope = requirePermission(ctx.actor, 'dossier.read');
  if (q.from > q.to) throw fieldError('to', 'Ngày cuối kỳ phải từ ngày đầu kỳ trở đi');
  if (q.to >= oneYearAfter(q.from)) throw fieldError('to', 'Mỗi lần in sổ tối đa một năm');
  let agencyId = q.agencyId ?? null;
  if (scope !== 'tenant') {
    if (agencyId && agencyId !== ctx.actor.agencyId) throw new DomainError('FORBIDDEN', 'Chỉ in được sổ theo dõi hồ sơ của cơ quan mình');
    agencyId = ctx.actor.agencyId;
  }
  const org = await data.loadOrgDirectory(ctx.db, ctx.actor.tenantId);
  if (agencyId && !org.agencies.has(agencyId)) throw fieldError('agencyId', 'Không tìm thấy cơ quan, điểm tiếp nhận này');
  const from = instantFromVietnamLocalMs(toDayNumber(q.from) * MS_PER_DAY);
  const to = instantFromVietnamLocalMs((toDayNumber(q.to) + 1) * MS_PER_DAY);
  const rows = await data.loadLedgerRows(ctx.db, ctx.actor.tenantId, { from, to, agencyId, limit: LEDGER_MAX_ROWS + 1 });
  if (rows.length > LEDGER_MAX_ROWS) throw fieldError('from', `Kỳ này có hơn ${LEDGER_MAX_ROWS.toLocaleString('vi-VN')} hồ sơ; hãy chọn kỳ ngắn hơn hoặc một nơi tiếp nhận`);
  const version = versionOn(q.to);
  const sheet = {
    keeper: agencyId ? agencyName(org, agencyId) : provinceCommitteeName(org),
    parent: agencyId ? deskBody(org, agencyId, version, false).parent : null,
    period: `Từ ngày ${q.from.split('-').reverse().join('/')} đến ngày ${q.to.split('-').reverse().join('/')}`,
    version,
    rows: ledgerCells(org, rows),
  };
  const bytes = q.format === 'xlsx' ? await renderLedgerXlsx(sheet) : await renderLedgerPdf(sheet);
  await ctx.db.transaction((tx) =>
    audit(ctx, tx, {
      action: 'dossier.ledger_exported',
      entityType: 'agency',
      entityId: agencyId ?? ctx.actor.tenantId,
      summary: `In sổ theo dõi hồ sơ ${sheet.keeper}, ${sheet.period.toLowerCase()} (${q.format.toUpperCase()})`,
      after: { from: q.from, to: q.to, agencyId, format: q.format, rows: rows.length },
    }),
  );
  return { bytes, name: `so-theo-doi-ho-so-${q.from}-${q.to}.${q.format}`, mime: q.format === 'xlsx' ? XLSX : PDF };
}
