import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Input, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ROLES, type Role, type User } from '../../api/types';
import { useCan } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { StatusTag } from '../../components/status-tag';
import { TwoLineCell } from '../../components/two-line-cell';
import { t } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { AgencySelect } from './agency-select';
import { orgKeys, useUserList } from './org-queries';
import { ResetPasswordModal } from './reset-password-modal';
import { UserFormModal } from './user-form-modal';
import { UserRowActions } from './user-row-actions';

type ActiveFilter = 'true' | 'false';

export function UsersPage() {
  const can = useCan();
  const manage = can('user.manage');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [role, setRole] = useState<Role | undefined>();
  const [active, setActive] = useState<ActiveFilter | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const list = useUserList({ q: q || undefined, agencyId: agencyId ?? undefined, role, active, page, pageSize });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: orgKeys.users });
  const filtered = Boolean(q || agencyId || role || active);
  const resetPage = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };

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
    { title: t('common.status'), dataIndex: 'active', width: 140, responsive: ['sm'], render: (v: boolean) => <StatusTag active={v} /> },
  ];
  if (manage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, u) => <UserRowActions user={u} onEdit={() => setEditing(u)} onResetPassword={() => setResetting(u)} onChanged={refresh} />,
    });
  }

  return (
    <>
      <PageHeader
        title={t('user.title')}
        description={manage ? t('module.users.desc') : t('user.readOnlyScope')}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
              {t('user.add')}
            </Button>
          )
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('user.search')}
          placeholder={t('user.searchPlaceholder')}
          allowClear
          enterButton
          onSearch={(v) => resetPage(setQ)(v.trim())}
          style={{ flex: '1 1 280px', maxWidth: 400 }}
        />
        <AgencySelect aria-label={t('user.agencyFilter')} placeholder={t('user.agencyFilter')} value={agencyId} onChange={resetPage(setAgencyId)} style={{ flex: '1 1 260px', maxWidth: 360 }} />
        <Select
          aria-label={t('user.roleFilter')}
          placeholder={t('user.allRoles')}
          allowClear
          value={role}
          onChange={resetPage(setRole)}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          style={{ flex: '0 1 220px', minWidth: 180 }}
        />
        <Select
          aria-label={t('user.activeFilter')}
          placeholder={t('user.allStatuses')}
          allowClear
          value={active}
          onChange={resetPage(setActive)}
          options={[
            { value: 'true', label: t('common.active') },
            { value: 'false', label: t('common.inactive') },
          ]}
          style={{ flex: '0 1 180px', minWidth: 160 }}
        />
      </Flex>
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        locale={{ emptyText: <Empty description={filtered ? t('common.noMatch') : t('common.noData')} /> }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('user.count', { count: formatNumber(total) }),
          onChange: (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          },
        }}
      />
      {editing && (
        <UserFormModal
          user={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            message.success(t('common.saved'));
            setEditing(null);
            refresh();
          }}
        />
      )}
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
