import type { FormVersion } from '../tables.js';
import type { AgencyInfo, OrgDirectory } from './form-data.js';
import type { IssuingBody } from './layout.js';

const COMMUNE_TYPES = new Set(['commune_committee', 'ward_committee', 'special_zone_committee']);
const COMMITTEE = /^Ủy ban nhân dân\s+/iu;

/** "Ủy ban nhân dân tỉnh An Giang" → "UBND tỉnh An Giang", the usual short form of a parent line. */
const shortCommittee = (name: string) => name.replace(COMMITTEE, 'UBND ');

function provinceCommittee(org: OrgDirectory): AgencyInfo | undefined {
  return [...org.agencies.values()].find((a) => a.type === 'province_committee');
}

/** The province's name without "Tỉnh"/"Thành phố": "An Giang". */
export function provincePlace(org: OrgDirectory): string {
  return org.tenant.name.replace(/^(Tỉnh|Thành phố)\s+/iu, '');
}

/** Where a form is issued (Decree 30, App. I): the commune for a commune's bodies, else the province. */
export function placeOf(org: OrgDirectory, agencyId: string | null | undefined): string {
  const agency = agencyId ? org.agencies.get(agencyId) : undefined;
  if (agency && COMMUNE_TYPES.has(agency.type)) return agency.name.replace(COMMITTEE, '').replace(/^(xã|phường|đặc khu)\s+/iu, '');
  return provincePlace(org);
}

/** "Ủy ban nhân dân tỉnh An Giang": the keeper of a ledger of the whole province. */
export function provinceCommitteeName(org: OrgDirectory): string {
  return provinceCommittee(org)?.name ?? `Ủy ban nhân dân ${org.tenant.name}`;
}

/** The province committee's short name, the parent line of the Center and of the departments. */
function provinceParent(org: OrgDirectory): string {
  const committee = provinceCommittee(org);
  return committee ? shortCommittee(committee.name) : `UBND ${org.tenant.name}`;
}

/**
 * The one-stop desk that receives and returns: a location of the province's Center, or a commune's desk —
 * "Trung tâm Phục vụ hành chính công" under Decree 118/2025, "Bộ phận Tiếp nhận và Trả kết quả" at a commune
 * under Decree 61/2018. `number` is the slip's number within the desk ("……" when the system gives none), or
 * false for a form without one (the control slip).
 */
export function deskBody(org: OrgDirectory, agencyId: string | null | undefined, version: FormVersion, number: string | null | false): IssuingBody {
  const agency = agencyId ? org.agencies.get(agencyId) : undefined;
  const commune = agency && COMMUNE_TYPES.has(agency.type);
  const center = !commune || version === '2025';
  const suffix = center ? 'TTPVHCC' : 'BPTNTKQ';
  return {
    parent: commune ? shortCommittee(agency.name) : provinceParent(org),
    name: center ? 'Trung tâm Phục vụ hành chính công' : 'Bộ phận Tiếp nhận và Trả kết quả',
    number: number === false ? null : `Số: ${number ?? '……'}/${suffix}`,
  };
}

/**
 * The desk's name as the body text says it: "Trung tâm … – Điểm tiếp nhận số 1", "Trung tâm Phục vụ hành chính
 * công phường Rạch Giá" (2025) or "Bộ phận Tiếp nhận và Trả kết quả phường Rạch Giá" (2018).
 */
export function deskName(org: OrgDirectory, agencyId: string | null | undefined, version: FormVersion = '2025'): string {
  const agency = agencyId ? org.agencies.get(agencyId) : undefined;
  if (!agency) return 'Bộ phận Một cửa';
  if (!COMMUNE_TYPES.has(agency.type)) return agency.name;
  const desk = version === '2025' ? 'Trung tâm Phục vụ hành chính công' : 'Bộ phận Tiếp nhận và Trả kết quả';
  return `${desk} ${agency.name.replace(COMMITTEE, '')}`;
}

/**
 * An agency issuing a letter in its own name (the apology letter, the stop notice): a department under the
 * province committee, or a committee on its own ("Ủy ban nhân dân" over the commune's name).
 */
export function agencyBody(org: OrgDirectory, agencyId: string | null | undefined, numberSuffix: string): IssuingBody {
  const agency = agencyId ? org.agencies.get(agencyId) : undefined;
  if (!agency) return { parent: null, name: provinceParent(org), number: `Số: ……/${numberSuffix}` };
  if (COMMITTEE.test(agency.name)) {
    return { parent: null, name: `Ủy ban nhân dân\n${agency.name.replace(COMMITTEE, '')}`, number: `Số: ……/${numberSuffix}-UBND` };
  }
  return { parent: provinceParent(org), name: agency.name, number: `Số: ……/${numberSuffix}-${agency.shortName}` };
}

export function agencyName(org: OrgDirectory, agencyId: string | null | undefined): string {
  return (agencyId && org.agencies.get(agencyId)?.name) || '';
}
