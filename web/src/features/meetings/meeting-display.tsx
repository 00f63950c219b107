import { VideoCameraOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { t } from '../../i18n';
import { formatInstant } from '../../lib/format';
import type { Meeting, MeetingKind, MeetingSummary } from './meeting-queries';

const KIND_COLOR: Record<MeetingKind, string> = { ubnd_session: 'red', conference: 'purple', working_session: 'blue', online_conference: 'cyan' };
const STATE_COLOR: Record<Meeting['state'], string> = { planned: 'processing', held: 'success', cancelled: 'default' };
/** The colour of a meeting's block in the calendar, by kind. */
export const KIND_BG: Record<MeetingKind, string> = { ubnd_session: '#fdecea', conference: '#f3e8fd', working_session: '#e6f0ff', online_conference: '#e0f7f7' };
export const KIND_BORDER: Record<MeetingKind, string> = { ubnd_session: '#b71c1c', conference: '#722ed1', working_session: '#1677ff', online_conference: '#08979c' };

export function KindTag({ kind }: { kind: MeetingKind }) {
  return (
    <Tag color={KIND_COLOR[kind]} icon={kind === 'online_conference' ? <VideoCameraOutlined aria-hidden /> : undefined} style={{ marginInlineEnd: 0 }}>
      {t(`meeting.kind.${kind}`)}
    </Tag>
  );
}

export function StateTag({ state }: { state: Meeting['state'] }) {
  return (
    <Tag color={STATE_COLOR[state]} style={{ marginInlineEnd: 0 }} data-testid="meeting-state">
      {t(`meeting.state.${state}`)}
    </Tag>
  );
}

/** "08:00–10:00" on the same day, else both ends with dates. */
export function timeRange(m: Pick<MeetingSummary, 'startsAt' | 'endsAt'>, withDate = true): string {
  const sameDay = formatInstant(m.startsAt, 'YYYY-MM-DD') === formatInstant(m.endsAt, 'YYYY-MM-DD');
  if (sameDay) return `${formatInstant(m.startsAt, 'HH:mm')}–${formatInstant(m.endsAt, 'HH:mm')}${withDate ? ` ${formatInstant(m.startsAt, 'DD/MM/YYYY')}` : ''}`;
  return `${formatInstant(m.startsAt)} – ${formatInstant(m.endsAt)}`;
}

export const placeOf = (m: Pick<MeetingSummary, 'roomName' | 'place'>) => m.roomName ?? m.place ?? '';
