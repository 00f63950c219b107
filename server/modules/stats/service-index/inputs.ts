/**
 * What the calculator is fed: per indicator of Decision 766 the counts behind its rate, as the stats service
 * will query them from the procedures, dossiers, payments, feedback and ratings (domain file §4.2 is the
 * authority for each formula; the column names below are those of server/modules/{procedures,dossiers}/tables.ts).
 *
 * Conventions used by every comment below:
 * - The period is [from, to] in Việt Nam days: `start` = from 00:00 (+07), `end` = the day after `to`, 00:00;
 *   `cutoff` = the earlier of `end` and now (what is still open is judged at the cut-off).
 * - "received in the period": `dossiers.received_at` in [start, end) — NgayTiepNhan, as the portal counts
 *   (domain §8.8); dossiers never received (status 1 waiting, 3 refused) have no `received_at` and never count.
 * - "processed set" (2.1, 5.4): dossiers whose processing ended in [start, end) with an `outcome`
 *   (stats-repo `resolvedCounts`) plus those received before the cut-off and still open at it, with an
 *   appointment (stats-repo `pendingCounts`).
 * - "catalog": `procedures` with `active = true`, counted once per national `code`.
 * - "fee-bearing procedure": one whose `procedures.fees` has an item with `amount > 0`.
 * - Scope: the province = the tenant; a department or a commune = dossiers with `handling_agency_id` = it,
 *   feedbacks with `agency_id` = it, and the procedures it is competent for (`competent_agency_id` = the
 *   department; every `level = 'commune'` procedure for a commune, since the catalog names no commune).
 * - All counts are whole numbers ≥ 0; only 2.2's numerator is a sum of durations.
 */

/** A rate's numerator and denominator; den = 0 gives N/A. */
export interface IndicatorCounts {
  num: number;
  den: number;
}

/**
 * 5.4 is "100% − (overdue rate + complaint rate)" over one denominator; the two parts are counted and the
 * calculator subtracts them (num = den − overdue − withComplaint, never below 0). A dossier both late and
 * complained about is subtracted twice, as the formula adds the two rates.
 */
export interface ComplementCounts {
  den: number;
  overdue: number;
  withComplaint: number;
}

