import { Flex, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { InboxItem, InboxView } from '../../api/types';
import { useCan, useCurrentUser } from '../../app/session';
import { ListFilters, SearchFilter } from '../../components/list-filters';
import { NotFoundPage } from '../../components/not-found-page';
import { PageHeader } from '../../components/page-header';
import { PagedTable } from '../../components/paged-table';
import { t } from '../../i18n';
import { DATE_FORMAT, formatInstant } from '../../lib/format';
import { usePaging } from '../../lib/use-paging';
import { ConfidentialityTag, DueDate, UrgencyTag } from './document-display';
import { incomingPath } from './document-queries';
import { ALERT_VIEWS, inboxPath, inboxViewOf, inboxViewsFor } from './inbox-views';
import { AssignmentStatusTag, CountPill, RoleTag } from './routing-display';
import { useInbox, useInboxCounts } from './routing-queries';

/** The arrival number as a link: reachable by keyboard, and a middle click opens the document in a new tab. */
const numberColumn = (from: string): TableColumnsType<InboxItem>[number] => ({
  title: t('document.arrivalNumber'),
  dataIndex: 'arrivalNumber',
  width: 76,
  render: (n: number, d) => (
    <Link to={incomingPath(d.id)} state={{ from }} style={{ fontWeight: 600, fontSize: 15 }}>
      {n}
    </Link>
  ),
});

const numberNotationColumn: TableColumnsType<InboxItem>[number] = {
  title: t('document.numberNotationShort'),
  dataIndex: 'numberNotation',
  width: 140,
  render: (v: string) => <span className="vps-wrap">{v}</span>,
};

const senderColumn: TableColumnsType<InboxItem>[number] = {
  title: t('document.sender'),
  dataIndex: 'senderName',
  width: 180,
  responsive: ['md'],
  render: (v: string) => <span className="vps-wrap">{v}</span>,
};

/** Type, marks and subject, then what the person was asked to do: the line they act on. */
const subjectColumn: TableColumnsType<InboxItem>[number] = {
  title: t('document.subject'),
  dataIndex: 'subject',
  render: (_, d) => (
    <div className="vps-wrap">
      <Flex gap={4} wrap align="center">
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {d.typeName}
        </Typography.Text>
        {d.urgency !== 'normal' && <UrgencyTag urgency={d.urgency} />}
        <ConfidentialityTag confidentiality={d.confidentiality} />
      </Flex>
      <div>{d.subject}</div>
      {d.assignment?.instruction && (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: d.assignment.instruction }} style={{ margin: '2px 0 0', fontSize: 13, fontWeight: 400 }}>
          {d.assignment.role === 'direct' ? t('routing.presentNote') : t('routing.instruction')}: {d.assignment.instruction}
        </Typography.Paragraph>
      )}
    </div>
  ),
};

/** For the work views: my role and where it stands, the deadline, who gave it. */
const assignmentColumns: TableColumnsType<InboxItem> = [
  {
    title: t('inbox.role'),
    key: 'role',
    width: 130,
    render: (_, d) =>
      d.assignment && (
        <Flex vertical gap={4} align="flex-start">
          <RoleTag role={d.assignment.role} />
          <AssignmentStatusTag role={d.assignment.role} status={d.assignment.status} />
        </Flex>
      ),
  },
  {
    title: t('document.dueDate'),
    key: 'due',
    width: 112,
    render: (_, d) =>
      d.assignment && (
        <>
          {/* A presentation has no deadline of its own: the leader sees the document's. */}
          <DueDate date={d.assignment.role === 'direct' ? d.dueDate : d.assignment.dueDate} />
          {d.assignment.overdue && (
            <div>
              <Tag color="red" variant="solid" style={{ marginTop: 4 }}>
                {t('document.overdue')}
              </Tag>
            </div>
          )}
        </>
      ),
  },
  {
    title: t('inbox.assignedBy'),
    key: 'assignedBy',
    width: 150,
    responsive: ['lg'],
    render: (_, d) =>
      d.assignment && (
        <div className="vps-wrap">
          <div>{d.assignment.assignedByName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 13, whiteSpace: 'nowrap', fontWeight: 400 }}>
            {formatInstant(d.assignment.createdAt)}
          </Typography.Text>
        </div>
      ),
  },
];

