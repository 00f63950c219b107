import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Empty, Flex, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { t } from '../../i18n';
import { errorMessage } from '../../lib/form-errors';
import { NotificationItem } from './notification-item';
import { NOTIFICATIONS_PATH, useMarkAllRead, useNotifications } from './notify-queries';
import { useOpenNotification } from './use-open-notification';

/** The bell in the header: the unread count (asked every minute), the latest notifications on a click. */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const { message } = App.useApp();
  const latest = useNotifications({ page: 1, pageSize: 8 }, { poll: true });
  const markAll = useMarkAllRead();
  const openNotification = useOpenNotification();
  const unread = latest.data?.unread ?? 0;
  const items = latest.data?.items ?? [];

  const content = (
    <div style={{ width: 380, maxWidth: 'calc(100vw - 32px)' }} data-testid="notification-panel">
      <Flex justify="space-between" align="center" style={{ marginBottom: 4 }}>
        <Typography.Text strong>{t('notify.title')}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() =>
            markAll.mutate(undefined, {
              onSuccess: (r) => void message.success(t('notify.markedAllRead', { count: r.updated })),
              onError: (e) => void message.error(errorMessage(e)),
            })
          }
        >
          {t('notify.markAllRead')}
        </Button>
      </Flex>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notify.empty')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          style={{ maxHeight: 420, overflowY: 'auto' }}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              className="vps-row-clickable"
              style={{ paddingInline: 4, background: n.readAt ? undefined : '#f0f7ff' }}
              onClick={() => {
                setOpen(false);
                void openNotification(n);
              }}
            >
              <NotificationItem n={n} compact />
            </List.Item>
          )}
        />
      )}
      <div style={{ textAlign: 'center', borderTop: '1px solid #f0f0f0', paddingTop: 8, marginTop: 4 }}>
        <Link to={NOTIFICATIONS_PATH} onClick={() => setOpen(false)}>
          {t('notify.viewAll')}
        </Link>
      </div>
    </div>
  );

  return (
    <Popover content={content} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} arrow={false}>
      <Button type="text" aria-label={t('notify.bell', { count: unread })} data-testid="notification-bell" style={{ paddingInline: 8 }}>
        <Badge count={unread} size="small" overflowCount={99} data-testid="notification-count">
          <BellOutlined style={{ fontSize: 18 }} aria-hidden />
        </Badge>
      </Button>
    </Popover>
  );
}
