import { vietnamLocalMs } from '../../platform/calendar/date-only.js';

const pad = (n: number) => String(n).padStart(2, '0');
const parts = (at: Date) => {
  const d = new Date(vietnamLocalMs(at));
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), wd: d.getUTCDay() };
};

/** "30/11/2026" in Vietnam time. */
export function vnDate(at: Date): string {
  const p = parts(at);
  return `${pad(p.d)}/${pad(p.mo)}/${p.y}`;
}

/** "08:00" in Vietnam time. */
export function vnTime(at: Date): string {
  const p = parts(at);
  return `${pad(p.h)}:${pad(p.mi)}`;
}

/** "08:00–10:00 ngày 30/11/2026" (the end's date added when it falls on another day). */
export function timeRange(start: Date, end: Date): string {
  const sameDay = vnDate(start) === vnDate(end);
  return sameDay ? `${vnTime(start)}–${vnTime(end)} ngày ${vnDate(start)}` : `${vnTime(start)} ngày ${vnDate(start)} – ${vnTime(end)} ngày ${vnDate(end)}`;
}

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** "08 giờ 00, Thứ Hai, ngày 30/11/2026" — the way an invitation states the time. */
export function invitationTime(at: Date): string {
  const p = parts(at);
  return `${pad(p.h)} giờ ${pad(p.mi)}, ${WEEKDAYS[p.wd]}, ngày ${vnDate(at)}`;
}

/** "ngày 27 tháng 11 năm 2026" for the place-and-date line (Decree 30, App. I). */
export function longDate(at: Date): string {
  const p = parts(at);
  return `ngày ${pad(p.d)} tháng ${pad(p.mo)} năm ${p.y}`;
}
