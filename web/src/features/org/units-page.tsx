import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, data } from '../../api/client';
import type { Unit } from '../../api/types';
import { useCan } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { StatusTag } from '../../components/status-tag';
import { t } from '../../i18n';
import { errorMessage } from '../../lib/form-errors';
import { formatNumber } from '../../lib/format';
import { AgencySelect } from './agency-select';
import { orgKeys, useUnitList } from './org-queries';
import { UnitFormModal } from './unit-form-modal';

export function UnitsPage() {
  const can = useCan();
  const manage = can('org.manage');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const list = useUnitList({ agencyId: agencyId ?? undefined, page, pageSize });

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: orgKeys.units });
    void queryClient.invalidateQueries({ queryKey: orgKeys.users });
  };
  const remove = useMutation({
    mutationFn: (u: Unit) => data(api.DELETE('/api/units/{id}', { params: { path: { id: u.id } } })),
    onSuccess: () => {
      message.success(t('common.deleted'));
      refresh();
    },
    onError: (e) => message.error({ content: errorMessage(e), duration: 8 }),
  });

  const columns: TableColumnsType<Unit> = [
    { title: t('unit.name'), dataIndex: 'name', render: (v: string) => <Typography.Text strong className="vps-wrap">{v}</Typography.Text> },
    { title: t('unit.shortName'), dataIndex: 'shortName', width: 110, responsive: ['sm'], render: (v: string | null) => (v ? <Tag>{v}</Tag> : t('common.none')) },
    { title: t('unit.agency'), dataIndex: 'agencyName', responsive: ['md'], render: (v: string) => <span className="vps-wrap">{v}</span> },
    { title: t('common.status'), dataIndex: 'active', width: 140, responsive: ['sm'], render: (v: boolean) => <StatusTag active={v} /> },
  ];
  if (manage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      render: (_, u) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(u)}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('unit.deleteConfirm', { name: u.name })}
            description={t('unit.deleteHint')}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove.mutateAsync(u).catch(() => undefined)}
          >
            <Button type="link" size="small" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('unit.title')}
        description={t('module.units.desc')}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
              {t('unit.add')}
            </Button>
          )
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <AgencySelect
          aria-label={t('unit.agencyFilter')}
          placeholder={t('unit.agencyFilter')}
          value={agencyId}
          onChange={(v) => {
            setAgencyId(v);
            setPage(1);
          }}
          style={{ flex: '1 1 320px', maxWidth: 480 }}
        />
      </Flex>
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <Table<Unit>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        locale={{ emptyText: <Empty description={agencyId ? t('common.noMatch') : t('common.noData')} /> }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('unit.count', { count: formatNumber(total) }),
          onChange: (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          },
        }}
      />
      {editing && (
        <UnitFormModal
          unit={editing === 'new' ? undefined : editing}
          defaultAgencyId={agencyId ?? undefined}
          onClose={() => setEditing(null)}
          onSaved={() => {
            message.success(t('common.saved'));
            setEditing(null);
            refresh();
          }}
        />
      )}
    </>
  );
}
