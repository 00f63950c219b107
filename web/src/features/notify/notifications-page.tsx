import { App, Button, Card, Checkbox, Flex, List, Typography } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { t } from '../../i18n';
import { errorMessage } from '../../lib/form-errors';
import { NotificationItem } from './notification-item';
import { useMarkAllRead, useNotifications } from './notify-queries';
import { useOpenNotification } from './use-open-notification';

const PAGE_SIZE = 20;

/** All of the person's notifications, newest first, a page at a time. */
export function NotificationsPage() {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications({ page, pageSize: PAGE_SIZE, unreadOnly: unreadOnly ? 'true' : 'false' });
  const markAll = useMarkAllRead();
  const openNotification = useOpenNotification();
  const unread = list.data?.unread ?? 0;
  return (
    <>
      <PageHeader
        title={t('notify.title')}
        description={t('notify.description')}
        extra={
          <Button
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate(undefined, { onSuccess: (r) => void message.success(t('notify.markedAllRead', { count: r.updated })), onError: (e) => void message.error(errorMessage(e)) })}
          >
            {t('notify.markAllRead')}
          </Button>
        }
      />
      <Card size="small">
        <Flex gap={16} align="center" style={{ marginBottom: 8 }}>
          <Checkbox
            checked={unreadOnly}
            onChange={(e) => {
              setUnreadOnly(e.target.checked);
              setPage(1);
            }}
          >
            {t('notify.unreadOnly')}
          </Checkbox>
          <Typography.Text type="secondary">
            {t('notify.count', { count: list.data?.total ?? 0 })} · {t('notify.unread', { count: unread })}
          </Typography.Text>
        </Flex>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <List
            loading={list.isPending}
            locale={{ emptyText: t('notify.empty') }}
            dataSource={list.data?.items ?? []}
            pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
            renderItem={(n) => (
              <List.Item key={n.id} className="vps-row-clickable" style={{ paddingInline: 8, background: n.readAt ? undefined : '#f0f7ff' }} onClick={() => void openNotification(n)}>
                <NotificationItem n={n} />
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}
