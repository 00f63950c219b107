import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Flex, Segmented, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { TwoLineCell } from '../../components/two-line-cell';
import { QueryError } from '../../components/query-error';
import { t } from '../../i18n';
import { DATE_FORMAT, formatDay, formatInstant, formatNumber } from '../../lib/format';
import { usePaging } from '../../lib/use-paging';
import { documentKeys, incomingPath } from '../documents/document-queries';
import { FilesCell, KindTag, MessageStatusTag, SignatureTag } from './exchange-display';
import { exchangeKeys, NEW_DOCUMENT, useExchangeMessages, type ExchangeMessage, type ExchangeStatus, type ImportResult, type Registered } from './exchange-queries';
import { ImportButton } from './import-button';
import { MessageDetails } from './message-details';
import { RegisterAction } from './register-action';
import { RejectAction } from './reject-action';

// What a clerk looks for: what waits, what is done, what was returned, what senders revoked or corrected,
// everything (withdrawn messages only under "all").
type Filter = Extract<ExchangeStatus, 'pending' | 'registered' | 'rejected' | 'applied'> | 'all';
const FILTERS: Filter[] = ['pending', 'registered', 'rejected', 'applied', 'all'];

/**
 * Under the subject, what a revocation, update or replacement says and did — or, on a document its sender
 * took back, why it no longer waits: "Lý do: Gửi nhầm" and "Đã thu hồi văn bản đến số 12/2026 (…)".
 */
function BusinessLines({ message: m }: { message: ExchangeMessage }) {
  const reason = m.businessDocType !== NEW_DOCUMENT && m.businessReason;
  if (!reason && !m.outcome) return null;
  return (
    <div data-testid="exchange-business" style={{ fontSize: 13, marginTop: 2 }}>
      {reason && <Typography.Text type="secondary">{t('exchange.reason', { reason })}</Typography.Text>}
      {m.outcome && (
        <div>
          {/* What a revocation, update or replacement did is done; a document taken back is a warning. */}
          <Typography.Text type={m.businessDocType === NEW_DOCUMENT || m.status === 'withdrawn' ? 'warning' : 'success'}>{m.outcome}</Typography.Text>
        </div>
      )}
    </div>
  );
}

interface RowHandlers {
  toggle: (id: string) => void;
  onRegistered: (m: ExchangeMessage, r: Registered) => void;
  onRejected: (m: ExchangeMessage) => void;
}

