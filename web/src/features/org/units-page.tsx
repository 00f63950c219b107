import { useQueryClient } from '@tanstack/react-query';
import { Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, data } from '../../api/client';
import type { Unit } from '../../api/types';
import { useCan } from '../../app/session';
import { AddButton } from '../../components/add-button';
import { ListFilters } from '../../components/list-filters';
import { PageHeader } from '../../components/page-header';
import { PagedTable } from '../../components/paged-table';
import { actionsColumn, EditDeleteActions } from '../../components/row-actions';
import { statusColumn } from '../../components/status-tag';
import { t } from '../../i18n';
import { useDeleteMutation } from '../../lib/use-delete-mutation';
import { useFormModalState } from '../../lib/use-form-modal-state';
import { usePaging } from '../../lib/use-paging';
import { AgencySelect } from './agency-select';
import { orgKeys, useUnitList } from './org-queries';
import { UnitFormModal } from './unit-form-modal';

export function UnitsPage() {
  const can = useCan();
  const manage = can('org.manage');
  const queryClient = useQueryClient();
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const paging = usePaging();
  const list = useUnitList({ agencyId: agencyId ?? undefined, page: paging.page, pageSize: paging.pageSize });

  // Users show their unit's name: refresh them too.
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: orgKeys.units });
    void queryClient.invalidateQueries({ queryKey: orgKeys.users });
  };
  const remove = useDeleteMutation((u: Unit) => data(api.DELETE('/api/units/{id}', { params: { path: { id: u.id } } })), refresh);
  const form = useFormModalState<Unit>(refresh);

  const columns: TableColumnsType<Unit> = [
    { title: t('unit.name'), dataIndex: 'name', render: (v: string) => <Typography.Text strong className="vps-wrap">{v}</Typography.Text> },
    { title: t('unit.shortName'), dataIndex: 'shortName', width: 110, responsive: ['sm'], render: (v: string | null) => (v ? <Tag>{v}</Tag> : t('common.none')) },
    { title: t('unit.agency'), dataIndex: 'agencyName', responsive: ['md'], render: (v: string) => <span className="vps-wrap">{v}</span> },
    statusColumn(),
  ];
  if (manage) {
    columns.push(
      actionsColumn(130, (u: Unit) => (
        <EditDeleteActions onEdit={() => form.open(u)} title={t('unit.deleteConfirm', { name: u.name })} description={t('unit.deleteHint')} onConfirm={() => remove.mutateAsync(u)} />
      )),
    );
  }

  return (
    <>
      <PageHeader title={t('unit.title')} description={t('module.units.desc')} extra={manage && <AddButton onClick={form.openNew}>{t('unit.add')}</AddButton>} />
      <ListFilters>
        <AgencySelect
          aria-label={t('unit.agencyFilter')}
          placeholder={t('unit.agencyFilter')}
          value={agencyId}
          onChange={paging.filter(setAgencyId)}
          style={{ flex: '1 1 320px', maxWidth: 480 }}
        />
      </ListFilters>
      <PagedTable<Unit> list={list} paging={paging} filtered={Boolean(agencyId)} countKey="unit.count" columns={columns} />
      {form.isOpen && <UnitFormModal unit={form.subject} defaultAgencyId={agencyId ?? undefined} onClose={form.close} onSaved={form.saved} />}
    </>
  );
}
