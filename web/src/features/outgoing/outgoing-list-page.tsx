import { Flex, Tabs, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../app/session';
import { AddButton } from '../../components/add-button';
import { ListFilters, SearchFilter } from '../../components/list-filters';
import { NotFoundPage } from '../../components/not-found-page';
import { PageHeader } from '../../components/page-header';
import { PagedTable } from '../../components/paged-table';
import { t } from '../../i18n';
import { formatDay } from '../../lib/format';
import { usePaging } from '../../lib/use-paging';
import { ConfidentialityTag, UrgencyTag } from '../documents/document-display';
import { CountPill } from '../documents/routing-display';
import { useInboxCounts } from '../documents/routing-queries';
import { OutgoingStatusTag } from './outgoing-display';
import { useOutgoingList, type OutgoingSummary } from './outgoing-queries';
import { NEW_DRAFT_PATH, outgoingCount, outgoingListPath, outgoingPath, outgoingViewsFor, type OutgoingView } from './outgoing-views';

function columnsFor(view: OutgoingView, from: string): TableColumnsType<OutgoingSummary> {
  const subject: TableColumnsType<OutgoingSummary>[number] = {
    title: t('outgoing.list.subject'),
    dataIndex: 'subject',
    // The type as a small heading, the subject as a link: reachable by keyboard, and a middle click opens a tab.
    render: (_, d) => (
      <div className="vps-wrap">
        <Flex gap={4} wrap align="center">
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {d.typeName}
          </Typography.Text>
          {d.urgency !== 'normal' && <UrgencyTag urgency={d.urgency} />}
          <ConfidentialityTag confidentiality={d.confidentiality} />
        </Flex>
        <Link to={outgoingPath(d.id)} state={{ from }} style={{ fontWeight: 500 }}>
          {d.subject}
        </Link>
      </div>
    ),
  };
  const status: TableColumnsType<OutgoingSummary>[number] = { title: t('document.status'), dataIndex: 'status', width: 130, render: (v: string) => <OutgoingStatusTag status={v} /> };
  const holder: TableColumnsType<OutgoingSummary>[number] = {
    title: t('outgoing.holder'),
    dataIndex: 'holderName',
    width: 180,
    responsive: ['md'],
    // Signed documents are held by nobody in particular: any clerk of the agency issues them.
    render: (v: string | null, d) => <span className="vps-wrap">{v ?? (d.status === 'signed' ? t('outgoing.holder.clerks') : t('common.none'))}</span>,
  };
  const number: TableColumnsType<OutgoingSummary>[number] = {
    title: t('document.numberNotationShort'),
    dataIndex: 'numberNotation',
    width: 140,
    render: (v: string | null) => (v ? <strong className="vps-wrap">{v}</strong> : <Typography.Text type="secondary">{t('outgoing.noNumber')}</Typography.Text>),
  };
  const date: TableColumnsType<OutgoingSummary>[number] = {
    title: t('outgoing.issuedDate'),
    dataIndex: 'issuedDate',
    width: 120,
    render: (v: string | null) => (v ? formatDay(v) : t('common.none')),
  };
  // Issued documents are looked up by number, as in the register; drafts by what they are about, with who
  // has them (in "review" that is always oneself, and nothing has a number or date before it is issued).
  if (view === 'issued') return [number, date, subject, status];
  if (view === 'drafts') return [subject, status, holder];
  return [subject, status];
}

function OutgoingTable({ view, q }: { view: OutgoingView; q: string }) {
  const navigate = useNavigate();
  const paging = usePaging();
  const list = useOutgoingList(view, { q: q || undefined, page: paging.page, pageSize: paging.pageSize });
  const from = outgoingListPath(view);
  return (
    <PagedTable<OutgoingSummary>
      list={list}
      paging={paging}
      filtered={Boolean(q)}
      countKey="outgoing.count"
      emptyText={t(`outgoing.empty.${view}`)}
      columns={columnsFor(view, from)}
      rowClassName={(d) => (d.status === 'returned' && view === 'drafts' ? 'vps-row-clickable vps-row-new' : 'vps-row-clickable')}
      onRow={(d) => ({
        onClick: (e) => {
          // The subject's own link has already navigated.
          if (!(e.target as HTMLElement).closest('a')) navigate(outgoingPath(d.id), { state: { from } });
        },
      })}
    />
  );
}

/** One page per view, each with its own address, as the inbox does: the menu, Back and bookmarks land on it. */
export function OutgoingListPage({ view }: { view: OutgoingView }) {
  const navigate = useNavigate();
  const can = useCan();
  const counts = useInboxCounts();
  const [q, setQ] = useState('');
  const views = outgoingViewsFor(can);
  if (!views.includes(view)) return <NotFoundPage />;

  return (
    <>
      <PageHeader
        title={t('outgoing.title')}
        description={t('outgoing.description')}
        extra={can('document.draft') && <AddButton onClick={() => navigate(NEW_DRAFT_PATH)}>{t('outgoing.new')}</AddButton>}
      />
      <Tabs
        activeKey={view}
        onChange={(key) => navigate(outgoingListPath(key as OutgoingView))}
        aria-label={t('outgoing.views')}
        items={views.map((v) => ({
          key: v,
          label: (
            <Flex gap={6} align="center">
              {t(`outgoing.view.${v}`)}
              <CountPill count={outgoingCount(v, counts.data)} tone="alert" />
            </Flex>
          ),
        }))}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {t(`outgoing.hint.${view}`)}
      </Typography.Paragraph>
      <ListFilters>
        <SearchFilter label={t('outgoing.search')} placeholder={t('outgoing.searchPlaceholder')} onSearch={setQ} style={{ flex: '1 1 320px', maxWidth: 520 }} />
      </ListFilters>
      {/* A new search starts on its first page (the router mounts each view afresh). */}
      <OutgoingTable key={q} view={view} q={q} />
    </>
  );
}
