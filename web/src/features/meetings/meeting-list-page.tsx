import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Segmented, Space, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCan, useCurrentUser } from '../../app/session';
import { FilterSelect, ListFilters, SearchFilter } from '../../components/list-filters';
import { PageHeader } from '../../components/page-header';
import { PagedTable } from '../../components/paged-table';
import { t } from '../../i18n';
import { dayjs, formatDay, todayInVietnam, VN_TZ } from '../../lib/format';
import { usePaging } from '../../lib/use-paging';
import { MeetingCalendar, rangeOf, type CalendarMode } from './meeting-calendar';
import { KindTag, placeOf, StateTag, timeRange } from './meeting-display';
import { MeetingFormModal } from './meeting-form-modal';
import { MeetingRoomsModal } from './meeting-rooms-modal';
import { meetingPath } from './meeting-paths';
import { MEETING_KINDS, useMeetingList, type MeetingKind, type MeetingSummary } from './meeting-queries';

type Mode = CalendarMode | 'table';
const MODES: Mode[] = ['day', 'week', 'month', 'table'];

const columns: TableColumnsType<MeetingSummary> = [
  { title: t('meeting.time'), key: 'time', width: 170, render: (_, m) => <span style={{ whiteSpace: 'nowrap' }}>{timeRange(m)}</span> },
  {
    title: t('meeting.name'),
    key: 'title',
    render: (_, m) => (
      <div className="vps-wrap">
        <Link to={meetingPath(m.id)} style={{ fontWeight: 600 }}>
          {m.title}
        </Link>
        <div>
          <Space size={4} wrap>
            <KindTag kind={m.kind} />
            <StateTag state={m.state} />
          </Space>
        </div>
      </div>
    ),
  },
  { title: t('meeting.chair'), dataIndex: 'chairName', width: 160, responsive: ['md'] },
  { title: t('meeting.where'), key: 'where', width: 240, responsive: ['lg'], render: (_, m) => <span className="vps-wrap">{placeOf(m)}{m.online ? ` · ${t('meeting.siteCount', { count: m.siteCount })}` : ''}</span> },
];

const vnStart = (day: string) => dayjs.tz(day, VN_TZ).startOf('day').toISOString();
const vnEnd = (day: string) => dayjs.tz(day, VN_TZ).endOf('day').toISOString();

/** The meetings one may see, as a calendar (day, week, month) or a list, with the filters of both. */
export function MeetingListPage() {
  const can = useCan();
  const navigate = useNavigate();
  const paging = usePaging();
  const [mode, setMode] = useState<Mode>('week');
  const [anchor, setAnchor] = useState(todayInVietnam());
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<MeetingKind | undefined>();
  const [mine, setMine] = useState(false);
  const [creating, setCreating] = useState(false);
  const [roomsOpen, setRoomsOpen] = useState(false);
  const user = useCurrentUser();
  // the rooms are the Office's: its administrator and the leaders (tenant-wide organizers) keep them
  const keepsRooms = user.roles.includes('admin') || user.permissions['meeting.manage'] === 'tenant';
  const calendarMode: CalendarMode = mode === 'table' ? 'month' : mode;
  const range = rangeOf(calendarMode, anchor);
  const filters = { q: q || undefined, kind, mine: mine ? ('true' as const) : undefined };
  const calendarList = useMeetingList({ ...filters, from: vnStart(range.from), to: vnEnd(range.to), pageSize: 500 });
  const tableList = useMeetingList({ ...filters, page: paging.page, pageSize: paging.pageSize });
  const step = (n: number) => setAnchor(dayjs(anchor).add(n, calendarMode === 'day' ? 'day' : calendarMode === 'week' ? 'week' : 'month').format('YYYY-MM-DD'));
  const heading = calendarMode === 'day' ? formatDay(anchor) : calendarMode === 'week' ? t('meeting.weekOf', { from: formatDay(range.from), to: formatDay(range.to) }) : t('month.name', { month: `${dayjs(anchor).month() + 1}/${dayjs(anchor).year()}` });

  return (
    <>
      <PageHeader
        title={t('meeting.title')}
        description={t('meeting.description')}
        extra={
          <>
            {keepsRooms && <Button onClick={() => setRoomsOpen(true)}>{t('meeting.rooms')}</Button>}
            {can('meeting.manage') && (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
                {t('meeting.create')}
              </Button>
            )}
          </>
        }
      />
      <ListFilters>
        <SearchFilter label={t('meeting.search')} placeholder={t('meeting.searchPlaceholder')} onSearch={paging.filter(setQ)} style={{ flex: '1 1 280px', maxWidth: 420 }} />
        <FilterSelect label={t('meeting.kind')} placeholder={t('meeting.allKinds')} value={kind} onChange={paging.filter(setKind)} values={MEETING_KINDS} labelOf={(k) => t(`meeting.kind.${k}`)} style={{ width: 220 }} />
        <Checkbox checked={mine} onChange={(e) => paging.filter(setMine)(e.target.checked)} style={{ alignSelf: 'flex-end', marginBottom: 6 }}>
          {t('meeting.mine')}
        </Checkbox>
      </ListFilters>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Segmented<Mode> value={mode} onChange={setMode} options={MODES.map((m) => ({ value: m, label: t(`meeting.mode.${m}`) }))} aria-label={t('meeting.mode.week')} />
        {mode !== 'table' && (
          <Space>
            <Button icon={<LeftOutlined aria-hidden />} aria-label={t('meeting.previous')} onClick={() => step(-1)} />
            <Button onClick={() => setAnchor(todayInVietnam())}>{t('meeting.today')}</Button>
            <Button icon={<RightOutlined aria-hidden />} aria-label={t('meeting.next')} onClick={() => step(1)} />
            <Typography.Text strong data-testid="calendar-heading">
              {heading}
            </Typography.Text>
          </Space>
        )}
      </Flex>
      {mode === 'table' ? (
        <PagedTable<MeetingSummary>
          list={tableList}
          paging={paging}
          filtered={Boolean(q || kind || mine)}
          countKey="meeting.count"
          emptyText={t('meeting.empty')}
          columns={columns}
          rowClassName={() => 'vps-row-clickable'}
          onRow={(m) => ({
            onClick: (e) => {
              if (!(e.target as HTMLElement).closest('a')) navigate(meetingPath(m.id));
            },
          })}
        />
      ) : (
        <MeetingCalendar
          mode={calendarMode}
          anchor={anchor}
          items={calendarList.data?.items ?? []}
          onPickDay={(day) => {
            setAnchor(day);
            setMode('day');
          }}
        />
      )}
      {roomsOpen && <MeetingRoomsModal onClose={() => setRoomsOpen(false)} />}
      {creating && (
        <MeetingFormModal
          onCancel={() => setCreating(false)}
          onDone={(m) => {
            setCreating(false);
            navigate(meetingPath(m.id));
          }}
        />
      )}
    </>
  );
}
