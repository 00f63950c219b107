import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { todayInVietnam } from '../../lib/format';
import { REFORM_START, type Period } from './stats-period';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The period and scope live in the address: Back from a drill-down returns to the same figures, and a
 * leader can send the link. Without them: since 1 July 2025, the whole province.
 */
export function useStatsParams(defaults: () => Period = () => ({ from: REFORM_START, to: todayInVietnam() })) {
  const [params, setParams] = useSearchParams();
  const from = params.get('tu');
  const to = params.get('den');
  const given = from !== null && to !== null && DATE.test(from) && DATE.test(to) && from <= to;
  const period: Period = given ? { from, to } : defaults();
  const agencyId = params.get('co-quan') || undefined;

  const update = useCallback(
    (changes: { period?: Period; agencyId?: string | null }) =>
      setParams(
        (p) => {
          if (changes.period) {
            p.set('tu', changes.period.from);
            p.set('den', changes.period.to);
          }
          if (changes.agencyId !== undefined) {
            if (changes.agencyId) p.set('co-quan', changes.agencyId);
            else p.delete('co-quan');
          }
          return p;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { period, periodGiven: given, agencyId, update };
}
