/** Vietnamese strings of notifications (thông báo), spread into the main catalog. */
export const notifyVi = {
  'notify.title': 'Thông báo',
  'notify.bell': 'Thông báo ({count} chưa đọc)',
  'notify.empty': 'Chưa có thông báo',
  'notify.markAllRead': 'Đánh dấu đã đọc tất cả',
  'notify.markedAllRead': 'Đã đánh dấu đã đọc {count} thông báo',
  'notify.viewAll': 'Xem tất cả thông báo',
  'notify.unreadOnly': 'Chỉ chưa đọc',
  'notify.unread': '{count} chưa đọc',
  'notify.count': '{count} thông báo',
  'notify.description': 'Nhắc hạn, đôn đốc và các việc cần bạn xử lý.',
  'notify.kind.task.due_soon': 'Sắp đến hạn',
  'notify.kind.task.overdue': 'Quá hạn',
  'notify.kind.task.urged': 'Đôn đốc',
  'notify.kind.task.escalated': 'Báo cáo lãnh đạo',
  'notify.kind.task.assigned': 'Nhiệm vụ mới',
} as const;