/** For documents nobody has routed yet (all "Mới đăng ký"): when they came and by when, as in the register. */
const unroutedColumns: TableColumnsType<InboxItem> = [
  {
    title: t('document.receivedAt'),
    dataIndex: 'receivedAt',
    width: 104,
    render: (v: string) => (
      <>
        <div style={{ whiteSpace: 'nowrap' }}>{formatInstant(v, DATE_FORMAT)}</div>
        <Typography.Text type="secondary">{formatInstant(v, 'HH:mm')}</Typography.Text>
      </>
    ),
  },
  { title: t('document.dueDate'), dataIndex: 'dueDate', width: 108, render: (v: string | null) => <DueDate date={v} /> },
];

function columnsFor(view: InboxView, from: string): TableColumnsType<InboxItem> {
  if (view === 'unassigned') return [numberColumn(from), numberNotationColumn, subjectColumn, senderColumn, ...unroutedColumns];
  return [numberColumn(from), numberNotationColumn, subjectColumn, senderColumn, ...assignmentColumns];
}

function InboxTable({ view }: { view: InboxView }) {
  const navigate = useNavigate();
  const paging = usePaging();
  const [q, setQ] = useState('');
  const list = useInbox(view, paging.page, paging.pageSize, q || undefined);
  const from = inboxPath(view);
  return (
    <>
      <ListFilters>
        <SearchFilter label={t('inbox.search')} placeholder={t('incoming.searchPlaceholder')} onSearch={paging.filter(setQ)} style={{ flex: '1 1 320px', maxWidth: 520 }} />
      </ListFilters>
      <PagedTable<InboxItem>
        list={list}
        paging={paging}
        filtered={Boolean(q)}
        countKey="inbox.countLabel"
        emptyText={t(`inbox.empty.${view}`)}
        columns={columnsFor(view, from)}
        rowClassName={(d) => {
          const classes = ['vps-row-clickable'];
          if (d.urgency === 'flash' || d.urgency === 'very_urgent') classes.push('vps-row-urgent');
          if (d.assignment?.status === 'pending' && view !== 'done') classes.push('vps-row-new');
          return classes.join(' ');
        }}
        onRow={(d) => ({
          onClick: (e) => {
            // The number's own link has already navigated.
            if (!(e.target as HTMLElement).closest('a')) navigate(incomingPath(d.id), { state: { from } });
          },
        })}
      />
    </>
  );
}

/** Each view has its own address, so the menu, the browser's back button and a bookmark all land on it. */
export function InboxPage() {
  const { view: slug } = useParams();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const can = useCan();
  const user = useCurrentUser();
  const counts = useInboxCounts();
  const view = inboxViewOf(slug);
  if (!view) return <NotFoundPage />;
  const views = inboxViewsFor(can, counts.data);

  return (
    <>
      <PageHeader title={t('inbox.title')} description={t('inbox.description')} />
      <Tabs
        activeKey={view}
        onChange={(key) => navigate(inboxPath(key as InboxView))}
        aria-label={t('inbox.views')}
        items={views.map((v) => ({
          key: v,
          label: (
            <Flex gap={6} align="center">
              {t(`inbox.view.${v}`)}
              <CountPill count={counts.data?.[v] ?? 0} tone={ALERT_VIEWS.has(v) ? 'alert' : 'quiet'} />
            </Flex>
          ),
        }))}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {t(`inbox.hint.${view}`, { unit: user.unit.name })}
      </Typography.Paragraph>
      {/* A new view starts on its first page. */}
      <InboxTable key={pathname} view={view} />
    </>
  );
}