export interface ServiceIndexInputs {
  /**
   * 1.1 Procedures published on time. den: procedures whose `publication_decision_date` is in the period.
   * num: those whose `publication_decision_date` ≤ `legal_effective_date` − 5 working days (province rule; the
   * calendar's working days). A procedure without `legal_effective_date` counts in den, not in num (late until
   * the date is entered).
   */
  '1.1': IndicatorCounts;
  /**
   * 1.2 Procedures made public on time. den: as 1.1 (decision date in the period). num: those whose
   * `published_on` ≤ `publication_decision_date` + 5 working days; not yet published ⇒ not in num.
   */
  '1.2': IndicatorCounts;
  /**
   * 1.3 Procedures published with all their parts (Decree 63/2010 art. 8(2)), not period-based. den: the
   * catalog. num: those with non-empty `name`, `sequence`, `method`, `competent_agency_name`, `subjects`,
   * `time_limit` > 0 and at least one `procedure_components` row.
   */
  '1.3': IndicatorCounts;
  /**
   * 1.4 Dossiers synced to the national portal. den: dossiers received in the period. num: those with
   * `national_synced_at` set. (The portal's fallback denominators do not apply: this system is the source.)
   */
  '1.4': IndicatorCounts;
  /**
   * 2.1 Dossiers handled early or on time (rules of domain §2.5, timing.ts). den: the processed set. num:
   * ended with `outcome` in ('early', 'on_time') + open and in time at the cut-off (pendingCounts' `in_time`:
   * supplement time taken off, more than one supplement request ⇒ overdue).
   */
  '2.1': IndicatorCounts;
  /**
   * 2.2 Average time to resolve (tracking, measure 'average', shown in working days). den: dossiers ended in
   * the period with an `outcome`. num: the sum over them of the working hours from `clock_start_at` to
   * `ended_at` less `paused_ms`, divided by the calendar's hours per day (8).
   */
  '2.2': IndicatorCounts;
  /** 3.1 Procedures offering an online service (tracking, target 80%). den: the catalog. num: those with `online_service` in ('full', 'partial'). */
  '3.1': IndicatorCounts;
  /**
   * 3.2 Online services used (tracking). den: catalog procedures with `online_service` ≠ 'none'. num: those with
   * at least one dossier with `channel` = 2 received in the period.
   */
  '3.2': IndicatorCounts;
  /**
   * 3.3 Online dossiers (tracking, target 50%). den: dossiers received in the period. num: those with
   * `channel` = 2 and, when the procedure gives a paper result (`procedures.result_paper`), an electronic one
   * (`dossiers.result_electronic`) or no result yet. The portal's "× sync ratio" is 1 here (we are the source).
   */
  '3.3': IndicatorCounts;
  /**
   * 3.4 Full-online dossiers — the 12 points of the group on the portal ("hồ sơ DVCTT toàn trình ÷ hồ sơ của
   * TTHC đủ điều kiện toàn trình"). den: dossiers received in the period whose procedure has
   * `online_service` = 'full'. num: those of them with `channel` = 2.
   */
  '3.4': IndicatorCounts;
  /**
   * 3.5 Fee-bearing procedures integrated with online payment (threshold 80%). den: fee-bearing catalog
   * procedures. num: those with at least one dossier received in the period with `fees_due` > 0 and
   * `national_synced_at` set (its fee list went to the portal). A proxy: the catalog has no "payment
   * integrated" flag; if one is added, count it instead.
   */
  '3.5': IndicatorCounts;
  /**
   * 3.5b Fee-bearing procedures with an online payment (threshold 80%). den: fee-bearing catalog procedures.
   * num: those with at least one `dossier_payments` row `state` = 'paid', `channel` in ('national_platform',
   * 'provincial_gateway') and `paid_at` in the period (distinct procedures).
   */
  '3.5b': IndicatorCounts;
  /**
   * 3.6 Dossiers paid online. den: dossiers received in the period with `fees_due` > 0 (dossiers of fee-bearing
   * procedures whose fees are all 0 drop out, as the formula says). num: those with `paid_online` in (1, 2)
   * (DuocThanhToanTrucTuyen: national platform or provincial gateway).
   */
  '3.6': IndicatorCounts;
  /**
   * 4.1 Electronic results. den: dossiers received in the period whose procedure gives a paper result
   * (`result_paper`) and that have a result (`processed_at` or `returned_at` set). num: those with
   * `result_electronic` and a `result_file_id`.
   */
  '4.1': IndicatorCounts;
  /**
   * 4.2 Digitized dossiers (threshold 80%), as stats-repo `receivedCounts` counts "digitized". den: dossiers
   * received in the period. num: those with at least one `dossier_components` row, all of them `digitized`,
   * and an electronic result where the procedure gives a paper one and the result exists.
   */
  '4.2': IndicatorCounts;
  /**
   * 4.3 Reuse of digitized data (threshold 80%), as stats-repo's "reused". den: dossiers received in the period.
   * num: those with a component having `reused_from_dossier_id` set or `from_citizen_store`.
   */
  '4.3': IndicatorCounts;
  /**
   * 4.4 Linked to the citizen's data store on the portal. den: dossiers received in the period. num: those with a
   * component `from_citizen_store` (DuocLayTuKhoDMQG). Results pushed to the store are not recorded yet.
   */
  '4.4': IndicatorCounts;
  /**
   * 4.5a Procedures using population data. den: catalog procedures whose `subjects` include 'citizen'. num: those
   * with at least one dossier received in the period with `applicant_verified`.
   */
  '4.5a': IndicatorCounts;
  /** 4.5b Dossiers using population data. den: dossiers received in the period. num: those with `applicant_verified` (VNeID). */
  '4.5b': IndicatorCounts;
  /**
   * 4.6 (the domain table's "4.x") Electronic certified copies from originals; the portal's formula is not on
   * record (domain §4.2), so this is our reading: den: dossiers received in the period of procedures of
   * `field` = 'Chứng thực'; num: those resolved with `result_electronic`. No such procedure ⇒ N/A.
   */
  '4.6': IndicatorCounts;
  /**
   * 5.1 Feedback by kind (tracking). den: feedbacks submitted in the period. num: those about regulations or
   * procedures (`kind` in ('regulation', 'procedure')), the rest being about officers.
   */
  '5.1': IndicatorCounts;
  /**
   * 5.2 Feedback handled on time (refuse ≤ 2, ask for more ≤ 5, resolve ≤ 15, publish ≤ 2 working days,
   * feedback-deadlines.ts). Of the feedbacks submitted in the period (stats-repo `feedbackCounts`):
   * den = `handled` + `overdue_open`; num = `on_time`.
   */
  '5.2': IndicatorCounts;
  /**
   * 5.3 Satisfaction with feedback handling: (PAKN − dissatisfied − overdue − repeated) ÷ PAKN. den: feedbacks
   * submitted in the period. num: those with none of: `satisfied` = false, late or still open past a deadline
   * (not in 5.2's `on_time` while handled, or in `overdue_open`), repeated by a later feedback (another
   * feedback's `repeat_of_id` points to it). Each feedback is taken off once.
   */
  '5.3': IndicatorCounts;
  /**
   * 5.4 Satisfaction with receiving and resolving dossiers (threshold 90%). den: the processed set (as 2.1).
   * overdue: den − 2.1's num (ended late, or open and overdue). withComplaint: dossiers of the set with a
   * feedback (`feedbacks.dossier_id`) or a rating with `satisfied` = false, each dossier once.
   */
  '5.4': ComplementCounts;
}

export type IndicatorCode = keyof ServiceIndexInputs;
export type IndicatorInput = IndicatorCounts | ComplementCounts;

const RATE_CODES = [
  '1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '3.1', '3.2', '3.3', '3.4', '3.5', '3.5b', '3.6',
  '4.1', '4.2', '4.3', '4.4', '4.5a', '4.5b', '4.6', '5.1', '5.2', '5.3',
] as const satisfies readonly Exclude<IndicatorCode, '5.4'>[];

/** Every indicator at zero (all N/A): the starting point the stats service adds its counts to. */
export function emptyInputs(): ServiceIndexInputs {
  const rates = Object.fromEntries(RATE_CODES.map((code) => [code, { num: 0, den: 0 }])) as Record<(typeof RATE_CODES)[number], IndicatorCounts>;
  return { ...rates, '5.4': { den: 0, overdue: 0, withComplaint: 0 } };
}
