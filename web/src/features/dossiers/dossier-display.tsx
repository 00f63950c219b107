import { Tag, Typography } from 'antd';
import { t } from '../../i18n';
import { dayjs, formatInstant, VN_TZ } from '../../lib/format';
import type { DossierStatus, DossierSummary, Outcome } from './dossier-types';

// Hex for "processing": the theme's primary colour is red, which must stay for "overdue".
const STATUS_COLOR: Record<DossierStatus, string> = {
  1: 'purple',
  2: 'cyan',
  3: 'default',
  4: '#1677ff',
  5: 'orange',
  6: 'gold',
  7: 'default',
  8: 'volcano',
  9: 'green',
  10: 'green',
};

export const statusLabel = (status: number): string => t(`dossiers.status.${status as DossierStatus}`);

export function DossierStatusTag({ status }: { status: number }) {
  return (
    <Tag color={STATUS_COLOR[status as DossierStatus]} variant={status === 10 ? 'solid' : undefined} data-testid="dossier-status" style={{ marginInlineEnd: 0 }}>
      {statusLabel(status)}
    </Tag>
  );
}

const OUTCOME_COLOR: Record<Outcome, string> = { early: 'green', on_time: '#1677ff', late: 'red' };

/** Trước hạn / Đúng hạn / Quá hạn, for a finished step or dossier. */
export function OutcomeTag({ outcome }: { outcome: Outcome }) {
  return (
    <Tag color={OUTCOME_COLOR[outcome]} variant={outcome === 'late' ? 'solid' : undefined} style={{ marginInlineEnd: 0 }}>
      {t(`dossiers.outcome.${outcome}`)}
    </Tag>
  );
}

/** The appointment as the receipt writes it: "hh:mm dd/MM/yyyy". */
export const formatAppointment = (iso: string | null | undefined): string => formatInstant(iso ?? null, 'HH:mm DD/MM/YYYY');

const OPEN_STATUSES = new Set<number>([1, 2, 4, 5, 6]);
export const isOpen = (d: Pick<DossierSummary, 'status' | 'endedAt'>) => OPEN_STATUSES.has(d.status) && !d.endedAt;

export type Due = 'overdue' | 'due_today' | null;

/** Whether an open dossier is past its appointment, or due today (Vietnam's day). */
export function dueOf(d: Pick<DossierSummary, 'status' | 'endedAt' | 'appointmentAt' | 'overdue'>, now = dayjs()): Due {
  // the server says "overdue" (it leaves out a dossier whose clock stands still for a supplement)
  if (d.overdue) return 'overdue';
  if (!d.appointmentAt || !isOpen(d) || d.status === 5) return null;
  const at = dayjs.utc(d.appointmentAt);
  if (at.isBefore(now)) return null;
  return at.tz(VN_TZ).format('YYYY-MM-DD') === now.tz(VN_TZ).format('YYYY-MM-DD') ? 'due_today' : null;
}

/** The due badge of the queues: overdue red, due today orange; a finished dossier shows how it ended. */
export function DueBadge({ dossier }: { dossier: DossierSummary }) {
  if (dossier.outcome && !isOpen(dossier)) return <OutcomeTag outcome={dossier.outcome} />;
  const due = dueOf(dossier);
  if (!due) return dossier.needsApology ? <Tag color="gold">{t('dossiers.due.needsApology')}</Tag> : null;
  return (
    <Tag color={due === 'overdue' ? 'red' : 'orange'} variant={due === 'overdue' ? 'solid' : undefined} data-testid="dossier-due" style={{ marginInlineEnd: 0 }}>
      {t(`dossiers.due.${due}`)}
    </Tag>
  );
}

const hoursText = (hours: number): string => {
  const h = Math.round(Math.abs(hours) * 10) / 10;
  const days = Math.floor(h / 8);
  const rest = Math.round((h - days * 8) * 10) / 10;
  const restText = String(rest).replace('.', ',');
  if (days === 0) return t('dossiers.span.hours', { hours: restText });
  return rest > 0 ? t('dossiers.span.daysHours', { days, hours: restText }) : t('dossiers.span.days', { days });
};

/** "còn 2 ngày 3 giờ làm việc" or "quá hẹn 5 giờ làm việc", counted by the server on the working calendar (8 h a day). */
export function RemainingText({ remainingWorkingHours, paused }: { remainingWorkingHours: number | null; paused: boolean }) {
  if (paused) return <Typography.Text type="warning">{t('dossiers.detail.paused')}</Typography.Text>;
  if (remainingWorkingHours === null) return null;
  const span = hoursText(remainingWorkingHours);
  return remainingWorkingHours >= 0 ? (
    <Typography.Text type="secondary" data-testid="dossier-remaining">
      {t('dossiers.detail.remaining', { span })}
    </Typography.Text>
  ) : (
    <Typography.Text type="danger" strong data-testid="dossier-remaining">
      {t('dossiers.detail.late', { span })}
    </Typography.Text>
  );
}

export const channelLabel = (channel: number): string => t(`dossiers.channel.${channel as 1 | 2 | 3}`);
