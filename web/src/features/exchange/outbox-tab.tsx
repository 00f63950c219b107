import { ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Segmented, Table, Tag, Tooltip, Typography, type TableColumnType, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../app/session';
import { QueryError } from '../../components/query-error';
import { TwoLineCell } from '../../components/two-line-cell';
import { t } from '../../i18n';
import { errorMessage } from '../../lib/form-errors';
import { DATE_FORMAT, formatInstant, formatNumber } from '../../lib/format';
import { usePaging } from '../../lib/use-paging';
import { outgoingPath } from '../outgoing/outgoing-views';
import { OutboxStatusTag, statusCodeLabel } from './exchange-display';
import { exchangeKeys, retryOutbox, useExchangeOutbox, type OutboxItem, type OutboxStatus } from './exchange-queries';

type Filter = OutboxStatus | 'all';
const FILTERS: Filter[] = ['pending', 'sent', 'failed', 'cancelled', 'all'];

/** What a person may push again: a row still waiting, or one the peer refused. Sent and cancelled rows are done. */
const retriable = (o: OutboxItem) => o.status === 'pending' || o.status === 'failed';

const TwoLineTime = ({ iso }: { iso: string }) => (
  <>
    <div style={{ whiteSpace: 'nowrap' }}>{formatInstant(iso, DATE_FORMAT)}</div>
    <Typography.Text type="secondary">{formatInstant(iso, 'HH:mm')}</Typography.Text>
  </>
);

/** A DocumentId ("<code>,<yyyy/MM/dd>,<number>") breaks after its commas, never inside a part. */
function DocumentIdText({ value }: { value: string }) {
  const parts = value.split(',');
  return (
    <>
      {parts.map((part, i) => (
        <span key={i}>
          {part}
          {i < parts.length - 1 && (
            <>
              ,<wbr />
            </>
          )}
        </span>
      ))}
    </>
  );
}

/** When it goes next, or when it went; a refused row waits for a person, not for the clock. */
function WhenCell({ item: o }: { item: OutboxItem }) {
  const line = (label: string, iso: string) => (
    <>
      <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block' }}>
        {label}
      </Typography.Text>
      <span style={{ whiteSpace: 'nowrap' }}>{formatInstant(iso)}</span>
    </>
  );
  if (o.status === 'sent' && o.sentAt) return line(t('exchange.outbox.sentAt'), o.sentAt);
  if (o.status === 'pending' && o.nextAttemptAt) return line(t(o.attempts > 0 ? 'exchange.outbox.nextRetry' : 'exchange.outbox.nextAttempt'), o.nextAttemptAt);
  if (o.status === 'failed') return <Typography.Text type="secondary">{t('exchange.outbox.waitsForPerson')}</Typography.Text>;
  return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
}

function ErrorCell({ error }: { error: string | null }) {
  if (!error) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  // The peer's whole answer can be long; the row keeps two lines and the tooltip has it all.
  return (
    <Tooltip title={<span className="vps-wrap">{error}</span>}>
      <Typography.Paragraph type="danger" ellipsis={{ rows: 2 }} style={{ marginBottom: 0, fontSize: 13 }} tabIndex={0}>
        {error}
      </Typography.Paragraph>
    </Tooltip>
  );
}

function RetryButton({ item: o, onDone }: { item: OutboxItem; onDone: () => void }) {
  const { message } = App.useApp();
  const retry = useMutation({
    mutationFn: () => retryOutbox(o.id),
    onSuccess: () => message.success(t('exchange.outbox.retried')),
    onError: (e) => message.error({ content: t('exchange.outbox.retryFailed', { reason: errorMessage(e) }), duration: 8 }),
    // Refused or not, the row has moved on (sent meanwhile, or due now): show where it is.
    onSettled: onDone,
  });
  return (
    <Button size="small" icon={<ReloadOutlined aria-hidden />} loading={retry.isPending} onClick={() => retry.mutate()} aria-label={t('exchange.outbox.retryLabel', { id: o.edxmlDocumentId, to: o.toOrganId })}>
      {t('exchange.outbox.retry')}
    </Button>
  );
}

// The monospace of ids, but broken at the commas (see DocumentIdText) rather than anywhere.
const DOCUMENT_ID_STYLE = { wordBreak: 'normal', overflowWrap: 'anywhere' } as const;

const agencyColumn = (): TableColumnType<OutboxItem> => ({ title: t('exchange.outbox.agency'), dataIndex: 'agencyName', width: 160, responsive: ['lg'], render: (v: string) => <span className="vps-wrap">{v}</span> });

function columnsFor(canReadDocuments: boolean, refresh: () => void, showAgency: boolean): TableColumnsType<OutboxItem> {
  return [
    { title: t('exchange.outbox.createdAt'), dataIndex: 'createdAt', width: 104, render: (v: string) => <TwoLineTime iso={v} /> },
    {
      title: t('exchange.outbox.message'),
      key: 'message',
      render: (_, o) => (
        <div className="vps-wrap">
          <Flex gap={6} wrap align="center" style={{ marginBottom: 2 }}>
            <Tag color={o.kind === 'document' ? 'blue' : 'purple'} style={{ marginInlineEnd: 0 }}>
              {t(`exchange.outbox.kind.${o.kind}`)}
            </Tag>
            {o.statusCode && <Typography.Text style={{ fontSize: 13 }}>{statusCodeLabel(o.statusCode)}</Typography.Text>}
          </Flex>
          {/* The outgoing document it carries (or answers about) opens from its DocumentId. */}
          {o.documentId && canReadDocuments ? (
            <Link to={outgoingPath(o.documentId)} className="vps-hash" style={DOCUMENT_ID_STYLE} aria-label={`${t('exchange.outbox.openDocument')}: ${o.edxmlDocumentId}`}>
              <DocumentIdText value={o.edxmlDocumentId} />
            </Link>
          ) : (
            <Typography.Text type="secondary" className="vps-hash" style={DOCUMENT_ID_STYLE}>
              <DocumentIdText value={o.edxmlDocumentId} />
            </Typography.Text>
          )}
        </div>
      ),
    },
    // the administrator sees every agency's messages: which one sends each
    ...(showAgency ? [agencyColumn()] : []),
    { title: t('exchange.outbox.to'), key: 'to', width: 180, render: (_, o) => <TwoLineCell primary={<span className="vps-hash">{o.toOrganId}</span>} secondary={o.peerName} /> },
    { title: t('exchange.status'), key: 'status', width: 112, render: (_, o) => <OutboxStatusTag item={o} /> },
    { title: t('exchange.outbox.attempts'), dataIndex: 'attempts', width: 76, align: 'right', responsive: ['lg'] },
    { title: t('exchange.outbox.when'), key: 'when', width: 140, render: (_, o) => <WhenCell item={o} /> },
    { title: t('exchange.outbox.lastError'), dataIndex: 'lastError', width: 200, responsive: ['md'], render: (v: string | null) => <ErrorCell error={v} /> },
    { title: t('common.actions'), key: 'actions', width: 104, render: (_, o) => (retriable(o) ? <RetryButton item={o} onDone={refresh} /> : null) },
  ];
}

/**
 * "Gửi đi": what goes out over the connections — issued documents to outside recipients, statuses back to
 * senders — with where each stands. The job sends and retries on its own; a person steps in for a refusal.
 */
export function OutboxTab() {
  const queryClient = useQueryClient();
  const can = useCan();
  const paging = usePaging();
  const [filter, setFilter] = useState<Filter>('pending');
  const list = useExchangeOutbox({ status: filter === 'all' ? undefined : filter, page: paging.page, pageSize: paging.pageSize });
  const items = list.data?.items ?? [];
  const refresh = () => void queryClient.invalidateQueries({ queryKey: exchangeKeys.outboxAll });

  const total = list.data?.total ?? 0;

  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {t(can('exchange.manage') ? 'exchange.outbox.hintProvince' : 'exchange.outbox.hint')}
      </Typography.Paragraph>
      <Flex gap={12} wrap justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Segmented<Filter>
          aria-label={t('exchange.filter')}
          value={filter}
          onChange={paging.filter(setFilter)}
          options={FILTERS.map((f) => ({ value: f, label: t(`exchange.outbox.filter.${f}`) }))}
        />
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('exchange.outbox.autoRefresh')}
        </Typography.Text>
      </Flex>
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <Table<OutboxItem>
        data-testid="exchange-outbox-table"
        rowKey="id"
        size="middle"
        columns={columnsFor(can('document.read'), refresh, can('exchange.manage'))}
        dataSource={items}
        // The 15-second refresh happens quietly; only a change of filter or page shows the spinner.
        loading={list.isPending || list.isPlaceholderData}
        locale={{ emptyText: <Empty description={paging.page > 1 ? t('exchange.pageEmpty') : t(`exchange.outbox.empty.${filter}`)} /> }}
        pagination={{ current: paging.page, pageSize: paging.pageSize, total, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (n) => t('exchange.outbox.count', { count: formatNumber(n) }), onChange: paging.change, hideOnSinglePage: false }}
      />
    </>
  );
}
