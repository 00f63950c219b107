/**
 * The counts behind each indicator of the service index (service-index/inputs.ts says what each one counts), for
 * the province or one agency, from the rollups, the open dossiers, the catalog and the feedback. Where the rollups
 * approximate the portal's definition it is said here:
 * - 2.2 is the mean elapsed time from receipt to the end of processing less the paused time, in calendar days
 *   (the portal shows it only; working hours per dossier would need the calendar in the rollup);
 * - 3.5b counts procedures with a dossier paid online among those received in the period;
 * - 5.4's complaints are counted among the dossiers received in the period.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import type { WorkCalendar } from '../../platform/calendar/index.js';
import { emptyInputs, type ServiceIndexInputs } from './service-index/index.js';
import type { DossierRow, ProcedureUse } from './figures-repo.js';

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

export interface CatalogProcedure {
  id: string;
  level: 'province' | 'commune';
  competentAgencyId: string | null;
  onlineService: 'full' | 'partial' | 'none';
  feeBearing: boolean;
  forCitizens: boolean;
  complete: boolean;
  decisionDate: string | null;
  effectiveDate: string | null;
  publishedOn: string | null;
}

/** The tenant's active catalog with what the index asks of each procedure. */
export async function loadCatalog(db: Db, tenantId: string): Promise<CatalogProcedure[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select p.id, p.level, p.competent_agency_id, p.online_service,
        exists (select 1 from jsonb_array_elements(p.fees) e where (e->>'amount')::numeric > 0) as fee_bearing,
        p.subjects ? 'citizen' as for_citizens,
        (p.name <> '' and p.sequence <> '' and p.method <> '' and p.competent_agency_name <> '' and jsonb_array_length(p.subjects) > 0 and p.time_limit > 0
          and exists (select 1 from procedure_components c where c.procedure_id = p.id)) as complete,
        p.publication_decision_date::text as decision_date, p.legal_effective_date::text as effective_date, p.published_on::text as published_on
      from procedures p where p.tenant_id = ${tenantId} and p.active`),
  );
  return rows.map((r) => ({
    id: String(r.id),
    level: r.level as CatalogProcedure['level'],
    competentAgencyId: (r.competent_agency_id as string | null) ?? null,
    onlineService: r.online_service as CatalogProcedure['onlineService'],
    feeBearing: Boolean(r.fee_bearing),
    forCitizens: Boolean(r.for_citizens),
    complete: Boolean(r.complete),
    decisionDate: (r.decision_date as string | null) ?? null,
    effectiveDate: (r.effective_date as string | null) ?? null,
    publishedOn: (r.published_on as string | null) ?? null,
  }));
}

/** The procedures an agency answers for: a department its own, a commune every commune-level one; the province all. */
export function catalogOf(catalog: CatalogProcedure[], agency: { id: string; commune: boolean } | null): CatalogProcedure[] {
  if (!agency) return catalog;
  return agency.commune ? catalog.filter((p) => p.level === 'commune') : catalog.filter((p) => p.competentAgencyId === agency.id);
}

export interface FeedbackCounts {
  total: number;
  handled: number;
  onTime: number;
  overdueOpen: number;
  aboutRules: number;
  satisfiedNum: number;
}

export interface IndexSources {
  from: string;
  to: string;
  calendar: Pick<WorkCalendar, 'addWorkingDays'>;
  catalog: CatalogProcedure[];
  dossiers: DossierRow;
  open: { inTime: number; overdue: number };
  use: ProcedureUse;
  feedback: FeedbackCounts;
}

const c = (num: number, den: number) => ({ num, den });
const count = <T>(items: T[], pick: (item: T) => boolean) => items.reduce((n, item) => n + (pick(item) ? 1 : 0), 0);

/** Every indicator's counts from the sources of one scope. */
export function indexInputs(s: IndexSources): ServiceIndexInputs {
  const inputs = emptyInputs();
  const d = s.dossiers;
  const { calendar } = s;
  // 1.1 and 1.2: the publication decisions of the period, against the province's 5 working days
  const decided = s.catalog.filter((p) => p.decisionDate !== null && p.decisionDate >= s.from && p.decisionDate <= s.to);
  inputs['1.1'] = c(count(decided, (p) => p.effectiveDate !== null && p.decisionDate! <= calendar.addWorkingDays(p.effectiveDate, -5)), decided.length);
  inputs['1.2'] = c(count(decided, (p) => p.publishedOn !== null && p.publishedOn <= calendar.addWorkingDays(p.decisionDate!, 5)), decided.length);
  inputs['1.3'] = c(count(s.catalog, (p) => p.complete), s.catalog.length);
  inputs['1.4'] = c(d.synced, d.received);
  const processedSet = d.resolved + s.open.inTime + s.open.overdue;
  inputs['2.1'] = c(d.early + d.onTime + s.open.inTime, processedSet);
  inputs['2.2'] = c(Math.round((d.processingMs / 86_400_000) * 100) / 100, d.resolved);
  const withOnline = s.catalog.filter((p) => p.onlineService !== 'none');
  inputs['3.1'] = c(withOnline.length, s.catalog.length);
  inputs['3.2'] = c(count(withOnline, (p) => s.use.online.has(p.id)), withOnline.length);
  inputs['3.3'] = c(d.onlineValid, d.received);
  inputs['3.4'] = c(d.fullOnline, d.fullOnlineEligible);
  const feeBearing = s.catalog.filter((p) => p.feeBearing);
  inputs['3.5'] = c(count(feeBearing, (p) => s.use.syncedFee.has(p.id)), feeBearing.length);
  inputs['3.5b'] = c(count(feeBearing, (p) => s.use.paidOnline.has(p.id)), feeBearing.length);
  inputs['3.6'] = c(d.paidOnline, d.feeBearing);
  inputs['4.1'] = c(d.eResult, d.paperResult);
  inputs['4.2'] = c(d.digitized, d.received);
  inputs['4.3'] = c(d.reused, d.received);
  inputs['4.4'] = c(d.fromStore, d.received);
  const forCitizens = s.catalog.filter((p) => p.forCitizens);
  inputs['4.5a'] = c(count(forCitizens, (p) => s.use.verified.has(p.id)), forCitizens.length);
  inputs['4.5b'] = c(d.verified, d.received);
  inputs['4.6'] = c(d.certifiedElectronic, d.certified);
  inputs['5.1'] = c(s.feedback.aboutRules, s.feedback.total);
  inputs['5.2'] = c(s.feedback.onTime, s.feedback.handled + s.feedback.overdueOpen);
  inputs['5.3'] = c(Math.max(0, s.feedback.satisfiedNum), s.feedback.total);
  inputs['5.4'] = { den: processedSet, overdue: d.late + s.open.overdue, withComplaint: Math.min(d.complained, processedSet) };
  return inputs;
}
