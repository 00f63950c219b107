import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../app/session';
import { FilterSelect, ListFilters, SearchFilter } from '../../components/list-filters';
import { PageHeader } from '../../components/page-header';
import { PagedTable } from '../../components/paged-table';
import { t } from '../../i18n';
import { formatDay } from '../../lib/format';
import { usePaging } from '../../lib/use-paging';
import { DelegationFormModal } from './delegation-modals';
import { delegationPath } from './delegation-paths';
import { DELEGATION_KINDS, STATE_COLOR, useDelegationList, type DelegationKind, type DelegationSummary } from './delegation-queries';

const dates = (d: Pick<DelegationSummary, 'arrivesOn' | 'departsOn'>) => (d.arrivesOn === d.departsOn ? formatDay(d.arrivesOn) : `${formatDay(d.arrivesOn)} – ${formatDay(d.departsOn)}`);

const columns: TableColumnsType<DelegationSummary> = [
  { title: t('delegation.dates'), key: 'dates', width: 190, render: (_, d) => <span style={{ whiteSpace: 'nowrap' }}>{dates(d)}</span> },
  {
    title: t('delegation.name'),
    key: 'name',
    render: (_, d) => (
      <div className="vps-wrap">
        <Link to={delegationPath(d.id)} style={{ fontWeight: 600 }}>
          {d.name}
        </Link>
        <div>
          <Tag>{t(`delegation.kind.${d.kind}`)}</Tag>
          <Tag color={STATE_COLOR[d.state]}>{t(`delegation.state.${d.state}`)}</Tag>
        </div>
      </div>
    ),
  },
  { title: t('delegation.head'), dataIndex: 'headName', width: 200, responsive: ['md'] },
  { title: t('delegation.receivingLeader'), dataIndex: 'receivingLeaderName', width: 170, responsive: ['lg'] },
  { title: t('delegation.hostAgency'), dataIndex: 'hostAgencyName', width: 220, responsive: ['lg'] },
];

/** Delegations received by the province, by period, kind and words. */
export function DelegationListPage() {
  const can = useCan();
  const navigate = useNavigate();
  const paging = usePaging();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<DelegationKind | undefined>();
  const [period, setPeriod] = useState<[string, string] | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useDelegationList({ q: q || undefined, kind, from: period?.[0], to: period?.[1], page: paging.page, pageSize: paging.pageSize });
  return (
    <>
      <PageHeader
        title={t('delegation.title')}
        description={t('delegation.description')}
        extra={
          can('meeting.manage') && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('delegation.create')}
            </Button>
          )
        }
      />
      <ListFilters>
        <SearchFilter label={t('delegation.search')} placeholder={t('delegation.searchPlaceholder')} onSearch={paging.filter(setQ)} style={{ flex: '1 1 260px', maxWidth: 380 }} />
        <FilterSelect<DelegationKind> label={t('delegation.kind')} placeholder={t('delegation.allKinds')} value={kind} onChange={paging.filter(setKind)} values={DELEGATION_KINDS} labelOf={(k) => t(`delegation.kind.${k}`)} style={{ width: 220 }} />
        <DatePicker.RangePicker format="DD/MM/YYYY" aria-label={t('delegation.period')} onChange={paging.filter((v) => setPeriod(v?.[0] && v[1] ? [v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')] : null))} />
      </ListFilters>
      <PagedTable list={list} paging={paging} filtered={Boolean(q || kind || period)} countKey="delegation.count" columns={columns} emptyText={t('delegation.empty')} />
      {creating && (
        <DelegationFormModal
          onCancel={() => setCreating(false)}
          onDone={(d) => {
            setCreating(false);
            navigate(delegationPath(d.id));
          }}
        />
      )}
    </>
  );
}
