import { AlertOutlined, BellOutlined, ClockCircleOutlined, ExclamationCircleOutlined, NotificationOutlined, PlusCircleOutlined } from '@ant-design/icons';
import { Badge, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { tMaybe } from '../../i18n';
import { formatInstant } from '../../lib/format';
import type { Notification } from './notify-queries';

// Urgency by colour, as on the task timeline: overdue and escalation red, due soon orange, urging blue.
const KIND_ICON: Record<string, ReactNode> = {
  'task.due_soon': <ClockCircleOutlined style={{ color: '#fa8c16' }} />,
  'task.overdue': <ExclamationCircleOutlined style={{ color: '#cf1322' }} />,
  'task.escalated': <AlertOutlined style={{ color: '#cf1322' }} />,
  'task.urged': <NotificationOutlined style={{ color: '#1677ff' }} />,
  'task.assigned': <PlusCircleOutlined style={{ color: '#52c41a' }} />,
};

/** One notification: its kind, title, text and time; unread ones in bold with a dot. */
export function NotificationItem({ n, compact }: { n: Notification; compact?: boolean }) {
  return (
    <Flex gap={10} align="flex-start" style={{ width: '100%' }} data-testid="notification" data-unread={n.readAt ? undefined : 'true'}>
      <span style={{ fontSize: 18, lineHeight: '22px' }} aria-hidden>
        {KIND_ICON[n.kind] ?? <BellOutlined />}
      </span>
      <div style={{ minWidth: 0, flex: 1 }}>
        <Flex gap={6} align="center">
          {!n.readAt && <Badge status="processing" />}
          <Typography.Text strong={!n.readAt} ellipsis={compact ? { tooltip: n.title } : false} className={compact ? undefined : 'vps-wrap'} style={{ flex: 1 }}>
            {n.title}
          </Typography.Text>
        </Flex>
        <Typography.Paragraph type="secondary" ellipsis={compact ? { rows: 2 } : false} className="vps-wrap" style={{ margin: 0, fontSize: 13 }}>
          {n.body}
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {tMaybe(`notify.kind.${n.kind}`) ?? n.kind} · {formatInstant(n.createdAt)}
        </Typography.Text>
      </div>
    </Flex>
  );
}
