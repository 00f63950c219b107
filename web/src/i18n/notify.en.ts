import type { notifyVi } from './notify.vi';

/** English strings of notifications. */
export const notifyEn: Record<keyof typeof notifyVi, string> = {
  'notify.title': 'Notifications',
  'notify.bell': 'Notifications ({count} unread)',
  'notify.empty': 'No notifications yet',
  'notify.markAllRead': 'Mark all as read',
  'notify.markedAllRead': 'Marked {count} notification(s) as read',
  'notify.viewAll': 'See all notifications',
  'notify.unreadOnly': 'Unread only',
  'notify.unread': '{count} unread',
  'notify.count': '{count} notification(s)',
  'notify.description': 'Deadline reminders, urgings and what waits for you.',
  'notify.kind.task.due_soon': 'Due soon',
  'notify.kind.task.overdue': 'Overdue',
  'notify.kind.task.urged': 'Urged',
  'notify.kind.task.escalated': 'Escalated',
  'notify.kind.task.assigned': 'New task',
};
