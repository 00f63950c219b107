import { Checkbox, DatePicker, Flex, Input, Segmented, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { api, data } from '../../api/client';
import { URGENCIES, type DocumentTypeCode, type Ok, type Query, type Urgency } from '../../api/types';
import { FilterSelect, ListFilters } from '../../components/list-filters';
import { PageHeader } from '../../components/page-header';
import { PagedTable } from '../../components/paged-table';
import { t } from '../../i18n';
import { DATE_FORMAT, dayjs, formatDay, formatInstant, toIsoDate } from '../../lib/format';
import { usePaging } from '../../lib/use-paging';
import { ConfidentialityTag, DueDate, UrgencyTag } from '../documents/document-display';
import { incomingPath, useDocumentTypes } from '../documents/document-queries';
import { AnyStatusTag } from '../outgoing/outgoing-display';
import { outgoingPath } from '../outgoing/outgoing-views';

type SearchQuery = Query<'searchDocuments'>;
type Hit = Ok<'searchDocuments'>['items'][number];
type Direction = NonNullable<SearchQuery['direction']>;
type Sort = NonNullable<SearchQuery['sort']>;

const SORTS: Sort[] = ['newest', 'oldest', 'due'];
const pathOf = (d: Hit) => (d.direction === 'outgoing' ? outgoingPath(d.id) : incomingPath(d.id));

function columns(from: string): TableColumnsType<Hit> {
  return [
    {
      title: t('document.numberNotationShort'),
      dataIndex: 'numberNotation',
      width: 150,
      render: (v: string | null, d) => (
        <div className="vps-wrap">
          {v ? <strong>{v}</strong> : <Typography.Text type="secondary">{t('outgoing.noNumber')}</Typography.Text>}
          {d.arrivalNumber !== null && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('search.arrival', { number: d.arrivalNumber, year: d.arrivalYear ?? '' })}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    {
      // The date the search's period filters on: received for incoming, issued for outgoing.
      title: t('search.date'),
      key: 'date',
      width: 116,
      render: (_, d) => (
        <>
          <div style={{ whiteSpace: 'nowrap' }}>{d.direction === 'incoming' ? formatInstant(d.receivedAt, DATE_FORMAT) : formatDay(d.issuedDate)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(d.direction === 'incoming' ? 'search.date.received' : 'search.date.issued')}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('document.subject'),
      dataIndex: 'subject',
      render: (_, d) => (
        <div className="vps-wrap">
          <Flex gap={4} wrap align="center">
            <Tag color={d.direction === 'incoming' ? 'geekblue' : 'magenta'} style={{ marginInlineEnd: 0 }}>
              {t(`search.direction.${d.direction}`)}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {d.typeName}
            </Typography.Text>
            {d.urgency !== 'normal' && <UrgencyTag urgency={d.urgency} />}
            <ConfidentialityTag confidentiality={d.confidentiality} />
            {d.matchedInContent && (
              <Tag color="gold" variant="outlined" data-testid="matched-in-content">
                {t('search.matchedInContent')}
              </Tag>
            )}
          </Flex>
          <Link to={pathOf(d)} state={{ from }}>
            {d.subject}
          </Link>
        </div>
      ),
    },
    { title: t('search.sender'), dataIndex: 'senderName', width: 190, responsive: ['md'], render: (v: string) => <span className="vps-wrap">{v}</span> },
    { title: t('document.dueDate'), dataIndex: 'dueDate', width: 108, responsive: ['xl'], render: (v: string | null, d) => (d.direction === 'incoming' ? <DueDate date={v} /> : null) },
    { title: t('document.status'), dataIndex: 'status', width: 150, render: (v: string, d) => <AnyStatusTag direction={d.direction} status={v} /> },
  ];
}

/** The filters live in the address: Back from a document returns to the same results, and a search can be shared. */
function useSearchState() {
  const [params, setParams] = useSearchParams();
  const query: Omit<SearchQuery, 'page' | 'pageSize'> = {
    q: params.get('q') || undefined,
    direction: (params.get('chieu') as Direction | null) ?? undefined,
    from: params.get('tu') ?? undefined,
    to: params.get('den') ?? undefined,
    typeCode: (params.get('loai') as DocumentTypeCode | null) ?? undefined,
    urgency: (params.get('khan') as Urgency | null) ?? undefined,
    overdue: params.get('quahan') === '1' ? 'true' : undefined,
    sort: (params.get('sx') as Sort | null) ?? undefined,
  };
  const set = (changes: Record<string, string | undefined>) =>
    setParams(
      (p) => {
        for (const [k, v] of Object.entries(changes)) {
          if (v) p.set(k, v);
          else p.delete(k);
        }
        return p;
      },
      { replace: true },
    );
  return { query, set, key: params.toString() };
}

function Results({ query, from }: { query: Omit<SearchQuery, 'page' | 'pageSize'>; from: string }) {
  const navigate = useNavigate();
  const paging = usePaging();
  const list = useQuery({
    queryKey: ['documents', 'search', query, paging.page, paging.pageSize],
    queryFn: () => data(api.GET('/api/documents/search', { params: { query: { ...query, page: paging.page, pageSize: paging.pageSize } } })),
    placeholderData: keepPreviousData,
  });
  const filtered = Object.values(query).some(Boolean);
  return (
    <PagedTable<Hit>
      list={list}
      paging={paging}
      filtered={filtered}
      // A broad search is not counted to the end: "hơn 500 kết quả".
      countKey={list.data?.totalCapped ? 'search.countCapped' : 'search.count'}
      emptyText={t('search.empty')}
      columns={columns(from)}
      rowClassName={() => 'vps-row-clickable'}
      onRow={(d) => ({
        onClick: (e) => {
          if (!(e.target as HTMLElement).closest('a')) navigate(pathOf(d), { state: { from } });
        },
      })}
    />
  );
}

/** "Tra cứu văn bản": every incoming and outgoing document the person may see, by words and filters. */
export function SearchPage() {
  const { pathname, search } = useLocation();
  const types = useDocumentTypes();
  const { query, set, key } = useSearchState();
  // The box follows the address (Back, a shared link) and keeps what is being typed until Enter.
  const [text, setText] = useState(query.q ?? '');
  useEffect(() => setText(query.q ?? ''), [query.q]);
  const typeNames = new Map((types.data ?? []).map((x) => [x.code, x.name]));

  return (
    <>
      <PageHeader title={t('search.title')} description={t('search.description')} />
      <Flex gap={12} wrap align="center">
        <Input.Search
          aria-label={t('search.query')}
          placeholder={t('search.placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          allowClear
          enterButton={t('search.submit')}
          size="large"
          autoFocus
          onSearch={(v) => set({ q: v.trim() || undefined })}
          style={{ flex: '1 1 480px', maxWidth: 760 }}
        />
        <Select<Sort>
          aria-label={t('search.sort')}
          size="large"
          value={query.sort ?? 'newest'}
          onChange={(v) => set({ sx: v === 'newest' ? undefined : v })}
          options={SORTS.map((s) => ({ value: s, label: t(`search.sort.${s}`) }))}
          style={{ flex: '0 0 210px' }}
        />
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '6px 0 16px' }}>
        {t('search.hint')}
      </Typography.Paragraph>
      <ListFilters>
        <Segmented<Direction | 'all'>
          aria-label={t('search.direction')}
          value={query.direction ?? 'all'}
          onChange={(v) => set({ chieu: v === 'all' ? undefined : v, quahan: v === 'outgoing' ? undefined : query.overdue && '1' })}
          options={[
            { value: 'all', label: t('search.direction.all') },
            { value: 'incoming', label: t('search.direction.incomingLong') },
            { value: 'outgoing', label: t('search.direction.outgoingLong') },
          ]}
        />
        <DatePicker.RangePicker
          aria-label={t('search.period')}
          format={DATE_FORMAT}
          value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
          onChange={(r) => set({ tu: r?.[0] ? toIsoDate(r[0]) : undefined, den: r?.[1] ? toIsoDate(r[1]) : undefined })}
          placeholder={[t('search.from'), t('search.to')]}
          allowEmpty={[true, true]}
          style={{ flex: '0 1 260px' }}
        />
        <FilterSelect
          label={t('document.type')}
          placeholder={t('incoming.allTypes')}
          searchable
          value={query.typeCode}
          onChange={(v) => set({ loai: v })}
          values={(types.data ?? []).map((x) => x.code as DocumentTypeCode)}
          labelOf={(code) => typeNames.get(code) ?? code}
          style={{ flex: '0 1 200px', minWidth: 170 }}
        />
        <FilterSelect
          label={t('document.urgency')}
          placeholder={t('incoming.allUrgencies')}
          value={query.urgency}
          onChange={(v) => set({ khan: v })}
          values={URGENCIES}
          labelOf={(v) => t(`urgency.${v}`)}
          style={{ flex: '0 1 150px', minWidth: 140 }}
        />
        <Checkbox checked={query.overdue === 'true'} disabled={query.direction === 'outgoing'} onChange={(e) => set({ quahan: e.target.checked ? '1' : undefined })} style={{ alignSelf: 'center' }}>
          {t('search.overdue')}
        </Checkbox>
      </ListFilters>
      {/* New filters start again on the first page. */}
      <Results key={key} query={query} from={pathname + search} />
    </>
  );
}
