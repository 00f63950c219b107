import { useQueryClient } from '@tanstack/react-query';
import { Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, data } from '../../api/client';
import { AGENCY_TYPES, type Agency, type AgencyType } from '../../api/types';
import { useCan } from '../../app/session';
import { AddButton } from '../../components/add-button';
import { FilterSelect, ListFilters, SearchFilter } from '../../components/list-filters';
import { PageHeader } from '../../components/page-header';
import { PagedTable } from '../../components/paged-table';
import { actionsColumn, EditDeleteActions } from '../../components/row-actions';
import { statusColumn } from '../../components/status-tag';
import { TwoLineCell } from '../../components/two-line-cell';
import { t } from '../../i18n';
import { useDeleteMutation } from '../../lib/use-delete-mutation';
import { useFormModalState } from '../../lib/use-form-modal-state';
import { usePaging } from '../../lib/use-paging';
import { AgencyFormModal } from './agency-form-modal';
import { orgKeys, useAgencyList } from './org-queries';

export function AgenciesPage() {
  const can = useCan();
  const manage = can('org.manage');
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [type, setType] = useState<AgencyType | undefined>();
  const paging = usePaging();
  const list = useAgencyList({ q: q || undefined, type, page: paging.page, pageSize: paging.pageSize });

  const remove = useDeleteMutation(
    (a: Agency) => data(api.DELETE('/api/agencies/{id}', { params: { path: { id: a.id } } })),
    () => void queryClient.invalidateQueries({ queryKey: orgKeys.agencies }),
  );
  const form = useFormModalState<Agency>(() => {
    // Units and users show their agency's name: refresh them too.
    void queryClient.invalidateQueries({ queryKey: orgKeys.agencies });
    void queryClient.invalidateQueries({ queryKey: orgKeys.units });
    void queryClient.invalidateQueries({ queryKey: orgKeys.users });
  });

  const columns: TableColumnsType<Agency> = [
    {
      title: t('agency.name'),
      dataIndex: 'name',
      render: (_, a) => <TwoLineCell strong primary={a.name} secondary={[a.parentName && `${t('agency.parentShort')}: ${a.parentName}`, a.address].filter(Boolean).join(' · ') || null} />,
    },
    { title: t('agency.shortName'), dataIndex: 'shortName', width: 110, responsive: ['sm'], render: (s: string) => <Tag>{s}</Tag> },
    { title: t('agency.type'), dataIndex: 'type', width: 200, responsive: ['md'], render: (v: AgencyType) => t(`agencyType.${v}`) },
    { title: t('agency.identifierCode'), dataIndex: 'identifierCode', width: 150, responsive: ['lg'], render: (v: string | null) => (v ? <code>{v}</code> : t('common.none')) },
    statusColumn(),
  ];
  if (manage) {
    columns.push(
      actionsColumn(130, (a: Agency) => (
        <EditDeleteActions onEdit={() => form.open(a)} title={t('agency.deleteConfirm', { name: a.name })} description={t('agency.deleteHint')} onConfirm={() => remove.mutateAsync(a)} />
      )),
    );
  }

  return (
    <>
      <PageHeader title={t('agency.title')} description={t('module.agencies.desc')} extra={manage && <AddButton onClick={form.openNew}>{t('agency.add')}</AddButton>} />
      <ListFilters>
        <SearchFilter label={t('agency.search')} placeholder={t('agency.searchPlaceholder')} onSearch={paging.filter(setQ)} style={{ flex: '1 1 320px', maxWidth: 480 }} />
        <FilterSelect
          label={t('agency.typeFilter')}
          placeholder={t('agency.allTypes')}
          value={type}
          onChange={paging.filter(setType)}
          values={AGENCY_TYPES}
          labelOf={(v) => t(`agencyType.${v}`)}
          style={{ flex: '0 1 280px', minWidth: 220 }}
        />
      </ListFilters>
      <PagedTable<Agency> list={list} paging={paging} filtered={Boolean(q || type)} countKey="agency.count" columns={columns} />
      {form.isOpen && <AgencyFormModal agency={form.subject} onClose={form.close} onSaved={form.saved} />}
    </>
  );
}
