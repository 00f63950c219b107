import { useQueryClient } from '@tanstack/react-query';
import { App, Empty, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, data } from '../../api/client';
import { AddButton } from '../../components/add-button';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { actionsColumn, ConfirmDeleteButton } from '../../components/row-actions';
import { t } from '../../i18n';
import { DATE_FORMAT, formatInstant } from '../../lib/format';
import { useDeleteMutation } from '../../lib/use-delete-mutation';
import { signingKeys, useTrustAnchors, type TrustAnchor } from './signing-queries';
import { TrustAnchorFormModal } from './trust-anchor-form-modal';

const KIND_COLOR: Record<TrustAnchor['kind'], string> = { root: 'green', intermediate: 'blue', crl: 'orange' };

/** "Kho tin cậy": the CAs whose signatures the province accepts, and their revocation lists (administrators). */
export function TrustAnchorsPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const list = useTrustAnchors();
  const [adding, setAdding] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: signingKeys.trustAnchors });
  const remove = useDeleteMutation((a: TrustAnchor) => data(api.DELETE('/api/signing/trust-anchors/{id}', { params: { path: { id: a.id } } })), refresh);
  const now = new Date().toISOString();

  const columns: TableColumnsType<TrustAnchor> = [
    { title: t('signing.trust.kind'), dataIndex: 'kind', width: 170, render: (k: TrustAnchor['kind']) => <Tag color={KIND_COLOR[k]}>{t(`signing.trust.kind.${k}`)}</Tag> },
    { title: t('signing.trust.name'), dataIndex: 'name', render: (v: string) => <Typography.Text strong className="vps-wrap">{v}</Typography.Text> },
    {
      title: t('signing.trust.validUntil'),
      dataIndex: 'validUntil',
      width: 190,
      render: (v: string | null) =>
        v ? (
          <>
            {formatInstant(v, DATE_FORMAT)}
            {v < now && (
              <Tag color="error" style={{ marginInlineStart: 6 }}>
                {t('signing.cert.expired')}
              </Tag>
            )}
          </>
        ) : (
          t('common.none')
        ),
    },
    {
      title: t('signing.trust.sha256'),
      dataIndex: 'sha256',
      responsive: ['lg'],
      render: (v: string) => (
        <Typography.Text className="vps-hash" copyable={{ text: v }} title={v}>
          {`${v.slice(0, 16)}…`}
        </Typography.Text>
      ),
    },
    { title: t('signing.trust.addedAt'), dataIndex: 'createdAt', width: 150, responsive: ['md'], render: (v: string) => formatInstant(v) },
    actionsColumn(90, (a: TrustAnchor) => (
      <ConfirmDeleteButton title={t('signing.trust.removeConfirm', { name: a.name })} description={t('signing.trust.removeHint')} onConfirm={() => remove.mutateAsync(a)} />
    )),
  ];

  return (
    <>
      <PageHeader title={t('signing.page.trust')} description={t('signing.trust.description')} extra={<AddButton onClick={() => setAdding(true)}>{t('signing.trust.add')}</AddButton>} />
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <Table<TrustAnchor>
        data-testid="trust-table"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('signing.trust.empty')} /> }}
      />
      {adding && (
        <TrustAnchorFormModal
          onClose={() => setAdding(false)}
          onSaved={(a) => {
            message.success(t('signing.trust.added', { name: a.name }));
            setAdding(false);
            refresh();
          }}
        />
      )}
    </>
  );
}
