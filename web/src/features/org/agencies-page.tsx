import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Input, Popconfirm, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, data } from '../../api/client';
import { AGENCY_TYPES, type Agency, type AgencyType } from '../../api/types';
import { useCan } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { StatusTag } from '../../components/status-tag';
import { TwoLineCell } from '../../components/two-line-cell';
import { t } from '../../i18n';
import { errorMessage } from '../../lib/form-errors';
import { formatNumber } from '../../lib/format';
import { AgencyFormModal } from './agency-form-modal';
import { orgKeys, useAgencyList } from './org-queries';

export function AgenciesPage() {
  const can = useCan();
  const manage = can('org.manage');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [type, setType] = useState<AgencyType | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<Agency | 'new' | null>(null);
  const list = useAgencyList({ q: q || undefined, type, page, pageSize });

  const remove = useMutation({
    mutationFn: (a: Agency) => data(api.DELETE('/api/agencies/{id}', { params: { path: { id: a.id } } })),
    onSuccess: () => {
      message.success(t('common.deleted'));
      void queryClient.invalidateQueries({ queryKey: orgKeys.agencies });
    },
    onError: (e) => message.error({ content: errorMessage(e), duration: 8 }),
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
    { title: t('common.status'), dataIndex: 'active', width: 140, responsive: ['sm'], render: (v: boolean) => <StatusTag active={v} /> },
  ];
  if (manage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      render: (_, a) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(a)}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('agency.deleteConfirm', { name: a.name })}
            description={t('agency.deleteHint')}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove.mutateAsync(a).catch(() => undefined)}
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
        title={t('agency.title')}
        description={t('module.agencies.desc')}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
              {t('agency.add')}
            </Button>
          )
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('agency.search')}
          placeholder={t('agency.searchPlaceholder')}
          allowClear
          enterButton
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ flex: '1 1 320px', maxWidth: 480 }}
        />
        <Select
          aria-label={t('agency.typeFilter')}
          placeholder={t('agency.allTypes')}
          allowClear
          value={type}
          onChange={(v: AgencyType | undefined) => {
            setType(v);
            setPage(1);
          }}
          options={AGENCY_TYPES.map((v) => ({ value: v, label: t(`agencyType.${v}`) }))}
          style={{ flex: '0 1 280px', minWidth: 220 }}
        />
      </Flex>
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <Table<Agency>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        locale={{ emptyText: <Empty description={q || type ? t('common.noMatch') : t('common.noData')} /> }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('agency.count', { count: formatNumber(total) }),
          onChange: (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          },
        }}
      />
      {editing && (
        <AgencyFormModal
          agency={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            message.success(t('common.saved'));
            setEditing(null);
            // Units and users show their agency's name: refresh them too.
            void queryClient.invalidateQueries({ queryKey: orgKeys.agencies });
            void queryClient.invalidateQueries({ queryKey: orgKeys.units });
            void queryClient.invalidateQueries({ queryKey: orgKeys.users });
          }}
        />
      )}
    </>
  );
}
