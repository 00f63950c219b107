import { vietnamLocalMs } from '../../../platform/calendar/date-only.js';
import type { ComponentForm, TimeUnit } from '../../procedures/tables.js';
import type { DeliveryMethod, Outcome } from '../tables.js';

const pad = (n: number) => String(n).padStart(2, '0');
const parts = (at: Date) => {
  const d = new Date(vietnamLocalMs(at));
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes() };
};

/** "27/11/2026" in Việt Nam time. */
export function vnDate(at: Date): string {
  const p = parts(at);
  return `${pad(p.d)}/${pad(p.mo)}/${p.y}`;
}

/** "08 giờ 30 phút, ngày 27/11/2026" — how the slips state a time. */
export function vnTimeOfDay(at: Date | null | undefined): string {
  if (!at) return '…… giờ …… phút, ngày …/…/……';
  const p = parts(at);
  return `${pad(p.h)} giờ ${pad(p.mi)} phút, ngày ${vnDate(at)}`;
}

/** "An Giang, ngày 27 tháng 11 năm 2026" (Decree 30, App. I: place and date of issue). */
export function placeDate(place: string, at: Date): string {
  const p = parts(at);
  return `${place}, ngày ${pad(p.d)} tháng ${pad(p.mo)} năm ${p.y}`;
}

/** "1.234,5" — Vietnamese number style. */
export function vnNumber(n: number): string {
  const [int, frac] = String(n).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return frac ? `${grouped},${frac}` : grouped;
}

const UNITS: Record<TimeUnit, string> = { working_days: 'ngày làm việc', working_hours: 'giờ làm việc', days: 'ngày', months: 'tháng' };

/** "05 ngày làm việc" — the time limit as the procedure publishes it. */
export function timeLimitText(limit: number, unit: TimeUnit): string {
  const n = Number.isInteger(limit) && limit < 10 ? pad(limit) : vnNumber(limit);
  return `${n} ${UNITS[unit]}`;
}

const COMPONENT_FORMS: Record<ComponentForm, string> = { original: 'Bản chính', copy: 'Bản sao', certified_copy: 'Bản sao chứng thực', original_or_copy: 'Bản chính hoặc bản sao' };
export const componentFormLabel = (f: ComponentForm) => COMPONENT_FORMS[f] ?? f;

const OUTCOMES: Record<Outcome, string> = { early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Quá hạn' };
export const outcomeLabel = (o: Outcome | null | undefined) => (o ? OUTCOMES[o] : '');

const DELIVERY: Record<DeliveryMethod, string> = {
  counter: 'Trực tiếp tại nơi nộp hồ sơ',
  post: 'Qua dịch vụ bưu chính công ích',
  online: 'Trực tuyến (tài khoản Dịch vụ công)',
};
export const deliveryLabel = (d: DeliveryMethod) => DELIVERY[d] ?? d;

/** The citizen's lookup page for a dossier: what the receipt's QR code opens. */
export function publicLookupUrl(baseUrl: string, tenantCode: string, code: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/cong-khai/dich-vu-cong/${encodeURIComponent(tenantCode)}/tra-cuu?ma=${encodeURIComponent(code)}`;
}

/** "Ông/Bà" for a person, "Tổ chức" / "Doanh nghiệp" otherwise. */
export function addressee(kind: 'person' | 'business' | 'organization'): string {
  return kind === 'person' ? 'Ông/Bà' : kind === 'business' ? 'Doanh nghiệp' : 'Tổ chức';
}
