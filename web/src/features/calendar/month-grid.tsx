import { Typography } from 'antd';
import { t, type MessageKey } from '../../i18n';
import { dayjs, formatDay } from '../../lib/format';
import { DAY_STYLES, type DayMark } from './day-kinds';

// Vietnamese calendars start the week on Monday (Thứ Hai).
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

interface MonthGridProps {
  year: number;
  month: number;
  marks: Map<string, DayMark>;
  today: string;
  /** When set, days are buttons (an administrator adds an adjustment for the clicked day). */
  onPickDay?: (date: string) => void;
}

export function MonthGrid({ year, month, marks, today, onPickDay }: MonthGridProps) {
  const first = dayjs(`${year}-${String(month).padStart(2, '0')}-01`);
  const leading = (first.day() + 6) % 7;
  const days = Array.from({ length: first.daysInMonth() }, (_, i) => first.add(i, 'day'));

  return (
    <section aria-label={t('month.name', { month })}>
      <Typography.Text strong style={{ display: 'block', textAlign: 'center', marginBottom: 6 }}>
        {t('month.name', { month })}
      </Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, fontSize: 12, textAlign: 'center' }}>
        {WEEK_ORDER.map((d) => (
          <div key={d} style={{ color: d === 0 || d === 6 ? '#9ca3af' : '#6b7280', fontWeight: 600, padding: '2px 0' }}>
            {t(`weekday.short.${d}` as MessageKey)}
          </div>
        ))}
        {Array.from({ length: leading }, (_, i) => (
          <div key={`pad-${i}`} />
        ))}
        {days.map((d) => {
          const iso = d.format('YYYY-MM-DD');
          const weekend = d.day() === 0 || d.day() === 6;
          const mark = marks.get(iso);
          const style = mark ? DAY_STYLES[mark.kind] : weekend ? DAY_STYLES.weekend : { background: 'transparent', color: '#1f2937' };
          const label = [formatDay(iso), ...(mark?.names ?? [])].join(' — ');
          const cell = {
            ...style,
            border: 'none',
            borderRadius: 4,
            padding: '4px 0',
            lineHeight: '16px',
            // longhands only: React warns when the `font` shorthand is mixed with fontWeight
            fontFamily: 'inherit',
            fontSize: 'inherit',
            fontWeight: style.fontWeight ?? 400,
            outline: iso === today ? '2px solid #1d4ed8' : undefined,
            outlineOffset: -2,
            cursor: onPickDay ? 'pointer' : 'default',
          };
          return onPickDay ? (
            <button key={iso} type="button" title={label} aria-label={label} style={cell} onClick={() => onPickDay(iso)}>
              {d.date()}
            </button>
          ) : (
            <div key={iso} title={label} aria-label={label} style={cell}>
              {d.date()}
            </div>
          );
        })}
      </div>
    </section>
  );
}