function columnsFor({ toggle, onRegistered, onRejected }: RowHandlers): TableColumnsType<ExchangeMessage> {
  return [
    {
      title: t('exchange.receivedAt'),
      dataIndex: 'receivedAt',
      width: 104,
      render: (v: string) => (
        <>
          <div style={{ whiteSpace: 'nowrap' }}>{formatInstant(v, DATE_FORMAT)}</div>
          <Typography.Text type="secondary">{formatInstant(v, 'HH:mm')}</Typography.Text>
        </>
      ),
    },
    { title: t('exchange.sender'), dataIndex: 'fromName', width: 180, render: (_, m) => <TwoLineCell primary={m.fromName} secondary={<span className="vps-hash">{m.fromOrganId}</span>} /> },
    { title: t('exchange.numberNotation'), dataIndex: 'numberNotation', width: 124, render: (v: string) => <strong className="vps-wrap">{v}</strong> },
    { title: t('exchange.promulgationDate'), dataIndex: 'promulgationDate', width: 104, responsive: ['xl'], render: (v: string | null) => formatDay(v) || t('common.none') },
    {
      title: t('exchange.subject'),
      dataIndex: 'subject',
      // The type as a small heading, the subject as the way to the details (the expand button does the same).
      render: (_, m) => (
        <div className="vps-wrap">
          <Flex gap={6} wrap align="center">
            {m.typeName && (
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {m.typeName}
              </Typography.Text>
            )}
            {m.businessDocType !== NEW_DOCUMENT && <KindTag kind={m.businessDocType} />}
          </Flex>
          <Typography.Link onClick={() => toggle(m.id)} style={{ color: 'inherit' }} aria-label={`${t('exchange.showDetails')}: ${m.subject}`}>
            {m.subject}
          </Typography.Link>
          <BusinessLines message={m} />
        </div>
      ),
    },
    { title: t('exchange.files'), key: 'files', width: 100, responsive: ['lg'], render: (_, m) => <FilesCell message={m} /> },
    {
      title: t('exchange.status'),
      key: 'status',
      width: 124,
      render: (_, m) => (
        <Flex vertical gap={4} align="flex-start">
          <MessageStatusTag message={m} />
          <SignatureTag message={m} />
        </Flex>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      render: (_, m) => (
        <Flex vertical align="start" gap={4}>
          <RegisterAction message={m} onRegistered={onRegistered} />
          {m.status === 'pending' && <RejectAction message={m} onRejected={onRejected} />}
        </Flex>
      ),
    },
  ];
}

/**
 * "Văn bản nhận": the edXML messages the agency received, the newest first. A message waits here until a
 * clerk registers it as an incoming document; the filter starts on what waits.
 */
export function ReceivedTab() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const paging = usePaging();
  const [filter, setFilter] = useState<Filter>('pending');
  const [expanded, setExpanded] = useState<string[]>([]);
  const [latest, setLatest] = useState<string | null>(null);
  const [done, setDone] = useState<{ message: ExchangeMessage; registered: Registered } | null>(null);
  const list = useExchangeMessages({ status: filter === 'all' ? undefined : filter, page: paging.page, pageSize: paging.pageSize });
  const items = list.data?.items ?? [];

  const refresh = () => void queryClient.invalidateQueries({ queryKey: exchangeKeys.all });
  const toggle = (id: string) => setExpanded((keys) => (keys.includes(id) ? keys.filter((k) => k !== id) : [...keys, id]));
  const onRegistered = (m: ExchangeMessage, registered: Registered) => {
    setDone({ message: m, registered });
    refresh();
    void queryClient.invalidateQueries({ queryKey: documentKeys.all });
  };
  const onRejected = (m: ExchangeMessage) => {
    message.success(t('exchange.reject.done', { number: m.numberNotation, sender: m.fromName }));
    setExpanded((keys) => keys.filter((k) => k !== m.id));
    refresh();
  };
  // The message just received (or found again) is opened at the top of the first page, under a filter that shows it.
  const onImported = ({ message: m }: ImportResult) => {
    if (filter !== 'all' && filter !== m.status) setFilter(m.status === 'withdrawn' ? 'all' : m.status);
    paging.change(1, paging.pageSize);
    setLatest(m.id);
    setExpanded((keys) => (keys.includes(m.id) ? keys : [...keys, m.id]));
    refresh();
    // A revocation, update or replacement may have changed incoming documents already on screen elsewhere.
    if (m.businessDocType !== NEW_DOCUMENT) void queryClient.invalidateQueries({ queryKey: documentKeys.all });
  };

  const total = list.data?.total ?? 0;

  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {t('exchange.import.hint')}
      </Typography.Paragraph>
      <Flex gap={12} wrap justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Segmented<Filter>
          aria-label={t('exchange.filter')}
          value={filter}
          onChange={paging.filter(setFilter)}
          options={FILTERS.map((f) => ({ value: f, label: t(`exchange.filter.${f}`) }))}
        />
        <ImportButton onImported={onImported} />
      </Flex>
      {done && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setDone(null) }}
          role="status"
          title={t('exchange.register.done', { number: done.registered.arrivalNumber ?? '', notation: done.message.numberNotation, sender: done.message.fromName })}
          action={
            <Link to={incomingPath(done.registered.documentId)}>
              <Button size="small" type="primary">
                {t('exchange.viewDocument')}
              </Button>
            </Link>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <Table<ExchangeMessage>
        data-testid="exchange-received-table"
        rowKey="id"
        size="middle"
        columns={columnsFor({ toggle, onRegistered, onRejected })}
        dataSource={items}
        loading={list.isFetching}
        rowClassName={(m) => (m.id === latest ? 'vps-row-new' : '')}
        expandable={{
          expandedRowKeys: expanded,
          onExpand: (_, m) => toggle(m.id),
          expandedRowRender: (m) => <MessageDetails message={m} />,
        }}
        locale={{ emptyText: <Empty description={paging.page > 1 ? t('exchange.pageEmpty') : t(`exchange.empty.${filter}`)} /> }}
        pagination={{ current: paging.page, pageSize: paging.pageSize, total, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (n) => t('exchange.count', { count: formatNumber(n) }), onChange: paging.change, hideOnSinglePage: false }}
      />
    </>
  );
}
