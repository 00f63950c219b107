/**
 * What the figures count of dossiers and documents (the rollup specs), in one place: each flag is the national
 * index's definition (domain file §4.2) evaluated on one entity. A dossier counts on the Việt Nam day it was received
 * (received side) and on the day its processing ended (resolved side); a document on the day it was registered
 * (incoming) or issued (outgoing).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import * as engine from './rollup-engine.js';

/** The month (its first day) of a facts' day: the monthly tables' key. */
const monthOf = (col: string) => `date_trunc('month', ${col})::date`;
const vnDay = (col: string) => `((${col} at time zone 'UTC') + interval '7 hours')::date`;
const idFilter = (alias: string, ids: { tenantId: string; ids: string[] } | null): SQL =>
  ids ? sql`${sql.raw(alias)}.tenant_id = ${ids.tenantId} and ${sql.raw(alias)}.id = any(${`{${ids.ids.join(',')}}`}::uuid[])` : sql`true`;
const bit = (condition: string) => `(case when ${condition} then 1 else 0 end)::smallint`;

const DOSSIER_FACTS = [
  'dossier_id', 'tenant_id', 'handling_agency_id', 'receiving_agency_id', 'procedure_id', 'received_on', 'resolved_on', 'outcome', 'processing_ms',
  'overdue_at', 'online', 'online_valid', 'full_online', 'full_online_eligible', 'digitized', 'reused', 'from_store', 'paper_result', 'e_result', 'certified',
  'certified_electronic', 'fee_bearing', 'paid_online', 'synced', 'verified', 'rated', 'disliked', 'complained',
] as const;

/** The flags the received side counts, by the facts column of the same name. */
const RECEIVED_FLAGS = DOSSIER_FACTS.slice(DOSSIER_FACTS.indexOf('online'));

const dossierCurrent = (ids: { tenantId: string; ids: string[] } | null) => sql`
  select d.id as dossier_id, d.tenant_id, d.handling_agency_id, d.receiving_agency_id, d.procedure_id,
    ${sql.raw(`case when d.received_at is not null then ${vnDay('d.received_at')} end`)} as received_on,
    ${sql.raw(`case when d.outcome is not null and d.ended_at is not null then ${vnDay('d.ended_at')} end`)} as resolved_on,
    d.outcome,
    ${sql.raw(`case when d.outcome is not null and d.received_at is not null
      then greatest(0, (extract(epoch from coalesce(d.processed_at, d.ended_at) - d.received_at) * 1000)::bigint - d.paused_ms) else 0 end`)} as processing_ms,
    ${sql.raw(`case when d.received_at is not null and d.ended_at is null and d.appointment_at is not null and d.status not in (1, 3) then
      case when d.supplement_count > 1 then '-infinity'::timestamptz
        when d.paused_since is not null then
          case when d.paused_since - make_interval(secs => d.paused_ms / 1000.0) > d.appointment_at then '-infinity'::timestamptz else 'infinity'::timestamptz end
        else d.appointment_at + make_interval(secs => d.paused_ms / 1000.0) end
      end`)} as overdue_at,
    ${sql.raw(bit('d.channel = 2'))} as online,
    ${sql.raw(bit('d.channel = 2 and (not p.result_paper or d.result_electronic or (d.processed_at is null and d.returned_at is null))'))} as online_valid,
    ${sql.raw(bit(`d.channel = 2 and p.online_service = 'full'`))} as full_online,
    ${sql.raw(bit(`p.online_service = 'full'`))} as full_online_eligible,
    ${sql.raw(
      bit(`exists (select 1 from dossier_components c where c.dossier_id = d.id)
        and not exists (select 1 from dossier_components c where c.dossier_id = d.id and not c.digitized)
        and (not p.result_paper or (d.processed_at is null and d.returned_at is null) or d.result_electronic)`),
    )} as digitized,
    ${sql.raw(bit('exists (select 1 from dossier_components c where c.dossier_id = d.id and (c.reused_from_dossier_id is not null or c.from_citizen_store))'))} as reused,
    ${sql.raw(bit('exists (select 1 from dossier_components c where c.dossier_id = d.id and c.from_citizen_store)'))} as from_store,
    ${sql.raw(bit('p.result_paper and (d.processed_at is not null or d.returned_at is not null)'))} as paper_result,
    ${sql.raw(bit('p.result_paper and (d.processed_at is not null or d.returned_at is not null) and d.result_electronic and d.result_file_id is not null'))} as e_result,
    ${sql.raw(bit(`p.field = 'Chứng thực'`))} as certified,
    ${sql.raw(bit(`p.field = 'Chứng thực' and d.outcome is not null and d.result_electronic`))} as certified_electronic,
    ${sql.raw(bit('d.fees_due > 0'))} as fee_bearing,
    ${sql.raw(bit('d.fees_due > 0 and d.paid_online in (1, 2)'))} as paid_online,
    ${sql.raw(bit('d.national_synced_at is not null'))} as synced,
    ${sql.raw(bit('d.applicant_verified'))} as verified,
    ${sql.raw(bit('r.dossier_id is not null'))} as rated,
    ${sql.raw(bit('r.satisfied = false'))} as disliked,
    ${sql.raw(bit('r.satisfied = false or exists (select 1 from feedbacks fb where fb.dossier_id = d.id)'))} as complained
  from dossiers d
  join procedures p on p.id = d.procedure_id
  left join dossier_ratings r on r.dossier_id = d.id
  where ${idFilter('d', ids)}`;

