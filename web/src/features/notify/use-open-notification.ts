import { useNavigate } from 'react-router';
import { useMarkRead, type Notification } from './notify-queries';

/** Opening a notification marks it read, then goes to what it is about. */
export function useOpenNotification() {
  const navigate = useNavigate();
  const markRead = useMarkRead();
  return async (n: Notification) => {
    if (!n.readAt) await markRead.mutateAsync(n.id).catch(() => undefined);
    if (n.link) void navigate(n.link);
  };
}
