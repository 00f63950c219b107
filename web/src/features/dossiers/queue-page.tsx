import { App, Badge, Button, Flex, Popconfirm, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useCan } from '../../app/session';
import { FilterSelect, ListFilters, SearchFilter } from '../../components/list-filters';
import { PageHeader } from '../../components/page-header';
import { PagedTable } from '../../components/paged-table';
import { NotFoundPage } from '../../components/not-found-page';
import { t } from '../../i18n';
import { errorMessage } from '../../lib/form-errors';
import { usePaging } from '../../lib/use-paging';
import { channelLabel, DossierStatusTag, DueBadge, formatAppointment, statusLabel } from './dossier-display';
import { COUNTER_PATH, DOSSIER_VIEWS, dossierListPath, dossierPath, viewOfSlug } from './dossier-paths';
import { dossierCalls, useDossierChanged, useDossierList, useQueueCounts } from './dossier-queries';
import { DOSSIER_STATUSES, type DossierQueueCounts, type DossierStatus, type DossierSummary, type DossierView } from './dossier-types';
import { RefuseOnlineModal } from './refuse-online-modal';

// The desk's views: online dossiers to answer and those received at a location are the counter's lists.
const DESK_VIEWS = new Set<DossierView>(['online_new', 'location']);
// Views whose number is a call to act: shown in red.
const ALERT_VIEWS = new Set<DossierView>(['overdue', 'online_new', 'due_today']);
// The queue counts the server keeps, by view (location and all are lists to browse, not to empty).
const COUNT_OF: Partial<Record<DossierView, keyof DossierQueueCounts>> = { mine: 'mine', agency: 'agency', due_today: 'dueToday', overdue: 'overdue', supplement: 'supplement', online_new: 'onlineNew' };

/** The views the person has: the desk's only for those who receive dossiers. */
export function useDossierViews(): { views: DossierView[]; countOf: (v: DossierView) => number | undefined } {
  const can = useCan();
  const counts = useQueueCounts();
  const desk = can('dossier.receive');
  // At the desk the online dossiers waiting for an answer come first: they have 8 working hours.
  const views = DOSSIER_VIEWS.filter((v) => desk || !DESK_VIEWS.has(v));
  const ordered = desk ? ['online_new' as const, ...views.filter((v) => v !== 'online_new')] : views;
  return {
    views: ordered,
    countOf: (v) => {
      const key = COUNT_OF[v];
      return key && counts.data ? counts.data[key] : undefined;
    },
  };
}

function ViewLabel({ view, count }: { view: DossierView; count: number | undefined }) {
  return (
    <Flex gap={6} align="center">
      <span>{t(`dossiers.view.${view}`)}</span>
      {count !== undefined && count > 0 && <Badge count={count} overflowCount={9999} color={ALERT_VIEWS.has(view) ? '#cf1322' : '#8c8c8c'} />}
    </Flex>
  );
}

