import { Calendar, Empty, Typography } from 'antd';
import { Link } from 'react-router';
import { t } from '../../i18n';
import { dayjs, formatDay, formatInstant, todayInVietnam, weekdayOf } from '../../lib/format';
import { KIND_BG, KIND_BORDER, placeOf, timeRange } from './meeting-display';
import { meetingPath } from './meeting-paths';
import type { MeetingSummary } from './meeting-queries';

export type CalendarMode = 'day' | 'week' | 'month';

/** The days a view covers around `anchor` (YYYY-MM-DD): the day, its Monday-to-Sunday week, or the month's six weeks. */
export function rangeOf(mode: CalendarMode, anchor: string): { from: string; to: string } {
  const d = dayjs(anchor);
  if (mode === 'day') return { from: anchor, to: anchor };
  const monday = (x: typeof d) => x.subtract((x.day() + 6) % 7, 'day');
  if (mode === 'week') {
    const from = monday(d);
    return { from: from.format('YYYY-MM-DD'), to: from.add(6, 'day').format('YYYY-MM-DD') };
  }
  const from = monday(d.startOf('month'));
  return { from: from.format('YYYY-MM-DD'), to: from.add(41, 'day').format('YYYY-MM-DD') };
}

const dayOf = (m: MeetingSummary) => formatInstant(m.startsAt, 'YYYY-MM-DD');

function MeetingBlock({ m, compact }: { m: MeetingSummary; compact?: boolean }) {
  const cancelled = m.state === 'cancelled';
  return (
    <Link
      to={meetingPath(m.id)}
      data-testid="calendar-meeting"
      style={{ display: 'block', background: KIND_BG[m.kind], borderInlineStart: `3px solid ${KIND_BORDER[m.kind]}`, borderRadius: 4, padding: compact ? '1px 4px' : '4px 6px', marginBottom: 4, color: 'inherit', opacity: cancelled ? 0.55 : 1 }}
      title={`${timeRange(m, false)} ${m.title} – ${placeOf(m)}`}
    >
      <div style={{ fontSize: 12, fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
        {formatInstant(m.startsAt, 'HH:mm')} {compact ? m.title : ''}
      </div>
      {!compact && (
        <>
          <div style={{ fontSize: 13, lineHeight: 1.3, textDecoration: cancelled ? 'line-through' : undefined }}>{m.title}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m.chairName} · {placeOf(m)}
            {m.online ? ` · ${t('meeting.siteCount', { count: m.siteCount })}` : ''}
          </Typography.Text>
        </>
      )}
    </Link>
  );
}

/** Day and week: one column per day, the meetings in time order. */
function DayColumns({ from, to, items }: { from: string; to: string; items: MeetingSummary[] }) {
  const days: string[] = [];
  for (let d = dayjs(from); !d.isAfter(dayjs(to)); d = d.add(1, 'day')) days.push(d.format('YYYY-MM-DD'));
  const today = todayInVietnam();
  return (
    <div style={{ display: 'grid', gridTemplateColumns: `repeat(${days.length}, minmax(${days.length > 1 ? 130 : 280}px, 1fr))`, gap: 6, overflowX: 'auto' }} data-testid="meeting-week">
      {days.map((day) => {
        const list = items.filter((m) => dayOf(m) === day);
        const weekend = [0, 6].includes(dayjs(day).day());
        return (
          <div key={day} style={{ background: weekend ? '#fafafa' : '#fff', border: `1px solid ${day === today ? '#b71c1c' : '#f0f0f0'}`, borderRadius: 6, padding: 6, minHeight: 160 }}>
            <div style={{ fontWeight: 600, marginBottom: 6, color: day === today ? '#b71c1c' : undefined }}>
              {weekdayOf(day)} {formatDay(day).slice(0, 5)}
            </div>
            {list.map((m) => (
              <MeetingBlock key={m.id} m={m} />
            ))}
          </div>
        );
      })}
    </div>
  );
}

export function MeetingCalendar({ mode, anchor, items, onPickDay }: { mode: CalendarMode; anchor: string; items: MeetingSummary[]; onPickDay: (day: string) => void }) {
  const range = rangeOf(mode, anchor);
  if (mode !== 'month') {
    if (mode === 'day' && items.length === 0) return <Empty description={t('meeting.empty')} />;
    return <DayColumns {...range} items={items} />;
  }
  return (
    <Calendar
      value={dayjs(anchor)}
      headerRender={() => null}
      onSelect={(d, info) => info.source === 'date' && onPickDay(d.format('YYYY-MM-DD'))}
      fullCellRender={undefined}
      cellRender={(d, info) => {
        if (info.type !== 'date') return info.originNode;
        const list = items.filter((m) => dayOf(m) === d.format('YYYY-MM-DD'));
        return (
          <div>
            {list.slice(0, 3).map((m) => (
              <MeetingBlock key={m.id} m={m} compact />
            ))}
            {list.length > 3 && <Typography.Text type="secondary">+{list.length - 3}</Typography.Text>}
          </div>
        );
      }}
    />
  );
}
