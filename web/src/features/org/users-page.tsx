import { useQueryClient } from '@tanstack/react-query';
import { App, Flex, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ROLES, type Role, type User } from '../../api/types';
import { useCan } from '../../app/session';
import { AddButton } from '../../components/add-button';
import { FilterSelect, ListFilters, SearchFilter } from '../../components/list-filters';
import { PageHeader } from '../../components/page-header';
import { PagedTable } from '../../components/paged-table';
import { actionsColumn } from '../../components/row-actions';
import { statusColumn } from '../../components/status-tag';
import { TwoLineCell } from '../../components/two-line-cell';
import { t } from '../../i18n';
import { useFormModalState } from '../../lib/use-form-modal-state';
import { usePaging } from '../../lib/use-paging';
import { AgencySelect } from './agency-select';
import { orgKeys, useUserList } from './org-queries';
import { ResetPasswordModal } from './reset-password-modal';
import { UserFormModal } from './user-form-modal';
import { UserRowActions } from './user-row-actions';

// The API filters on the strings "true"/"false"; a cleared select means either.
const ACTIVE_FILTERS = ['true', 'false'] as const;
type ActiveFilter = (typeof ACTIVE_FILTERS)[number];

export function UsersPage() {
  const can = useCan();
  const manage = can('user.manage');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [role, setRole] = useState<Role | undefined>();
  const [active, setActive] = useState<ActiveFilter | undefined>();
  const paging = usePaging();
  const [resetting, setResetting] = useState<User | null>(null);
  const list = useUserList({ q: q || undefined, agencyId: agencyId ?? undefined, role, active, page: paging.page, pageSize: paging.pageSize });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: orgKeys.users });
  const form = useFormModalState<User>(refresh);

  const columns: TableColumnsType<User> = [
    {
      title: t('user.fullName'),
      dataIndex: 'fullName',
      render: (_, u) => <TwoLineCell strong primary={u.fullName} secondary={u.username} />,
    },
    {
      title: t('user.unit'),
      dataIndex: 'unitName',
      responsive: ['md'],
      render: (_, u) => <TwoLineCell primary={u.unitName} secondary={u.agencyName} />,
    },
    { title: t('user.position'), dataIndex: 'positionName', responsive: ['lg'], render: (v: string | null) => v ?? t('common.none') },
    {
      title: t('user.roles'),
      dataIndex: 'roles',
      responsive: ['sm'],
      render: (roles: Role[]) => (
        <Flex gap={4} wrap>
          {roles.map((r) => (
            <Tag key={r} color={r === 'admin' ? 'red' : 'blue'}>
              {t(`role.${r}`)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    statusColumn(),
  ];
  if (manage) {
    columns.push(actionsColumn(110, (u: User) => <UserRowActions user={u} onEdit={() => form.open(u)} onResetPassword={() => setResetting(u)} onChanged={refresh} />));
  }

  return (
    <>
      <PageHeader
        title={t('user.title')}
        description={manage ? t('module.users.desc') : t('user.readOnlyScope')}
        extra={manage && <AddButton onClick={form.openNew}>{t('user.add')}</AddButton>}
      />
      <ListFilters>
        <SearchFilter label={t('user.search')} placeholder={t('user.searchPlaceholder')} onSearch={paging.filter(setQ)} style={{ flex: '1 1 280px', maxWidth: 400 }} />
        <AgencySelect aria-label={t('user.agencyFilter')} placeholder={t('user.agencyFilter')} value={agencyId} onChange={paging.filter(setAgencyId)} style={{ flex: '1 1 260px', maxWidth: 360 }} />
        <FilterSelect
          label={t('user.roleFilter')}
          placeholder={t('user.allRoles')}
          value={role}
          onChange={paging.filter(setRole)}
          values={ROLES}
          labelOf={(r) => t(`role.${r}`)}
          style={{ flex: '0 1 220px', minWidth: 180 }}
        />
        <FilterSelect
          label={t('user.activeFilter')}
          placeholder={t('user.allStatuses')}
          value={active}
          onChange={paging.filter(setActive)}
          values={ACTIVE_FILTERS}
          labelOf={(v) => t(v === 'true' ? 'common.active' : 'common.inactive')}
          style={{ flex: '0 1 180px', minWidth: 160 }}
        />
      </ListFilters>
      <PagedTable<User> list={list} paging={paging} filtered={Boolean(q || agencyId || role || active)} countKey="user.count" columns={columns} />
      {form.isOpen && <UserFormModal user={form.subject} onClose={form.close} onSaved={form.saved} />}
      {resetting && (
        <ResetPasswordModal
          user={resetting}
          onClose={() => setResetting(null)}
          onDone={() => {
            message.success(t('user.passwordReset', { name: resetting.fullName }));
            setResetting(null);
          }}
        />
      )}
    </>
  );
}
