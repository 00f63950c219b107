import type { Dayjs } from 'dayjs';
import type { MessageKey } from '../../i18n';
import { dayjs, toIsoDate, todayInVietnam } from '../../lib/format';

export interface Period {
  from: string;
  to: string;
}

// The two-level local government (province → communes) started on 1 July 2025: the dashboard counts from there.
export const REFORM_START = '2025-07-01';

const quarterStart = (d: Dayjs) => d.month(Math.floor(d.month() / 3) * 3).startOf('month');

export type PresetKey = 'thisMonth' | 'thisQuarter' | 'thisYear' | 'sinceReform';
export const PRESETS: { key: PresetKey; label: MessageKey; range: () => Period }[] = [
  { key: 'thisMonth', label: 'dashboard.preset.thisMonth', range: () => ({ from: toIsoDate(dayjs(todayInVietnam()).startOf('month')), to: todayInVietnam() }) },
  { key: 'thisQuarter', label: 'dashboard.preset.thisQuarter', range: () => ({ from: toIsoDate(quarterStart(dayjs(todayInVietnam()))), to: todayInVietnam() }) },
  { key: 'thisYear', label: 'dashboard.preset.thisYear', range: () => ({ from: `${todayInVietnam().slice(0, 4)}-01-01`, to: todayInVietnam() }) },
  { key: 'sinceReform', label: 'dashboard.preset.sinceReform', range: () => ({ from: REFORM_START, to: todayInVietnam() }) },
];

/** The preset a period is, if any: its button shows as pressed. */
export const presetOf = (p: Period): PresetKey | undefined => PRESETS.find((x) => {
  const r = x.range();
  return r.from === p.from && r.to === p.to;
})?.key;

export type PeriodMode = 'month' | 'quarter' | 'year' | 'custom';
export const PERIOD_MODES: PeriodMode[] = ['month', 'quarter', 'year', 'custom'];
export const PICKER_FORMAT: Record<Exclude<PeriodMode, 'custom'>, string> = { month: 'MM/YYYY', quarter: '[Quý] Q/YYYY', year: 'YYYY' };

/** The days a month, quarter or year covers, never past today (nothing has happened after it yet). */
export function periodOf(mode: PeriodMode, anchor: Dayjs, range: [Dayjs, Dayjs]): Period {
  if (mode === 'custom') return { from: toIsoDate(range[0]), to: toIsoDate(range[1]) };
  const start = mode === 'quarter' ? quarterStart(anchor) : anchor.startOf(mode);
  const end = mode === 'quarter' ? start.add(2, 'month').endOf('month') : anchor.endOf(mode);
  const today = todayInVietnam();
  const to = toIsoDate(end);
  return { from: toIsoDate(start), to: to > today ? today : to };
}
