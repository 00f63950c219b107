import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { AddButton } from '../../components/add-button';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { actionsColumn } from '../../components/row-actions';
import { t } from '../../i18n';
import { errorMessage } from '../../lib/form-errors';
import { formatInstant } from '../../lib/format';
import { ApiTokenShownOnce, CreateApiTokenModal } from './api-token-create';
import { apiTokenKeys, apiTokenStatus, revokeApiToken, useApiTokens, type ApiToken, type ApiTokenStatus, type CreatedApiToken } from './api-token-queries';

const STATUS_COLOR: Record<ApiTokenStatus, string> = { active: 'green', expired: 'orange', revoked: 'default' };

/**
 * Revoking is asked once more: whatever system sends the token is cut off at once, for good. Like the
 * app's delete button, the confirmation keeps its spinning button until the server answers.
 */
function RevokeButton({ token, onRevoked }: { token: ApiToken; onRevoked: () => void }) {
  const { message } = App.useApp();
  const revoke = () =>
    revokeApiToken(token.id).then(
      () => {
        message.success(t('auth.tokens.revoked', { name: token.name }));
        onRevoked();
      },
      (e: unknown) => {
        message.error({ content: errorMessage(e), duration: 8 });
      },
    );
  return (
    <Popconfirm
      title={t('auth.tokens.revokeConfirm', { name: token.name })}
      description={<div style={{ maxWidth: 320 }}>{t('auth.tokens.revokeHint')}</div>}
      okText={t('auth.tokens.revoke')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true }}
      onConfirm={revoke}
    >
      <Button type="link" size="small" danger aria-label={`${t('auth.tokens.revoke')}: ${token.name}`}>
        {t('auth.tokens.revoke')}
      </Button>
    </Popconfirm>
  );
}

/**
 * "Mã truy cập API": the tokens the signed-in person made for integrations and for other agencies' exchange
 * systems, with when each was last used; a new one is shown once, an unused or leaked one is revoked here.
 */
export function ApiTokensPage() {
  const queryClient = useQueryClient();
  const list = useApiTokens();
  const [step, setStep] = useState<'closed' | 'create' | CreatedApiToken>('closed');
  const refresh = () => void queryClient.invalidateQueries({ queryKey: apiTokenKeys.mine });
  const now = Date.now();

  const columns: TableColumnsType<ApiToken> = [
    { title: t('auth.tokens.name'), dataIndex: 'name', render: (v: string) => <Typography.Text strong className="vps-wrap">{v}</Typography.Text> },
    { title: t('auth.tokens.prefix'), dataIndex: 'prefix', width: 150, render: (v: string) => <code className="vps-hash">{`${v}…`}</code> },
    { title: t('auth.tokens.createdAt'), dataIndex: 'createdAt', width: 150, responsive: ['md'], render: (v: string) => formatInstant(v) },
    {
      title: t('auth.tokens.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      width: 150,
      render: (v: string | null) => (v ? formatInstant(v) : <Typography.Text type="secondary">{t('auth.tokens.neverUsed')}</Typography.Text>),
    },
    {
      title: t('auth.tokens.expiresAt'),
      dataIndex: 'expiresAt',
      width: 150,
      responsive: ['sm'],
      render: (v: string | null) => (v ? formatInstant(v) : <Typography.Text type="secondary">{t('auth.tokens.noExpiry')}</Typography.Text>),
    },
    {
      title: t('common.status'),
      key: 'status',
      width: 130,
      render: (_, token) => {
        const status = apiTokenStatus(token, now);
        return <Tag color={STATUS_COLOR[status]}>{t(`auth.tokens.status.${status}`)}</Tag>;
      },
    },
    // An expired or revoked token opens nothing any more: there is nothing left to revoke.
    actionsColumn(100, (token: ApiToken) => (apiTokenStatus(token, now) === 'active' ? <RevokeButton token={token} onRevoked={refresh} /> : null)),
  ];

  return (
    <>
      <PageHeader title={t('module.apiTokens')} description={t('auth.tokens.description')} extra={<AddButton onClick={() => setStep('create')}>{t('auth.tokens.create')}</AddButton>} />
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <Table<ApiToken>
        data-testid="api-tokens-table"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('auth.tokens.empty')} /> }}
      />
      {step === 'create' && (
        <CreateApiTokenModal
          onClose={() => setStep('closed')}
          onCreated={(created) => {
            setStep(created);
            refresh();
          }}
        />
      )}
      {typeof step === 'object' && <ApiTokenShownOnce created={step} onClose={() => setStep('closed')} />}
    </>
  );
}