function OnlineActions({ dossier }: { dossier: DossierSummary }) {
  const { message } = App.useApp();
  const changed = useDossierChanged();
  const [refusing, setRefusing] = useState(false);
  const accept = useMutation({
    mutationFn: () => dossierCalls.accept(dossier.id, {}),
    onSuccess: (next) => {
      changed(next, dossier.id);
      message.success(next.dossier?.code ? t('dossiers.online.accepted', { code: next.dossier.code }) : t('dossiers.online.acceptedNoCode'));
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <Flex gap={6} onClick={(e) => e.stopPropagation()}>
      <Popconfirm title={t('dossiers.online.acceptConfirm')} okText={t('dossiers.action.accept')} cancelText={t('common.cancel')} onConfirm={() => accept.mutate()}>
        <Button size="small" type="primary" loading={accept.isPending}>
          {t('dossiers.action.accept')}
        </Button>
      </Popconfirm>
      <Button size="small" danger onClick={() => setRefusing(true)}>
        {t('dossiers.action.refuse')}
      </Button>
      {refusing && <RefuseOnlineModal dossier={dossier} onClose={() => setRefusing(false)} />}
    </Flex>
  );
}

function columnsFor(view: DossierView): TableColumnsType<DossierSummary> {
  const cols: TableColumnsType<DossierSummary> = [
    {
      title: t('dossiers.col.code'),
      key: 'code',
      width: 190,
      render: (_, d) => (
        <div>
          <Link to={dossierPath(d.id)} style={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
            {d.code ?? t('dossiers.noCode')}
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {channelLabel(d.channel)}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('dossiers.col.applicantProcedure'),
      key: 'applicant',
      minWidth: 220,
      render: (_, d) => (
        <div className="vps-wrap">
          <div style={{ fontWeight: 500 }}>{d.applicantName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {d.procedureName}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: view === 'online_new' ? t('dossiers.col.submitted') : t('dossiers.col.received'),
      key: 'received',
      width: 130,
      responsive: ['lg'],
      render: (_, d) => <span style={{ whiteSpace: 'nowrap' }}>{formatAppointment(view === 'online_new' ? d.submittedAt : d.receivedAt)}</span>,
    },
    {
      title: view === 'online_new' ? t('dossiers.col.answerBy') : t('dossiers.col.appointment'),
      key: 'appointment',
      width: 150,
      render: (_, d) =>
        view === 'online_new' ? (
          <Flex vertical gap={2} align="flex-start">
            <span style={{ whiteSpace: 'nowrap', fontWeight: 600 }}>{formatAppointment(d.receiveDueAt)}</span>
            {d.lateToReceive && (
              <Tag color="red" variant="solid" style={{ marginInlineEnd: 0 }}>
                {t('dossiers.due.lateToReceive')}
              </Tag>
            )}
          </Flex>
        ) : (
          <Flex vertical gap={2} align="flex-start">
            <span style={{ whiteSpace: 'nowrap', fontWeight: 600 }}>{formatAppointment(d.appointmentAt)}</span>
            <DueBadge dossier={d} />
          </Flex>
        ),
    },
    {
      title: t('dossiers.col.step'),
      key: 'step',
      width: 200,
      responsive: ['md'],
      render: (_, d) =>
        d.currentStepName ? (
          <div className="vps-wrap">
            <div>{d.currentStepName}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[d.currentAssigneeName, d.currentAgencyName].filter(Boolean).join(' · ')}
            </Typography.Text>
          </div>
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
    { title: t('common.status'), key: 'status', width: 150, render: (_, d) => <DossierStatusTag status={d.status} /> },
  ];
  // An online dossier not yet received has no step: its place goes to the buttons that answer it.
  if (view === 'online_new') return [...cols.filter((c) => c.key !== 'step'), { title: t('common.actions'), key: 'actions', width: 170, render: (_, d) => (d.status === 1 ? <OnlineActions dossier={d} /> : null) }];
  return cols;
}

function QueueTable({ view }: { view: DossierView }) {
  const navigate = useNavigate();
  const paging = usePaging();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<DossierStatus | undefined>();
  const list = useDossierList({ view, page: paging.page, pageSize: paging.pageSize, q: q || undefined, status });
  const statusValues = DOSSIER_STATUSES.map(String) as `${DossierStatus}`[];
  return (
    <>
      <ListFilters>
        <SearchFilter label={t('dossiers.search')} placeholder={t('dossiers.searchPlaceholder')} onSearch={paging.filter(setQ)} style={{ flex: '1 1 320px', maxWidth: 520 }} />
        {view !== 'online_new' && (
          <FilterSelect
            label={t('dossiers.filterStatus')}
            placeholder={t('dossiers.allStatuses')}
            value={status === undefined ? undefined : (String(status) as `${DossierStatus}`)}
            onChange={paging.filter((v: `${DossierStatus}` | undefined) => setStatus(v === undefined ? undefined : (Number(v) as DossierStatus)))}
            values={statusValues}
            labelOf={(s) => statusLabel(Number(s) as DossierStatus)}
            style={{ width: 240 }}
          />
        )}
      </ListFilters>
      <PagedTable<DossierSummary>
        list={list}
        paging={paging}
        filtered={Boolean(q || status)}
        countKey="dossiers.count"
        emptyText={t(`dossiers.empty.${view}`)}
        columns={columnsFor(view)}
        rowClassName={() => 'vps-row-clickable'}
        onRow={(d) => ({
          onClick: (e) => {
            if (!(e.target as HTMLElement).closest('a,button,.ant-modal-root')) navigate(dossierPath(d.id));
          },
        })}
      />
    </>
  );
}

/** The queues of dossiers: one address per view, the counts on the tabs. */
export function QueuePage() {
  const { view: slug } = useParams();
  const view = viewOfSlug(slug);
  const navigate = useNavigate();
  const can = useCan();
  const { views, countOf } = useDossierViews();
  if (!view) return <NotFoundPage />;
  const tabs = views.includes(view) ? views : [...views, view];
  return (
    <>
      <PageHeader
        title={t('dossiers.queue.title')}
        description={t('dossiers.queue.description')}
        extra={
          can('dossier.receive') && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate(COUNTER_PATH)}>
              {t('dossiers.menu.counter')}
            </Button>
          )
        }
      />
      <Tabs
        activeKey={view}
        onChange={(key) => navigate(dossierListPath(key as DossierView))}
        aria-label={t('dossiers.queue.views')}
        items={tabs.map((v) => ({ key: v, label: <ViewLabel view={v} count={countOf(v)} /> }))}
      />
      <QueueTable key={view} view={view} />
    </>
  );
}

/** /ho-so-mot-cua: the first view the person has. */
export function QueueHome() {
  const { views } = useDossierViews();
  return <Navigate to={dossierListPath(views[0] ?? 'mine')} replace />;
}
