import { CalendarOutlined, CheckOutlined, LeftOutlined, LinkOutlined, PlusOutlined, PrinterOutlined, RightOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Calendar, DatePicker, Flex, Popconfirm, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, data } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { t } from '../../i18n';
import { errorMessage } from '../../lib/form-errors';
import { dayjs, formatDay, formatInstant, todayInVietnam } from '../../lib/format';
import { ScheduleEntryModal } from './schedule-entry-modal';
import { mondayOf, useScheduleLinks, useWeek, useWeekChanged, useWeeks, type ScheduleEntry, type ScheduleState, type WeeklySchedule } from './schedule-queries';
import { ConflictBadge, ScheduleTable } from './schedule-table';

type Mode = 'week' | 'day' | 'month';
const STATE_COLOR: Record<ScheduleState, string> = { draft: 'default', approved: 'blue', published: 'green' };

export function StateTag({ week }: { week: Pick<WeeklySchedule, 'state' | 'revision'> }) {
  return (
    <Space size={4}>
      <Tag color={STATE_COLOR[week.state]}>{t(`schedule.state.${week.state}`)}</Tag>
      {week.revision > 0 && <Tag color="orange">{t('schedule.revision', { count: week.revision })}</Tag>}
    </Space>
  );
}

/** The Office's weekly schedule of the province's leaders: week, day and month views, drafting, approval, publication. */
export function SchedulePage() {
  const { message } = App.useApp();
  // The day and the view live in the address: a reload or a shared link opens the same week.
  const [params, setParams] = useSearchParams();
  const mode: Mode = (['day', 'week', 'month'] as const).find((m) => m === params.get('xem')) ?? 'week';
  const anchor = /^\d{4}-\d{2}-\d{2}$/.test(params.get('ngay') ?? '') ? params.get('ngay')! : todayInVietnam();
  const setAnchor = (day: string) => setParams((p) => ({ ...Object.fromEntries(p), ngay: day }), { replace: true });
  const setMode = (m: Mode) => setParams((p) => ({ ...Object.fromEntries(p), xem: m }), { replace: true });
  const [editing, setEditing] = useState<{ entry?: ScheduleEntry; day?: string } | null>(null);
  const weekStart = mondayOf(anchor);
  const week = useWeek(weekStart);
  const links = useScheduleLinks();
  const changed = useWeekChanged();
  const move = useMutation({
    mutationFn: (action: 'approve' | 'publish') =>
      data(action === 'approve' ? api.POST('/api/schedule/weeks/{weekStart}/approve', { params: { path: { weekStart } } }) : api.POST('/api/schedule/weeks/{weekStart}/publish', { params: { path: { weekStart } } })),
    onSuccess: (w, action) => {
      changed(w);
      message.success(t(action === 'approve' ? 'schedule.approved' : 'schedule.published'));
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const step = (n: number) => setAnchor(dayjs(anchor).add(n, mode === 'day' ? 'day' : mode === 'week' ? 'week' : 'month').format('YYYY-MM-DD'));
  const w = week.data;
  const canEdit = w?.actions.includes('edit') ?? false;
  const find = (id: string) => w?.days.flatMap((d) => d.entries).find((e) => e.id === id);
  const copyFeed = async () => {
    if (!links.data) return;
    await navigator.clipboard.writeText(links.data.url).catch(() => undefined);
    message.success(t('schedule.feedCopied', { url: links.data.url }));
  };
  const heading =
    mode === 'day' ? `${t(`weekday.${dayjs(anchor).day()}` as 'weekday.0')}, ${formatDay(anchor)}` : mode === 'week' ? t('schedule.weekOf', { from: formatDay(weekStart), to: formatDay(dayjs(weekStart).add(6, 'day').format('YYYY-MM-DD')) }) : t('schedule.monthOf', { month: dayjs(anchor).format('MM/YYYY') });

  return (
    <>
      <PageHeader
        title={t('schedule.title')}
        description={t('schedule.description')}
        extra={
          <>
            <Button icon={<LinkOutlined aria-hidden />} onClick={copyFeed} disabled={!links.data}>
              {t('schedule.copyFeed')}
            </Button>
            {links.data && (
              <Button href={links.data.publicPage} target="_blank" icon={<CalendarOutlined aria-hidden />}>
                {t('schedule.publicPage')}
              </Button>
            )}
            {canEdit && (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({ day: mode === 'day' ? anchor : undefined })}>
                {t('schedule.addEntry')}
              </Button>
            )}
          </>
        }
      />
      <Flex wrap gap={8} align="center" justify="space-between" style={{ marginBottom: 12 }} className="vps-no-print">
        <Space wrap>
          <Button icon={<LeftOutlined aria-hidden />} aria-label={t('schedule.previous')} onClick={() => step(-1)} />
          <Button onClick={() => setAnchor(todayInVietnam())}>{t('schedule.thisWeek')}</Button>
          <Button icon={<RightOutlined aria-hidden />} aria-label={t('schedule.next')} onClick={() => step(1)} />
          <DatePicker picker={mode === 'month' ? 'month' : mode === 'week' ? 'week' : 'date'} value={dayjs(anchor)} allowClear={false} format={mode === 'month' ? 'MM/YYYY' : mode === 'week' ? '[Tuần] w/YYYY' : 'DD/MM/YYYY'} onChange={(d) => d && setAnchor(d.format('YYYY-MM-DD'))} aria-label={t('schedule.pick')} />
          <Typography.Text strong>{heading}</Typography.Text>
        </Space>
        <Segmented<Mode> value={mode} onChange={setMode} options={(['day', 'week', 'month'] as const).map((m) => ({ value: m, label: t(`schedule.mode.${m}`) }))} />
      </Flex>
      {mode === 'month' ? (
        <MonthView anchor={anchor} onPickDay={(d) => setParams({ ngay: d, xem: 'day' }, { replace: true })} />
      ) : week.error ? (
        <QueryError error={week.error} onRetry={() => void week.refetch()} />
      ) : !w ? (
        <Spin />
      ) : (
        <>
          <Flex wrap gap={8} align="center" justify="space-between" style={{ marginBottom: 12 }}>
            <Space wrap>
              <StateTag week={w} />
              <ConflictBadge count={w.conflictCount} />
              {w.approvedByName && <Typography.Text type="secondary">{t('schedule.approvedBy', { name: w.approvedByName, at: formatInstant(w.approvedAt) })}</Typography.Text>}
              {w.publishedAt && <Typography.Text type="secondary">{t('schedule.publishedAt', { at: formatInstant(w.publishedAt) })}</Typography.Text>}
            </Space>
            <Space wrap className="vps-no-print">
              {w.actions.includes('approve') && (
                <Popconfirm title={w.conflictCount > 0 ? t('schedule.approveWithConflicts', { count: w.conflictCount }) : t('schedule.approveConfirm')} okText={t('schedule.approve')} cancelText={t('common.cancel')} onConfirm={() => move.mutate('approve')}>
                  <Button type="primary" icon={<CheckOutlined aria-hidden />} loading={move.isPending}>
                    {t('schedule.approve')}
                  </Button>
                </Popconfirm>
              )}
              {w.actions.includes('publish') && (
                <Popconfirm title={t('schedule.publishConfirm')} okText={t('schedule.publish')} cancelText={t('common.cancel')} onConfirm={() => move.mutate('publish')}>
                  <Button type="primary" icon={<SendOutlined aria-hidden />} loading={move.isPending}>
                    {t('schedule.publish')}
                  </Button>
                </Popconfirm>
              )}
              <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
                {t('schedule.print')}
              </Button>
            </Space>
          </Flex>
          {w.state === 'published' && canEdit && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('schedule.publishedEditHint')} />}
          <ScheduleTable
            days={mode === 'day' ? w.days.filter((d) => d.date === anchor) : w.days}
            onOpen={canEdit ? (id) => setEditing({ entry: find(id) }) : undefined}
            emptyText={t('schedule.noEntries')}
          />
        </>
      )}
      {editing && <ScheduleEntryModal entry={editing.entry} day={editing.day} onClose={() => setEditing(null)} />}
    </>
  );
}

/** A month as a calendar: each day lists its entries (the weeks that cover the month are read). */
function MonthView({ anchor, onPickDay }: { anchor: string; onPickDay: (day: string) => void }) {
  const first = dayjs(anchor).startOf('month');
  const start = mondayOf(first.format('YYYY-MM-DD'));
  const weekStarts = Array.from({ length: 6 }, (_, i) => dayjs(start).add(i, 'week').format('YYYY-MM-DD')).filter((w) => w <= first.endOf('month').format('YYYY-MM-DD'));
  const weeks = useWeeks(weekStarts);
  const byDay = new Map<string, ScheduleEntry[]>();
  for (const q of weeks) for (const d of q.data?.days ?? []) byDay.set(d.date, d.entries);
  return (
    <Calendar
      value={dayjs(anchor)}
      headerRender={() => null}
      onSelect={(d, info) => info.source === 'date' && onPickDay(d.format('YYYY-MM-DD'))}
      cellRender={(d, info) => {
        if (info.type !== 'date') return info.originNode;
        const entries = byDay.get(d.format('YYYY-MM-DD')) ?? [];
        return (
          <div>
            {entries.slice(0, 3).map((e) => (
              <div key={e.id} className={`vps-sched-month-item${e.conflicts.length ? ' conflict' : ''}`} title={`${formatInstant(e.startsAt, 'HH:mm')} ${e.content}`}>
                {formatInstant(e.startsAt, 'HH:mm')} {e.content}
              </div>
            ))}
            {entries.length > 3 && <div className="vps-sched-month-item">{t('schedule.more', { count: entries.length - 3 })}</div>}
          </div>
        );
      }}
    />
  );
}
