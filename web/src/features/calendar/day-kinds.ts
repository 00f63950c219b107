import type { CalendarOverride, Holiday } from '../../api/types';
import type { MessageKey } from '../../i18n';

/** How a day differs from an ordinary weekday, for colouring the year view. */
export type DayKind = Holiday['kind'] | 'working_day' | 'weekend';

export interface DayMark {
  kind: DayKind;
  names: string[];
}

export const DAY_STYLES: Record<DayKind, { background: string; color: string; fontWeight?: number }> = {
  public: { background: '#fde2e2', color: '#b71c1c', fontWeight: 700 },
  compensatory: { background: '#ffedd5', color: '#c2410c', fontWeight: 600 },
  swap: { background: '#f3e8ff', color: '#7e22ce', fontWeight: 600 },
  working_day: { background: '#dcfce7', color: '#15803d', fontWeight: 700 },
  weekend: { background: '#f3f4f6', color: '#6b7280' },
};

export const LEGEND: { kind: DayKind; label: MessageKey }[] = [
  { kind: 'public', label: 'calendar.legend.public' },
  { kind: 'compensatory', label: 'calendar.legend.compensatory' },
  { kind: 'swap', label: 'calendar.legend.swap' },
  { kind: 'working_day', label: 'calendar.legend.workingDay' },
  { kind: 'weekend', label: 'calendar.legend.weekend' },
];

/** Date → mark. A make-up working day wins over the weekend it falls on; a holiday over a weekend too. */
export function markDays(holidays: Holiday[], overrides: CalendarOverride[]): Map<string, DayMark> {
  const marks = new Map<string, DayMark>();
  for (const h of holidays) {
    const existing = marks.get(h.date);
    marks.set(h.date, { kind: existing?.kind ?? h.kind, names: [...(existing?.names ?? []), h.name] });
  }
  for (const o of overrides) {
    if (o.kind === 'working_day') marks.set(o.date, { kind: 'working_day', names: [o.name] });
  }
  return marks;
}
