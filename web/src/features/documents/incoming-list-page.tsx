import { DatePicker, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { URGENCIES, type DocumentSummary, type DocumentTypeCode, type Urgency } from '../../api/types';
import { useCan, useCurrentUser } from '../../app/session';
import { AddButton } from '../../components/add-button';
import { FilterSelect, ListFilters, SearchFilter } from '../../components/list-filters';
import { PageHeader } from '../../components/page-header';
import { PagedTable } from '../../components/paged-table';
import { t } from '../../i18n';
import { DATE_FORMAT, formatDay, formatInstant, toIsoDate } from '../../lib/format';
import { usePaging } from '../../lib/use-paging';
import { ConfidentialityTag, DueDate, UrgencyTag } from './document-display';
import { incomingPath, useDocumentTypes, useIncomingList } from './document-queries';
import { DocumentStatusTag } from './routing-display';

type Range = [Dayjs | null, Dayjs | null] | null;

const columns: TableColumnsType<DocumentSummary> = [
  {
    title: t('document.arrivalNumber'),
    dataIndex: 'arrivalNumber',
    width: 76,
    // A real link as well as the row click: reachable by keyboard, and opens in a new tab on middle click.
    render: (n: number, d) => (
      <Link to={incomingPath(d.id)} style={{ fontWeight: 600, fontSize: 15 }}>
        {n}
      </Link>
    ),
  },
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
  { title: t('document.numberNotationShort'), dataIndex: 'numberNotation', width: 140, render: (v: string) => <span className="vps-wrap">{v}</span> },
  { title: t('document.issuedDateShort'), dataIndex: 'issuedDate', width: 100, responsive: ['xl'], render: (v: string) => formatDay(v) },
  { title: t('document.sender'), dataIndex: 'senderName', width: 190, responsive: ['md'], render: (v: string) => <span className="vps-wrap">{v}</span> },
  {
    title: t('document.subject'),
    dataIndex: 'subject',
    // The register's "Tên loại và trích yếu": the type as a small heading, the subject as the text to read.
    render: (_, d) => (
      <div className="vps-wrap">
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {d.typeName}
        </Typography.Text>{' '}
        <ConfidentialityTag confidentiality={d.confidentiality} />
        <div>{d.subject}</div>
      </div>
    ),
  },
  { title: t('document.dueDate'), dataIndex: 'dueDate', width: 108, responsive: ['lg'], render: (v: string | null) => <DueDate date={v} /> },
  { title: t('document.urgency'), dataIndex: 'urgency', width: 112, render: (v: Urgency) => <UrgencyTag urgency={v} /> },
  { title: t('document.status'), dataIndex: 'status', width: 150, responsive: ['lg'], render: (v: string) => <DocumentStatusTag status={v} /> },
];

export function IncomingListPage() {
  const can = useCan();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const types = useDocumentTypes();
  const [q, setQ] = useState('');
  const [range, setRange] = useState<Range>(null);
  const [urgency, setUrgency] = useState<Urgency | undefined>();
  const [typeCode, setTypeCode] = useState<DocumentTypeCode | undefined>();
  const paging = usePaging();
  const list = useIncomingList({
    q: q || undefined,
    // Vietnam calendar days: the server reads them in its own time zone.
    from: range?.[0] ? toIsoDate(range[0]) : undefined,
    to: range?.[1] ? toIsoDate(range[1]) : undefined,
    urgency,
    typeCode,
    page: paging.page,
    pageSize: paging.pageSize,
  });
  const typeNames = new Map((types.data ?? []).map((x) => [x.code, x.name]));

  return (
    <>
      <PageHeader
        title={t('incoming.title')}
        description={can('document.read') ? t('incoming.scope.agency', { agency: user.agency.name }) : t('incoming.scope.named')}
        extra={can('document.register') && <AddButton onClick={() => navigate('/van-ban-den/dang-ky')}>{t('incoming.register')}</AddButton>}
      />
      <ListFilters>
        <SearchFilter label={t('incoming.search')} placeholder={t('incoming.searchPlaceholder')} onSearch={paging.filter(setQ)} style={{ flex: '1 1 320px', maxWidth: 520 }} />
        <DatePicker.RangePicker
          aria-label={t('incoming.dateRange')}
          format={DATE_FORMAT}
          value={range}
          onChange={paging.filter(setRange)}
          placeholder={[t('incoming.from'), t('incoming.to')]}
          allowEmpty={[true, true]}
          style={{ flex: '0 1 280px' }}
        />
        <FilterSelect
          label={t('document.urgency')}
          placeholder={t('incoming.allUrgencies')}
          value={urgency}
          onChange={paging.filter(setUrgency)}
          values={URGENCIES}
          labelOf={(v) => t(`urgency.${v}`)}
          style={{ flex: '0 1 170px', minWidth: 150 }}
        />
        <FilterSelect
          label={t('document.type')}
          placeholder={t('incoming.allTypes')}
          searchable
          value={typeCode}
          onChange={paging.filter(setTypeCode)}
          values={(types.data ?? []).map((x) => x.code as DocumentTypeCode)}
          labelOf={(code) => typeNames.get(code) ?? code}
          style={{ flex: '0 1 220px', minWidth: 180 }}
        />
      </ListFilters>
      <PagedTable<DocumentSummary>
        list={list}
        paging={paging}
        filtered={Boolean(q || range || urgency || typeCode)}
        countKey="incoming.count"
        emptyText={t('incoming.empty')}
        columns={columns}
        rowClassName={(d) => (d.urgency === 'flash' || d.urgency === 'very_urgent' ? 'vps-row-clickable vps-row-urgent' : 'vps-row-clickable')}
        onRow={(d) => ({
          onClick: (e) => {
            // The number's own link has already navigated.
            if (!(e.target as HTMLElement).closest('a')) navigate(incomingPath(d.id));
          },
        })}
      />
    </>
  );
}
