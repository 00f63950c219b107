import { formatDate, isValidDate } from '../../platform/calendar/date-only.js';
import { searchKey } from '../../platform/search/normalize.js';
import type { ProcedureForIntake } from './intake.js';
import type { ComponentForm, OnlineServiceKind, ProcedureLevel, ProcedureSubject, StepRole, TimeUnit } from './tables.js';

/**
 * The spreadsheet layout of the catalog, after the national procedure database's record (one row per
 * procedure). Lists inside a cell (components, fees, steps) are one item per line and the parts of an item
 * separated by " | "; a "|", a line break or a "\" inside a value is written "\|", "\n", "\\".
 * docs/procedure-import.md explains every column.
 */
export const COLUMNS = [
  { key: 'code', title: 'Mã thủ tục', width: 24 },
  { key: 'name', title: 'Tên thủ tục', width: 60 },
  { key: 'field', title: 'Lĩnh vực', width: 24 },
  { key: 'level', title: 'Cấp thực hiện', width: 14 },
  { key: 'competentAgency', title: 'Cơ quan có thẩm quyền', width: 30 },
  { key: 'receivingAgency', title: 'Cơ quan tiếp nhận', width: 30 },
  { key: 'timeLimit', title: 'Thời hạn giải quyết', width: 12 },
  { key: 'timeUnit', title: 'Đơn vị thời hạn', width: 16 },
  { key: 'subjects', title: 'Đối tượng thực hiện', width: 24 },
  { key: 'components', title: 'Thành phần hồ sơ', width: 60 },
  { key: 'fees', title: 'Phí, lệ phí', width: 40 },
  { key: 'steps', title: 'Quy trình nội bộ', width: 50 },
  { key: 'sequence', title: 'Trình tự thực hiện', width: 40 },
  { key: 'method', title: 'Cách thức thực hiện', width: 30 },
  { key: 'result', title: 'Kết quả thực hiện', width: 30 },
  { key: 'resultForms', title: 'Hình thức kết quả', width: 16 },
  { key: 'legalBasis', title: 'Căn cứ pháp lý', width: 40 },
  { key: 'legalEffectiveDate', title: 'Ngày hiệu lực căn cứ pháp lý', width: 16 },
  { key: 'requirements', title: 'Yêu cầu, điều kiện thực hiện', width: 30 },
  { key: 'onlineService', title: 'Dịch vụ công trực tuyến', width: 16 },
  { key: 'publicationDecision', title: 'Quyết định công bố', width: 24 },
  { key: 'publicationDecisionDate', title: 'Ngày quyết định công bố', width: 16 },
  { key: 'publishedOn', title: 'Ngày công khai', width: 16 },
  { key: 'status', title: 'Tình trạng', width: 14 },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]['key'];
export type Cells = Record<ColumnKey, string>;

export const LEVEL_LABELS: Record<ProcedureLevel, string> = { province: 'Cấp tỉnh', commune: 'Cấp xã' };
export const UNIT_LABELS: Record<TimeUnit, string> = { working_days: 'Ngày làm việc', working_hours: 'Giờ làm việc', days: 'Ngày', months: 'Tháng' };
export const SUBJECT_LABELS: Record<ProcedureSubject, string> = { citizen: 'Công dân', business: 'Doanh nghiệp', organization: 'Tổ chức' };
export const FORM_LABELS: Record<ComponentForm, string> = { original: 'Bản chính', copy: 'Bản sao', certified_copy: 'Bản sao chứng thực', original_or_copy: 'Bản chính hoặc bản sao' };
export const ROLE_LABELS: Record<StepRole, string> = { reception: 'Tiếp nhận', assignment: 'Phân công', handling: 'Thẩm định', review: 'Xem xét', approval: 'Phê duyệt', issuance: 'Phát hành', return: 'Trả kết quả' };
export const ONLINE_LABELS: Record<OnlineServiceKind, string> = { full: 'Toàn trình', partial: 'Một phần', none: 'Không' };
const FEE_LABELS = { fee: 'Phí', charge: 'Lệ phí' } as const;

