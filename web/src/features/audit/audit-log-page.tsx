import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DatePicker, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, data } from '../../api/client';
import type { AuditEntry, Query } from '../../api/types';
import { FilterSelect, ListFilters } from '../../components/list-filters';
import { PageHeader } from '../../components/page-header';
import { PagedTable } from '../../components/paged-table';
import { t } from '../../i18n';
import { DATE_FORMAT, DATE_TIME_SECONDS_FORMAT, formatInstant, vnDayEnd, vnDayStart } from '../../lib/format';
import { usePaging } from '../../lib/use-paging';
import { AuditEntryDetails } from './audit-entry-details';
import { actionLabel, AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, entityLabel } from './audit-labels';
import { UserPicker } from './user-picker';

type Range = [Dayjs | null, Dayjs | null] | null;

export function AuditLogPage() {
  const [action, setAction] = useState<string | undefined>();
  const [entityType, setEntityType] = useState<string | undefined>();
  const [actorId, setActorId] = useState<string | undefined>();
  const [range, setRange] = useState<Range>(null);
  const paging = usePaging(50);

  // The picked days are Vietnam calendar days, whatever zone the browser is in.
  const query: Query<'listAuditEntries'> = {
    action,
    entityType,
    actorId,
    from: range?.[0] ? vnDayStart(range[0]) : undefined,
    to: range?.[1] ? vnDayEnd(range[1]) : undefined,
    page: paging.page,
    pageSize: paging.pageSize,
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
      <ListFilters>
        <FilterSelect
          label={t('audit.action')}
          placeholder={t('audit.allActions')}
          searchable
          value={action}
          onChange={paging.filter(setAction)}
          values={AUDIT_ACTIONS}
          labelOf={actionLabel}
          style={{ flex: '1 1 220px', maxWidth: 280 }}
        />
        <FilterSelect
          label={t('audit.entityType')}
          placeholder={t('audit.allEntities')}
          value={entityType}
          onChange={paging.filter(setEntityType)}
          values={AUDIT_ENTITY_TYPES}
          labelOf={entityLabel}
          style={{ flex: '1 1 200px', maxWidth: 240 }}
        />
        <UserPicker aria-label={t('audit.actor')} value={actorId} onChange={paging.filter(setActorId)} style={{ flex: '1 1 240px', maxWidth: 320 }} />
        <DatePicker.RangePicker
          aria-label={t('audit.dateRange')}
          format={DATE_FORMAT}
          value={range}
          onChange={paging.filter(setRange)}
          placeholder={[t('audit.from'), t('audit.to')]}
          allowEmpty={[true, true]}
          style={{ flex: '0 1 280px' }}
        />
      </ListFilters>
      <PagedTable<AuditEntry>
        list={list}
        paging={paging}
        filtered={Boolean(action || entityType || actorId || range)}
        countKey="audit.count"
        pageSizeOptions={[20, 50, 100, 200]}
        columns={columns}
        expandable={{ expandedRowRender: (entry) => <AuditEntryDetails entry={entry} /> }}
      />
    </>
  );
}
