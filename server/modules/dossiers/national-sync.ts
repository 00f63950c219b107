import type { z } from 'zod';
import { requirePermission } from '../../platform/auth/permissions.js';
import { audit } from '../../platform/audit/service.js';
import { addDays } from '../../platform/calendar/date-only.js';
import type { ServiceContext } from '../../platform/context.js';
import type { TimeUnit } from '../procedures/tables.js';
import * as repo from './national-sync-repo.js';
import type { NationalSyncRequest } from './national-sync-schemas.js';

/**
 * One dossier as the national public service portal (Cổng Dịch vụ công quốc gia) takes it, with the portal's own
 * field names. What is confirmed and what is not:
 * - confirmed in the domain reference (field names as provincial connectors and the index formula use them):
 *   MaHoSo, MaTTHC, KenhThucHien (1/2/3), TrangThaiHoSo (1–10), NgayNopHoSo, NgayTiepNhan, NgayHenTra,
 *   NgayKetThucXuLy, ThoiGianGiaiQuyet, DonViTinh, DuocThanhToanTrucTuyen (0/1/2), HoSoCoThanhPhanSoHoa,
 *   TaiLieuNop[].DuocSoHoa, TaiLieuNop[].DuocLayTuKhoDMQG, DuongDanTepTinKetQua, MaKetQua;
 * - not confirmed (names as commonly seen, to check against the portal's integration document before going
 *   live): TenTTHC, ChuHoSo, SoCMND, TaiLieuNop[].TenTepDinhKem, MaCoQuan, TenCoQuan, the DonViTinh wording, and
 *   whether dates are `yyyyMMddHHmmss` in Việt Nam time everywhere (that is the form the connectors send).
 * Optional fields are left out rather than sent empty.
 */
export interface NationalDossierRecord {
  MaHoSo: string;
  MaTTHC: string;
  TenTTHC: string;
  KenhThucHien: number;
  TrangThaiHoSo: number;
  NgayNopHoSo: string;
  NgayTiepNhan?: string;
  NgayHenTra?: string;
  NgayKetThucXuLy?: string;
  ThoiGianGiaiQuyet?: number;
  DonViTinh?: string;
  ChuHoSo: string;
  SoCMND?: string;
  MaCoQuan?: string;
  TenCoQuan: string;
  DuocThanhToanTrucTuyen: number;
  HoSoCoThanhPhanSoHoa: 0 | 1;
  TaiLieuNop: { TenTepDinhKem: string; DuocSoHoa: 0 | 1; DuocLayTuKhoDMQG: 0 | 1 }[];
  MaKetQua?: string;
  DuongDanTepTinKetQua?: string;
}

export interface NationalSendResult {
  accepted: number;
  fileName: string;
  bytes: Buffer;
  /** where the implementation put it (a file path, a transaction id of the portal) */
  location: string;
}

/** The seam to the national portal: the file implementation now, the portal's web service later. */
export interface NationalPortal {
  send(records: NationalDossierRecord[], meta: { tenantCode: string; at: Date }): Promise<NationalSendResult>;
}

/** At most this many dossiers per export; the caller repeats while `remaining` says more are due. */
export const NATIONAL_SYNC_BATCH = 5_000;