/** label → value, accent- and case-insensitive (also taking the English value itself). */
function reverse<V extends string>(labels: Record<V, string>): (text: string) => V | undefined {
  const map = new Map<string, V>();
  for (const [value, label] of Object.entries(labels) as [V, string][]) {
    map.set(searchKey(label), value);
    map.set(searchKey(value), value);
  }
  return (text) => map.get(searchKey(text));
}
export const parseLevel = reverse(LEVEL_LABELS);
export const parseUnit = reverse(UNIT_LABELS);
export const parseSubject = reverse(SUBJECT_LABELS);
export const parseForm = reverse(FORM_LABELS);
export const parseRole = reverse(ROLE_LABELS);
export const parseOnline = reverse(ONLINE_LABELS);
export const parseFeeKind = reverse(FEE_LABELS);

const escapePart = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '\\n');

/** One item per line, its parts joined by " | ". */
export const joinItems = (items: string[][]) => items.map((parts) => parts.map(escapePart).join(' | ')).join('\n');

/** The reverse of joinItems: lines → parts, with the escapes undone and each part trimmed. */
export function splitItems(cell: string): string[][] {
  return cell
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const parts: string[] = [];
      let cur = '';
      for (let i = 0; i < line.length; i++) {
        const ch = line[i]!;
        if (ch === '\\' && i + 1 < line.length) {
          const next = line[++i]!;
          cur += next === 'n' ? '\n' : next;
        } else if (ch === '|') {
          parts.push(cur.trim());
          cur = '';
        } else cur += ch;
      }
      parts.push(cur.trim());
      return parts;
    });
}

/** 7 or 0,5 — a Vietnamese decimal comma, no thousands separator. */
export const formatNumber = (n: number) => String(n).replace('.', ',');

/** "7", "0,5", "0.5"; amounts in đồng may carry thousands dots ("50.000") when they have no decimals. */
export function parseNumber(text: string, integer = false): number | null {
  let s = text.trim().replace(/\s/g, '');
  if (s === '') return null;
  if (integer) s = s.replace(/[.,](?=\d{3}(\D|$))/g, '');
  else s = s.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

export const formatVnDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

/** dd/MM/yyyy (or yyyy-MM-dd, what a date cell reads as); '' → null; undefined when it is not a date. */
export function parseVnDate(text: string): string | null | undefined {
  const s = text.trim();
  if (s === '') return null;
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) {
    const iso = formatDate(Number(m[3]), Number(m[2]), Number(m[1]));
    return isValidDate(iso) ? iso : undefined;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return isValidDate(s) ? s : undefined;
  return undefined;
}

/** A procedure as one row of the layout: every field, so that importing an export gives it back. */
export function toCells(p: ProcedureForIntake): Cells {
  return {
    code: p.code,
    name: p.name,
    field: p.field,
    level: LEVEL_LABELS[p.level],
    competentAgency: p.competentAgencyName,
    receivingAgency: p.receivingAgencyName,
    timeLimit: formatNumber(p.timeLimit),
    timeUnit: UNIT_LABELS[p.timeUnit],
    subjects: p.subjects.map((s) => SUBJECT_LABELS[s]).join('; '),
    components: joinItems(p.components.map((c) => [c.name, FORM_LABELS[c.form], String(c.copies), c.required ? 'Bắt buộc' : 'Không bắt buộc', c.templateName ?? '', c.templateFileId ?? ''])),
    fees: joinItems(p.fees.map((f) => [FEE_LABELS[f.kind], f.name, String(f.amount), f.note ?? ''])),
    steps: joinItems(p.steps.map((s) => [s.name, ROLE_LABELS[s.role], formatNumber(s.budgetHours), s.notCounted ? 'Không tính thời gian' : ''])),
    sequence: p.sequence,
    method: p.method,
    result: p.result,
    // "Không" keeps neither apart from the empty cell, which means paper
    resultForms: [p.resultPaper ? 'Giấy' : '', p.resultElectronic ? 'Điện tử' : ''].filter(Boolean).join('; ') || 'Không',
    legalBasis: p.legalBasis,
    legalEffectiveDate: formatVnDate(p.legalEffectiveDate),
    requirements: p.requirements,
    onlineService: ONLINE_LABELS[p.onlineService],
    publicationDecision: p.publicationDecision ?? '',
    publicationDecisionDate: formatVnDate(p.publicationDecisionDate),
    publishedOn: formatVnDate(p.publishedOn),
    status: p.active ? 'Đang áp dụng' : 'Bãi bỏ',
  };
}

/** The header cells a reader looks for, accent-insensitive. */
export const HEADER_KEYS = new Map<string, ColumnKey>(COLUMNS.map((c) => [searchKey(c.title), c.key]));
