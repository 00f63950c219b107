import { Switch, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { FilterSelect, ListFilters, SearchFilter } from '../../components/list-filters';
import { PageHeader } from '../../components/page-header';
import { PagedTable } from '../../components/paged-table';
import { t, type MessageKey } from '../../i18n';
import { formatInstant } from '../../lib/format';
import { usePaging } from '../../lib/use-paging';
import { FEEDBACK_STATE_COLORS } from '../citizen/citizen-queries';
import { FEEDBACK_STATES, useFeedbackList, type FeedbackItem, type FeedbackState } from './feedback-queries';

export const stateLabel = (s: FeedbackState) => t(`citizen.feedback.state.${s}` as MessageKey);
export const actionLabel = (a: string) => t(`citizen.desk.action.${a}` as MessageKey);

/** The due badge: what is awaited and by when, red once it has passed. */
export function DueBadge({ pending }: { pending: FeedbackItem['pending'] }) {
  if (!pending) return null;
  return (
    <Tag color={pending.overdue ? 'red' : 'gold'} style={{ whiteSpace: 'normal' }}>
      {pending.overdue ? `${t('citizen.desk.overdue')} · ` : ''}
      {t('citizen.desk.dueOn', { action: actionLabel(pending.action), at: formatInstant(pending.dueAt) })}
    </Tag>
  );
}

const columns: TableColumnsType<FeedbackItem> = [
  {
    title: t('citizen.desk.titleColumn'),
    key: 'title',
    render: (_, f) => (
      <div className="vps-wrap">
        <Link to={`/phan-anh-kien-nghi/${f.id}`} style={{ fontWeight: 600 }}>
          {f.title}
        </Link>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {f.code} · {t(`citizen.feedback.kind.${f.kind}` as MessageKey)}
          </Typography.Text>
        </div>
      </div>
    ),
  },
  { title: t('citizen.desk.sender'), dataIndex: 'senderName', width: 170, responsive: ['md'] },
  { title: t('citizen.desk.agency'), key: 'agency', width: 200, responsive: ['lg'], render: (_, f) => f.agencyName ?? t('citizen.desk.center') },
  { title: t('citizen.desk.submittedAt'), key: 'submitted', width: 140, responsive: ['sm'], render: (_, f) => formatInstant(f.submittedAt) },
  { title: t('citizen.desk.state'), key: 'state', width: 150, render: (_, f) => <Tag color={FEEDBACK_STATE_COLORS[f.state]}>{stateLabel(f.state)}</Tag> },
  { title: t('citizen.desk.due'), key: 'due', width: 220, render: (_, f) => <DueBadge pending={f.pending} /> },
];

/** The feedback the officer's agency must handle (the whole province for the Center), newest first. */
export function FeedbackListPage() {
  const paging = usePaging();
  const [state, setState] = useState<FeedbackState | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [q, setQ] = useState('');
  const list = useFeedbackList({ state, overdue: overdue ? 'true' : undefined, q: q || undefined, page: paging.page, pageSize: paging.pageSize });
  return (
    <>
      <PageHeader title={t('citizen.feedbackDesk')} description={t('citizen.desk.description')} />
      <ListFilters>
        <SearchFilter label={t('citizen.desk.search')} placeholder={t('citizen.desk.search')} onSearch={paging.filter(setQ)} style={{ width: 320 }} />
        <FilterSelect label={t('citizen.desk.filterState')} placeholder={t('citizen.desk.allStates')} value={state} onChange={paging.filter(setState)} values={FEEDBACK_STATES} labelOf={stateLabel} style={{ width: 220 }} />
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
          <Switch checked={overdue} onChange={paging.filter(setOverdue)} />
          {t('citizen.desk.overdueOnly')}
        </label>
      </ListFilters>
      <PagedTable list={list} paging={paging} filtered={Boolean(state || overdue || q)} countKey="citizen.desk.count" emptyText={t('citizen.desk.empty')} columns={columns} />
    </>
  );
}
