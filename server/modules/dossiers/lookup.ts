import type { AnonymousContext } from '../../platform/context.js';
import { DomainError } from '../../platform/http/errors.js';
import * as repo from './public-repo.js';
import { DOSSIER_STATUS_LABELS } from './state-machine.js';

/** A phone as digits, the country code turned into the leading 0: "+84 912 345 678" = "0912345678". */
export function normalizePhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.startsWith('84') && digits.length === 11 ? `0${digits.slice(2)}` : digits;
}

/** An ID or tax number without spaces, dots or dashes, upper case. */
export const normalizeIdNumber = (value: string): string => value.replace(/[\s.-]/g, '').toUpperCase();

/** Whether the contact given is the applicant's phone or ID number (both normalized). */
export function contactMatches(contact: string, applicant: { phone: string; idNumber: string }): boolean {
  const phone = normalizePhone(contact);
  const id = normalizeIdNumber(contact);
  return (phone.length >= 9 && phone === normalizePhone(applicant.phone)) || (id.length >= 6 && id === normalizeIdNumber(applicant.idNumber));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Unknown code and wrong contact answer the same, so the lookup cannot be used to find which codes exist. */
const notFound = () => new DomainError('NOT_FOUND', 'Không tìm thấy hồ sơ với mã và số điện thoại/số giấy tờ đã nhập');

/**
 * The tenant's dossier named by its code — or, before it is received, by the submission reference an online
 * applicant keeps — when the contact is the applicant's; else 404.
 */
export async function findDossierForCitizen(db: AnonymousContext['db'], tenantCode: string, code: string, contact: string, opts: { lock?: boolean } = {}) {
  const tenant = await repo.tenantByCode(db, tenantCode);
  if (!tenant) throw new DomainError('NOT_FOUND', 'Không tìm thấy tỉnh, thành phố này');
  const key = code.trim();
  const dossier = UUID.test(key) ? await repo.dossierById(db, tenant.id, key, opts) : await repo.dossierByCode(db, tenant.id, key, opts);
  if (!dossier || !contactMatches(contact, { phone: dossier.applicantPhone, idNumber: dossier.applicantIdNumber })) throw notFound();
  return { tenant, dossier };
}

export const TIMELINE_KINDS = ['submitted', 'received', 'processing', 'supplement_requested', 'supplement_completed', 'extended', 'processed', 'returned', 'refused', 'withdrawn', 'stopped'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  at: Date;
  kind: TimelineKind;
  agencyName: string | null;
  /** what to supplement, item by item */
  items: string[];
  newAppointmentAt: Date | null;
}

interface TimelineSource {
  events: { kind: string; at: Date; agencyId: string | null }[];
  supplements: { items: string[] }[];
  extensions: { newAppointmentAt: Date }[];
  agencyName: (id: string | null) => string | null;
  receivingAgencyId: string | null;
}

const SIMPLE: Record<string, TimelineKind> = {
  submitted: 'submitted',
  supplement_completed: 'supplement_completed',
  processed: 'processed',
  returned: 'returned',
  refused: 'refused',
  withdrawn: 'withdrawn',
  stopped: 'stopped',
};

/**
 * The dossier's history as the citizen sees it: where it is and what is asked of them. Who handled each step,
 * internal notes and payments are left out; consecutive hand-offs inside one agency show once.
 */
export function citizenTimeline(src: TimelineSource): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  let supplement = 0;
  let extension = 0;
  let lastAgency: string | null = null;
  const push = (at: Date, kind: TimelineKind, extra: Partial<TimelineEntry> = {}) => out.push({ at, kind, agencyName: null, items: [], newAppointmentAt: null, ...extra });
  for (const e of src.events) {
    if (e.kind === 'received') {
      lastAgency = null;
      push(e.at, 'received', { agencyName: src.agencyName(src.receivingAgencyId) });
    } else if (e.kind === 'handoff') {
      if (e.agencyId && e.agencyId !== lastAgency) push(e.at, 'processing', { agencyName: src.agencyName(e.agencyId) });
      lastAgency = e.agencyId ?? lastAgency;
    } else if (e.kind === 'supplement_requested') {
      push(e.at, 'supplement_requested', { items: src.supplements[supplement++]?.items ?? [] });
    } else if (e.kind === 'extended') {
      push(e.at, 'extended', { newAppointmentAt: src.extensions[extension++]?.newAppointmentAt ?? null });
    } else if (SIMPLE[e.kind]) {
      push(e.at, SIMPLE[e.kind]!);
    }
  }
  return out;
}

/** `lookupDossierPublic`: status, procedure, dates and the citizen's timeline of one dossier (no login). */
export async function lookupDossierPublic(ctx: AnonymousContext, tenantCode: string, query: { code: string; contact: string }) {
  const { tenant, dossier: d } = await findDossierForCitizen(ctx.db, tenantCode, query.code, query.contact);
  const [events, supplements, extensions, rating] = [await repo.eventsOf(ctx.db, d.id), await repo.supplementsOf(ctx.db, d.id), await repo.extensionsOf(ctx.db, d.id), await repo.ratingOf(ctx.db, d.id)];
  const agencyIds = [d.receivingAgencyId, d.handlingAgencyId, ...events.map((e) => e.agencyId)].filter((x): x is string => Boolean(x));
  const names = await repo.agencyNames(ctx.db, tenant.id, [...new Set(agencyIds)]);
  const agencyName = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  const timeline = citizenTimeline({ events, supplements, extensions, agencyName, receivingAgencyId: d.receivingAgencyId });
  const iso = (x: Date | null) => x?.toISOString() ?? null;
  return {
    tenantName: tenant.name,
    reference: d.id,
    code: d.code,
    status: d.status,
    statusLabel: DOSSIER_STATUS_LABELS[d.status],
    channel: d.channel,
    procedure: { code: d.procedureCode, name: d.procedureName },
    applicantName: d.applicantName,
    receivingAgencyName: agencyName(d.receivingAgencyId),
    handlingAgencyName: agencyName(d.handlingAgencyId),
    submittedAt: d.submittedAt.toISOString(),
    receivedAt: iso(d.receivedAt),
    appointmentAt: iso(d.appointmentAt),
    originalAppointmentAt: d.originalAppointmentAt && d.appointmentAt && d.originalAppointmentAt.getTime() !== d.appointmentAt.getTime() ? d.originalAppointmentAt.toISOString() : null,
    processedAt: iso(d.processedAt),
    returnedAt: iso(d.returnedAt),
    closingReason: d.status === 3 || d.status === 8 ? d.closingReason : null,
    feesDue: d.feesDue,
    feesPaid: d.feesPaid,
    timeline: timeline.map((e) => ({ at: e.at.toISOString(), kind: e.kind, agencyName: e.agencyName, items: e.items, newAppointmentAt: iso(e.newAppointmentAt) })),
    canRate: (d.status === 9 || d.status === 10) && !rating,
    rating: rating ? { satisfied: rating.satisfied, ratedAt: rating.ratedAt.toISOString() } : null,
  };
}
