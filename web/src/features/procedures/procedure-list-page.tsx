import { DownloadOutlined, GlobalOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Dropdown, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCan, useCurrentUser } from '../../app/session';
import { FilterSelect, ListFilters, SearchFilter } from '../../components/list-filters';
import { PageHeader } from '../../components/page-header';
import { PagedTable } from '../../components/paged-table';
import { t } from '../../i18n';
import { formatMoney, formatLimit, levelLabel, OnlineTag, onlineLabel } from './procedure-display';
import { ProcedureFormModal } from './procedure-form-modal';
import { ProcedureImportModal } from './procedure-import-modal';
import { EXPORT_URL, IMPORT_TEMPLATE_URL, LEVELS, publicCatalogPath, ONLINE_SERVICES, procedurePath, useDepartments, useProcedureFields, useProcedureList, type Level, type OnlineService, type ProcedureSummary } from './procedure-queries';
import { usePaging } from '../../lib/use-paging';

const columns: TableColumnsType<ProcedureSummary> = [
  { title: t('procedures.code'), dataIndex: 'code', width: 130, render: (c: string) => <span style={{ whiteSpace: 'nowrap' }}>{c}</span> },
  {
    title: t('procedures.name'),
    key: 'name',
    render: (_, p) => (
      <div className="vps-wrap">
        <Link to={procedurePath(p.id)} style={{ fontWeight: 600 }}>
          {p.name}
        </Link>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {p.field} · {levelLabel(p.level)}
            {!p.active && ` · ${t('procedures.inactive')}`}
          </Typography.Text>
        </div>
      </div>
    ),
  },
  { title: t('procedures.competentAgency'), dataIndex: 'competentAgencyName', width: 200, responsive: ['lg'] },
  { title: t('procedures.timeLimit'), key: 'limit', width: 150, render: (_, p) => formatLimit(p.timeLimit, p.timeUnit) },
  { title: t('procedures.fees'), dataIndex: 'feeTotal', width: 120, align: 'right', responsive: ['md'], render: (n: number) => formatMoney(n) },
  { title: t('procedures.onlineService'), dataIndex: 'onlineService', width: 120, responsive: ['md'], render: (o: OnlineService) => <OnlineTag kind={o} /> },
];

type ActiveFilter = 'true' | 'false' | 'all';

/** The catalog for officers: search (with or without accents), filters, and for administrators the upkeep. */
export function ProcedureListPage() {
  const can = useCan();
  const manage = can('procedure.manage');
  const user = useCurrentUser();
  const navigate = useNavigate();
  const paging = usePaging();
  const [q, setQ] = useState('');
  const [level, setLevel] = useState<Level | undefined>();
  const [field, setField] = useState<string | undefined>();
  const [agencyId, setAgencyId] = useState<string | undefined>();
  const [online, setOnline] = useState<OnlineService | undefined>();
  const [active, setActive] = useState<ActiveFilter | undefined>();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const fields = useProcedureFields();
  const departments = useDepartments();
  const list = useProcedureList({ q: q || undefined, level, field, agencyId, onlineService: online, active: active ?? 'true', page: paging.page, pageSize: paging.pageSize });
  const agencyNames = new Map((departments.data?.items ?? []).map((a) => [a.id, a.name]));
  return (
    <>
      <PageHeader
        title={t('procedures.title')}
        description={t('procedures.description')}
        extra={
          <>
            <Button icon={<GlobalOutlined aria-hidden />} href={publicCatalogPath(user.tenant.code)} target="_blank">
              {t('procedures.publicPage')}
            </Button>
            {manage && (
              <>
                <Dropdown
                  menu={{
                    items: [
                      { key: 'xlsx', label: <a href={EXPORT_URL('xlsx')}>{t('procedures.exportXlsx')}</a> },
                      { key: 'csv', label: <a href={EXPORT_URL('csv')}>{t('procedures.exportCsv')}</a> },
                      { key: 'template', label: <a href={IMPORT_TEMPLATE_URL}>{t('procedures.template')}</a> },
                    ],
                  }}
                >
                  <Button icon={<DownloadOutlined aria-hidden />}>{t('procedures.export')}</Button>
                </Dropdown>
                <Button icon={<UploadOutlined aria-hidden />} onClick={() => setImporting(true)}>
                  {t('procedures.import')}
                </Button>
                <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
                  {t('procedures.create')}
                </Button>
              </>
            )}
          </>
        }
      />
      <ListFilters>
        <SearchFilter label={t('procedures.search')} placeholder={t('procedures.searchPlaceholder')} onSearch={paging.filter(setQ)} style={{ flex: '1 1 320px', maxWidth: 520 }} />
        <FilterSelect label={t('procedures.level')} placeholder={t('procedures.allLevels')} value={level} onChange={paging.filter(setLevel)} values={LEVELS} labelOf={levelLabel} style={{ width: 150 }} />
        <FilterSelect label={t('procedures.field')} placeholder={t('procedures.allFields')} value={field} onChange={paging.filter(setField)} values={(fields.data?.items ?? []).map((f) => f.field)} labelOf={(f) => f} searchable style={{ width: 260 }} />
        <FilterSelect label={t('procedures.competentAgency')} placeholder={t('procedures.allAgencies')} value={agencyId} onChange={paging.filter(setAgencyId)} values={[...agencyNames.keys()]} labelOf={(id) => agencyNames.get(id) ?? id} searchable style={{ width: 260 }} />
        <FilterSelect label={t('procedures.onlineService')} placeholder={t('procedures.allOnline')} value={online} onChange={paging.filter(setOnline)} values={ONLINE_SERVICES} labelOf={onlineLabel} style={{ width: 170 }} />
        {manage && (
          <FilterSelect<ActiveFilter> label={t('procedures.status')} placeholder={t('procedures.activeOnly')} value={active} onChange={paging.filter(setActive)} values={['false', 'all']} labelOf={(a) => t(a === 'false' ? 'procedures.inactiveOnly' : 'procedures.allStatuses')} style={{ width: 170 }} />
        )}
      </ListFilters>
      <PagedTable<ProcedureSummary>
        list={list}
        paging={paging}
        filtered={Boolean(q || level || field || agencyId || online || active)}
        countKey="procedures.count"
        emptyText={t('procedures.empty')}
        columns={columns}
        rowClassName={() => 'vps-row-clickable'}
        onRow={(p) => ({
          onClick: (e) => {
            if (!(e.target as HTMLElement).closest('a')) navigate(procedurePath(p.id));
          },
        })}
      />
      {creating && <ProcedureFormModal onClose={() => setCreating(false)} onSaved={(p) => navigate(procedurePath(p.id))} />}
      {importing && <ProcedureImportModal onClose={() => setImporting(false)} />}
    </>
  );
}
