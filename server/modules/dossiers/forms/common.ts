import type { ApplicantKind, FormVersion } from '../tables.js';
import type { DossierRow } from './form-data.js';
import type { FormDoc } from './layout.js';

export type FormKind = 'receipt' | 'supplement' | 'refusal' | 'extension' | 'stop' | 'control' | 'ledger';

// Circular 03/2025 Appendix I numbers seven forms; Circular 01/2018 had six, without the stop notice.
const NUMBERS: Record<FormVersion, Partial<Record<FormKind, string>>> = {
  '2025': { receipt: '01', supplement: '02', refusal: '03', extension: '04', stop: '05', control: '06', ledger: '07' },
  '2018': { receipt: '01', supplement: '02', refusal: '03', extension: '04', control: '05', ledger: '06' },
};
const CIRCULAR: Record<FormVersion, string> = { '2025': 'Thông tư số 03/2025/TT-VPCP', '2018': 'Thông tư số 01/2018/TT-VPCP' };

/**
 * The set a form is printed from: the dossier's own, except the stop notice, which only Circular 03/2025 has
 * (a dossier of the 2018 set stopped today gets the 2025 notice).
 */
export function formVersionFor(kind: FormKind, version: FormVersion): FormVersion {
  return NUMBERS[version][kind] ? version : '2025';
}

/** "Mẫu số 06 – Thông tư số 03/2025/TT-VPCP" printed small at the bottom of every page. */
export function formFooter(kind: FormKind, version: FormVersion): string {
  const v = formVersionFor(kind, version);
  return `Mẫu số ${NUMBERS[v][kind]} – ${CIRCULAR[v]}`;
}

export interface ApplicantInfo {
  kind: ApplicantKind;
  name: string;
  representative?: string | null | undefined;
  idNumber?: string | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  address?: string | null | undefined;
}

export function applicantOf(d: DossierRow): ApplicantInfo {
  return {
    kind: d.applicantKind,
    name: d.applicantName,
    representative: d.applicantRepresentative,
    idNumber: d.applicantIdNumber,
    phone: d.applicantPhone,
    email: d.applicantEmail,
    address: d.applicantAddress,
  };
}

/** The applicant's lines as every slip has them: name, representative, ID, address, phone and e-mail. */
export function writeApplicant(f: FormDoc, label: string, a: ApplicantInfo) {
  f.field(label, a.name);
  if (a.representative) f.field('Người đại diện', a.representative);
  if (a.idNumber) f.field(a.kind === 'person' ? 'Số định danh cá nhân' : 'Mã số doanh nghiệp/mã số thuế', a.idNumber);
  f.field('Địa chỉ', a.address ?? '');
  f.field('Số điện thoại', `${a.phone ?? ''}${a.email ? `      Thư điện tử: ${a.email}` : ''}`);
}

/** A file name without diacritics: "giay-tiep-nhan-000.00.20.Z01-261127-0001.pdf". */
export function fileName(prefix: string, code: string | null, ext: 'pdf' | 'xlsx' = 'pdf'): string {
  const safe = (code ?? '').normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^A-Za-z0-9.-]/g, '-');
  return `${prefix}${safe ? `-${safe}` : ''}.${ext}`;
}
