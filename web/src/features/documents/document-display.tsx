import { Tag, Tooltip, Typography } from 'antd';
import type { Confidentiality, ReceiptChannel, Urgency } from '../../api/types';
import { t } from '../../i18n';
import { formatDay, formatNumber, todayInVietnam } from '../../lib/format';

// Flash and very urgent documents are presented and forwarded at once (Decree 30/2020, art. 4 and 23):
// they must catch the eye in a long list. Normal urgency is the usual case and stays quiet.
const URGENCY_STYLE: Record<Urgency, { color?: string; variant?: 'solid' | 'filled' | 'outlined' }> = {
  normal: {},
  urgent: { color: 'orange', variant: 'outlined' },
  very_urgent: { color: 'volcano', variant: 'solid' },
  flash: { color: 'red', variant: 'solid' },
};

export function UrgencyTag({ urgency }: { urgency: Urgency }) {
  if (urgency === 'normal') return <Typography.Text type="secondary">{t('urgency.normal')}</Typography.Text>;
  const style = URGENCY_STYLE[urgency];
  return (
    <Tag color={style.color} variant={style.variant} style={{ fontWeight: 600 }}>
      {t(`urgency.${urgency}`)}
    </Tag>
  );
}

/** Nothing for ordinary documents: the mark matters only when it is there. */
export function ConfidentialityTag({ confidentiality }: { confidentiality: Confidentiality }) {
  if (confidentiality === 'normal') return null;
  return (
    <Tag color="purple" variant="solid">
      {t(`confidentiality.${confidentiality}`)}
    </Tag>
  );
}

export const ChannelTag = ({ channel }: { channel: ReceiptChannel }) => <Tag>{t(`channel.${channel}`)}</Tag>;

/** The due date, red once it has passed and orange on the day itself (dates compared as Vietnam days). */
export function DueDate({ date }: { date: string | null }) {
  if (!date) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const today = todayInVietnam();
  const text = <span style={{ whiteSpace: 'nowrap' }}>{formatDay(date)}</span>;
  if (date > today) return text;
  const overdue = date < today;
  return (
    <Tooltip title={t(overdue ? 'document.overdue' : 'document.dueToday')}>
      <Typography.Text type={overdue ? 'danger' : 'warning'} strong>
        {text}
      </Typography.Text>
    </Tooltip>
  );
}

export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return t('document.fileSize.kb', { size: formatNumber(Math.max(1, Math.round(bytes / 1024))) });
  return t('document.fileSize.mb', { size: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024) });
}
