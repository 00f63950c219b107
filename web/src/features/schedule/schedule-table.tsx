import { WarningFilled } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { t } from '../../i18n';
import { formatDay, formatInstant, weekdayOf } from '../../lib/format';
import type { PublicEntry, ScheduleEntry } from './schedule-queries';
import './schedule.css';

type Entry = PublicEntry & Partial<Pick<ScheduleEntry, 'conflicts'>>;

const time = (e: Pick<Entry, 'startsAt' | 'endsAt'>) => {
  const sameDay = formatInstant(e.startsAt, 'YYYY-MM-DD') === formatInstant(e.endsAt, 'YYYY-MM-DD');
  return `${formatInstant(e.startsAt, 'HH:mm')} – ${formatInstant(e.endsAt, sameDay ? 'HH:mm' : 'HH:mm DD/MM')}`;
};

/**
 * The week as the Office prints it: one block of rows per day (Monday to Sunday), each entry with its time,
 * content, leaders, place, preparing agency and participants. Conflicting entries are tinted and say why.
 */
export function ScheduleTable({ days, onOpen, emptyText }: { days: { date: string; entries: Entry[] }[]; onOpen?: (id: string) => void; emptyText?: string }) {
  const rows: ReactNode[] = [];
  for (const day of days) {
    const label = (
      <th scope="rowgroup" rowSpan={Math.max(day.entries.length, 1)} className="vps-sched-day">
        <div>{weekdayOf(day.date)}</div>
        <div className="vps-sched-date">{formatDay(day.date)}</div>
      </th>
    );
    if (day.entries.length === 0) {
      rows.push(
        <tr key={day.date} className="vps-sched-empty">
          {label}
          <td colSpan={6}>{emptyText ?? ''}</td>
        </tr>,
      );
      continue;
    }
    day.entries.forEach((e, i) => {
      const conflicted = (e.conflicts?.length ?? 0) > 0;
      rows.push(
        <tr key={e.id} className={conflicted ? 'vps-sched-conflict' : undefined} data-entry={e.id}>
          {i === 0 && label}
          <td className="vps-sched-time">{time(e)}</td>
          <td>
            {onOpen ? (
              <a onClick={() => onOpen(e.id)} role="button" tabIndex={0} onKeyDown={(k) => k.key === 'Enter' && onOpen(e.id)}>
                {e.content}
              </a>
            ) : (
              e.content
            )}
            {e.adjusted && (
              <Tag color="orange" style={{ marginInlineStart: 6 }}>
                {t('schedule.adjusted')}
              </Tag>
            )}
            {conflicted && (
              <div className="vps-sched-conflicts" role="note">
                {e.conflicts!.map((c, k) => (
                  <div key={k}>
                    <WarningFilled aria-hidden /> {c.message}
                  </div>
                ))}
              </div>
            )}
          </td>
          <td>{e.leaders.map((l) => l.fullName).join(', ')}</td>
          <td>{e.place ?? ''}</td>
          <td>{e.preparingAgencyName ?? ''}</td>
          <td>{e.participants ?? ''}</td>
        </tr>,
      );
    });
  }
  return (
    <div className="vps-sched-wrap">
      <table className="vps-sched">
        <thead>
          <tr>
            <th style={{ width: 110 }}>{t('schedule.col.day')}</th>
            <th style={{ width: 120 }}>{t('schedule.col.time')}</th>
            <th>{t('schedule.col.content')}</th>
            <th style={{ width: 170 }}>{t('schedule.col.leaders')}</th>
            <th style={{ width: 190 }}>{t('schedule.col.place')}</th>
            <th style={{ width: 170 }}>{t('schedule.col.agency')}</th>
            <th style={{ width: 200 }}>{t('schedule.col.participants')}</th>
          </tr>
        </thead>
        <tbody>{rows}</tbody>
      </table>
    </div>
  );
}

export function ConflictBadge({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <Tooltip title={t('schedule.conflictsHint')}>
      <Tag color="red" icon={<WarningFilled aria-hidden />}>
        {t('schedule.conflicts', { count })}
      </Tag>
    </Tooltip>
  );
}