/** `yyyyMMddHHmmss` in Việt Nam time (UTC+7 all year). */
export function portalDate(value: Date | string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const d = value instanceof Date ? value : new Date(value);
  return new Date(d.getTime() + 7 * 3_600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

const UNIT_WORDS: Record<TimeUnit, string> = { working_days: 'Ngày làm việc', working_hours: 'Giờ làm việc', days: 'Ngày', months: 'Tháng' };

export function toNationalRecord(d: repo.SyncDossierRow, components: repo.SyncComponentRow[], baseUrl: string): NationalDossierRecord {
  const parts = components.map((c) => ({ TenTepDinhKem: c.name, DuocSoHoa: (c.digitized || c.reused ? 1 : 0) as 0 | 1, DuocLayTuKhoDMQG: (c.from_citizen_store ? 1 : 0) as 0 | 1 }));
  const record: NationalDossierRecord = {
    MaHoSo: d.code,
    MaTTHC: d.procedure_code,
    TenTTHC: d.procedure_name,
    KenhThucHien: d.channel,
    TrangThaiHoSo: d.status,
    NgayNopHoSo: portalDate(d.submitted_at)!,
    ChuHoSo: d.applicant_name,
    TenCoQuan: d.handling_name,
    DuocThanhToanTrucTuyen: d.paid_online,
    HoSoCoThanhPhanSoHoa: parts.some((p) => p.DuocSoHoa === 1) ? 1 : 0,
    TaiLieuNop: parts,
  };
  const optional: Partial<NationalDossierRecord> = {
    NgayTiepNhan: portalDate(d.received_at),
    NgayHenTra: portalDate(d.appointment_at),
    NgayKetThucXuLy: portalDate(d.ended_at),
    ThoiGianGiaiQuyet: Number(d.time_limit),
    DonViTinh: UNIT_WORDS[d.time_unit as TimeUnit],
    SoCMND: d.applicant_kind === 'person' ? d.applicant_id_number : undefined,
    MaCoQuan: d.handling_code ?? undefined,
    MaKetQua: d.result_summary ?? undefined,
    DuongDanTepTinKetQua: d.result_file_id ? `${baseUrl}/api/files/${d.result_file_id}/content` : undefined,
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined && v !== '') (record as unknown as Record<string, unknown>)[k] = v;
  return record;
}

/**
 * Sends dossiers to the national portal through `portal`: those changed since they were last sent, or those
 * received in a period; marks them sent (the version sent) in the same transaction and returns the file.
 */
export async function exportDossiersNational(ctx: ServiceContext, input: z.output<typeof NationalSyncRequest>, portal: NationalPortal, baseUrl: string, now = new Date()) {
  // the connection to a national system is the administrator's, like the exchange's peers
  requirePermission(ctx.actor, 'exchange.manage');
  const selection: repo.SyncSelection =
    input.mode === 'changed' ? { mode: 'changed' } : { mode: 'period', start: new Date(`${input.from}T00:00:00+07:00`), end: new Date(`${addDays(input.to, 1)}T00:00:00+07:00`) };
  return ctx.db.transaction(async (tx) => {
    const rows = await repo.dossiersToSync(tx, ctx.actor.tenantId, selection, NATIONAL_SYNC_BATCH + 1);
    const batch = rows.slice(0, NATIONAL_SYNC_BATCH);
    const components = await repo.componentsOf(tx, batch.map((r) => r.id));
    const byDossier = new Map<string, repo.SyncComponentRow[]>();
    for (const c of components) byDossier.set(c.dossier_id, [...(byDossier.get(c.dossier_id) ?? []), c]);
    const records = batch.map((d) => toNationalRecord(d, byDossier.get(d.id) ?? [], baseUrl));
    const tenantCode = await repo.tenantCode(tx, ctx.actor.tenantId);
    // nothing due: nothing is sent, the caller gets an empty list
    if (records.length === 0) return { count: 0, remaining: false, fileName: `dvcqg-hoso-${tenantCode}-trong.json`, bytes: Buffer.from('[]\n') };
    const sent = await portal.send(records, { tenantCode, at: now });
    const marked = await repo.markSynced(tx, ctx.actor.tenantId, batch);
    await audit(ctx, tx, { action: 'dossier.national_sync', entityType: 'national_sync', entityId: ctx.actor.tenantId, summary: `Đồng bộ ${records.length} hồ sơ lên Cổng DVCQG (${sent.fileName})`, after: { mode: input.mode, count: records.length, marked, location: sent.location } });
    return { count: records.length, remaining: rows.length > NATIONAL_SYNC_BATCH, fileName: sent.fileName, bytes: sent.bytes };
  });
}
