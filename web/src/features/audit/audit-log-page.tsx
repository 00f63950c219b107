import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DatePicker, Empty, Flex, Select, Table, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, data } from '../../api/client';
import type { AuditEntry, Query } from '../../api/types';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { t } from '../../i18n';
import { DATE_FORMAT, DATE_TIME_SECONDS_FORMAT, formatInstant, formatNumber, vnDayEnd, vnDayStart } from '../../lib/format';
import { AuditEntryDetails } from './audit-entry-details';
import { actionLabel, AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, entityLabel } from './audit-labels';
import { UserPicker } from './user-picker';

type Range = [Dayjs | null, Dayjs | null] | null;

export function AuditLogPage() {
  const [action, setAction] = useState<string | undefined>();
  const [entityType, setEntityType] = useState<string | undefined>();
  const [actorId, setActorId] = useState<string | undefined>();
  const [range, setRange] = useState<Range>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const filter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };

  // The picked days are Vietnam calendar days, whatever zone the browser is in.
  const query: Query<'listAuditEntries'> = {
    action,
    entityType,
    actorId,
    from: range?.[0] ? vnDayStart(range[0]) : undefined,
    to: range?.[1] ? vnDayEnd(range[1]) : undefined,
    page,
    pageSize,
  };
  const list = useQuery({
    queryKey: ['audit', query],
    queryFn: () => data(api.GET('/api/audit', { params: { query } })),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.time'), dataIndex: 'createdAt', width: 170, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatInstant(v, DATE_TIME_SECONDS_FORMAT)}</span> },
    { title: t('audit.actor'), dataIndex: 'actorName', width: 180, responsive: ['sm'], render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text> },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (v: string) => (
        <>
          {actionLabel(v)}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {v}
          </Typography.Text>
        </>
      ),
    },
    { title: t('audit.summary'), dataIndex: 'summary', responsive: ['md'], render: (v: string | null) => <span className="vps-wrap">{v ?? t('common.none')}</span> },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, responsive: ['lg'], render: (v: string | null) => v ?? t('common.none') },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('module.auditLog.desc')} />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('audit.action')}
          placeholder={t('audit.allActions')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={action}
          onChange={filter(setAction)}
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))}
          style={{ flex: '1 1 220px', maxWidth: 280 }}
        />
        <Select
          aria-label={t('audit.entityType')}
          placeholder={t('audit.allEntities')}
          allowClear
          value={entityType}
          onChange={filter(setEntityType)}
          options={AUDIT_ENTITY_TYPES.map((e) => ({ value: e, label: entityLabel(e) }))}
          style={{ flex: '1 1 200px', maxWidth: 240 }}
        />
        <UserPicker aria-label={t('audit.actor')} value={actorId} onChange={filter(setActorId)} style={{ flex: '1 1 240px', maxWidth: 320 }} />
        <DatePicker.RangePicker
          aria-label={t('audit.dateRange')}
          format={DATE_FORMAT}
          value={range}
          onChange={filter(setRange)}
          placeholder={[t('audit.from'), t('audit.to')]}
          allowEmpty={[true, true]}
          style={{ flex: '0 1 280px' }}
        />
      </Flex>
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        expandable={{ expandedRowRender: (entry) => <AuditEntryDetails entry={entry} /> }}
        locale={{ emptyText: <Empty description={action || entityType || actorId || range ? t('common.noMatch') : t('common.noData')} /> }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('audit.count', { count: formatNumber(total) }),
          onChange: (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          },
        }}
      />
    </>
  );
}
