import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { AddButton } from '../../components/add-button';
import { QueryError } from '../../components/query-error';
import { TwoLineCell } from '../../components/two-line-cell';
import { t } from '../../i18n';
import { errorMessage } from '../../lib/form-errors';
import { formatInstant } from '../../lib/format';
import { exchangeKeys, removePeer, useExchangePeers, type Peer } from './exchange-queries';
import { PeerFormModal } from './peer-form-modal';
import { PeerTokenAction } from './peer-token-action';

/**
 * Stopping a connection is asked once more: what is still waiting for those codes is no longer sent. The
 * confirmation keeps its spinning button until the server answers.
 */
function RemoveButton({ peer, onRemoved }: { peer: Peer; onRemoved: () => void }) {
  const { message } = App.useApp();
  const remove = () =>
    removePeer(peer.id).then(
      () => {
        message.success(t('exchange.peers.removed', { name: peer.name }));
        onRemoved();
      },
      (e: unknown) => {
        message.error({ content: errorMessage(e), duration: 8 });
      },
    );
  return (
    <Popconfirm
      title={t('exchange.peers.removeConfirm', { name: peer.name })}
      description={<div style={{ maxWidth: 320 }}>{t('exchange.peers.removeHint')}</div>}
      okText={t('exchange.peers.remove')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true }}
      onConfirm={remove}
    >
      <Button type="link" size="small" danger aria-label={`${t('exchange.peers.remove')}: ${peer.name}`}>
        {t('exchange.peers.remove')}
      </Button>
    </Popconfirm>
  );
}

/** "Kết nối" (administrator): the other instances documents are sent to, each serving some identifier codes. */
export function PeersTab() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const list = useExchangePeers();
  const [adding, setAdding] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: exchangeKeys.peers });

  const columns: TableColumnsType<Peer> = [
    {
      title: t('exchange.peers.name'),
      dataIndex: 'name',
      width: 260,
      render: (_, p) => <TwoLineCell strong primary={p.name} secondary={t('exchange.peers.addedAt', { time: formatInstant(p.createdAt) })} />,
    },
    { title: t('exchange.peers.url'), dataIndex: 'url', render: (v: string) => <Typography.Text className="vps-hash vps-wrap">{v}</Typography.Text> },
    {
      title: t('exchange.peers.organIds'),
      dataIndex: 'organIds',
      render: (codes: string[]) => (
        <Flex gap={4} wrap>
          {codes.map((c) => (
            <Tag key={c} className="vps-hash" style={{ marginInlineEnd: 0 }}>
              {c}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { title: t('common.actions'), key: 'actions', width: 140, render: (_, p) => <RemoveButton peer={p} onRemoved={refresh} /> },
  ];

  return (
    <>
      <Flex gap={12} wrap justify="space-between" align="start" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary" style={{ marginTop: -4, marginBottom: 0, flex: '1 1 420px', maxWidth: 760 }}>
          {t('exchange.peers.hint')}
        </Typography.Paragraph>
        <Space wrap>
          <PeerTokenAction />
          <AddButton onClick={() => setAdding(true)}>{t('exchange.peers.add')}</AddButton>
        </Space>
      </Flex>
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <Table<Peer>
        data-testid="exchange-peers-table"
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: <Empty description={t('exchange.peers.empty')} /> }}
      />
      {adding && (
        <PeerFormModal
          onClose={() => setAdding(false)}
          onSaved={(p) => {
            message.success(t('exchange.peers.added', { name: p.name }));
            setAdding(false);
            refresh();
          }}
        />
      )}
    </>
  );
}