export const DOSSIER_ROLLUP: engine.RollupSpec = {
  topic: 'dossier',
  facts: 'dossier_stat_facts',
  factsKey: 'dossier_id',
  factsColumns: DOSSIER_FACTS,
  current: dossierCurrent,
  targets: [
    ...[
      ['dossier_stat_days', 'dossier_stat_days_key', (c: string) => ({ day: c, handling_agency_id: 'f.handling_agency_id', receiving_agency_id: 'f.receiving_agency_id' })] as const,
      ['dossier_stat_months', 'dossier_stat_months_key', (c: string) => ({ month: monthOf(c), handling_agency_id: 'f.handling_agency_id' })] as const,
    ].flatMap(([table, constraint, key]): engine.RollupTarget[] => [
      {
        table,
        constraint,
        key: { tenant_id: 'f.tenant_id', ...key('f.received_on') },
        counters: { received: '1', ...Object.fromEntries(RECEIVED_FLAGS.map((c) => [c, `f.${c}`])) },
        where: 'f.received_on is not null',
      },
      {
        table,
        constraint,
        key: { tenant_id: 'f.tenant_id', ...key('f.resolved_on') },
        counters: {
          resolved: '1',
          early: `(f.outcome = 'early')::int`,
          on_time: `(f.outcome = 'on_time')::int`,
          late: `(f.outcome = 'late')::int`,
          processing_ms: 'f.processing_ms',
        },
        where: 'f.resolved_on is not null',
      },
    ]),
    ...[
      ['dossier_stat_procedures', 'dossier_stat_procedures_key', { day: 'f.received_on' }] as const,
      ['dossier_stat_procedure_months', 'dossier_stat_procedure_months_key', { month: monthOf('f.received_on') }] as const,
    ].map(([table, constraint, when]) => ({
      table,
      constraint,
      key: { tenant_id: 'f.tenant_id', ...when, procedure_id: 'f.procedure_id', handling_agency_id: 'f.handling_agency_id' },
      counters: { received: '1', online: 'f.online', paid_online: 'f.paid_online', verified: 'f.verified', synced_fee: '(f.fee_bearing * f.synced)' },
      where: 'f.received_on is not null',
    })),
  ],
};

const documentCurrent = (ids: { tenantId: string; ids: string[] } | null) => sql`
  select d.id as document_id, d.tenant_id, d.agency_id, d.direction,
    ${sql.raw(`case when d.direction = 'incoming' and d.received_at is not null and d.arrival_number is not null then ${vnDay('d.received_at')}
      when d.direction = 'outgoing' and d.issued_at is not null and d.status in ('issued', 'recalled') then ${vnDay('d.issued_at')} end`)} as day,
    ${sql.raw(
      bit(`case when d.direction = 'incoming' then exists (select 1 from document_files df where df.document_id = d.id and df.role = 'main')
        else exists (select 1 from document_events e where e.document_id = d.id and e.kind = 'signed') end`),
    )} as electronic,
    ${sql.raw(bit(`exists (select 1 from document_events e where e.document_id = d.id and e.kind = 'signed')`))} as signed
  from documents d
  where ${idFilter('d', ids)}`;

export const DOCUMENT_ROLLUP: engine.RollupSpec = {
  topic: 'document',
  facts: 'document_stat_facts',
  factsKey: 'document_id',
  factsColumns: ['document_id', 'tenant_id', 'agency_id', 'direction', 'day', 'electronic', 'signed'],
  current: documentCurrent,
  targets: [
    ['document_stat_days', 'document_stat_days_key', { day: 'f.day' }] as const,
    ['document_stat_months', 'document_stat_months_key', { month: monthOf('f.day') }] as const,
  ].map(([table, constraint, when]) => ({
    table,
    constraint,
    key: { tenant_id: 'f.tenant_id', ...when, agency_id: 'f.agency_id', direction: 'f.direction' },
    counters: { total: '1', electronic: 'f.electronic', signed: 'f.signed' },
    where: 'f.day is not null',
  })),
};

export const ROLLUPS = [DOSSIER_ROLLUP, DOCUMENT_ROLLUP] as const;

/** Every rollup current before a read of the figures (cheap when nothing is pending). */
export async function catchUpStats(db: Db): Promise<void> {
  for (const spec of ROLLUPS) await engine.catchUp(db, spec);
}

export async function drainStats(db: Db): Promise<number> {
  let n = 0;
  for (const spec of ROLLUPS) n += await engine.drain(db, spec);
  return n;
}

export async function rebuildStats(db: Db): Promise<void> {
  for (const spec of ROLLUPS) await engine.rebuild(db, spec);
}

export async function verifyStats(db: Db): Promise<engine.RollupDifference[]> {
  const all: engine.RollupDifference[] = [];
  for (const spec of ROLLUPS) all.push(...(await engine.verify(db, spec)));
  return all;
}
