import { Timeline, Typography } from 'antd';
import type { DocumentEvent } from '../../api/types';
import { t, tMaybe } from '../../i18n';
import { formatInstant } from '../../lib/format';

// A kind the server adds later still shows, under its code, until the catalogs name it.
const kindLabel = (kind: string) => tMaybe(`document.event.${kind}`) ?? kind;

// Green for the start and the end, blue for the handling steps between, red for work taken back, orange
// for more time; readings stay grey so the handling stands out in a long timeline. Hex values: the
// Timeline's "blue" is the theme's primary colour, which is red here.
const GREEN = '#52c41a';
const BLUE = '#1677ff';
const KIND_COLOR: Record<string, string> = {
  registered: GREEN,
  presented: BLUE,
  assigned: BLUE,
  reassigned: BLUE,
  forwarded: BLUE,
  accepted: BLUE,
  progress: BLUE,
  completed: GREEN,
  recalled: '#f5222d',
  extended: '#fa8c16',
  // An outgoing draft: written and reviewed (blue), sent back (orange), approved, signed and issued (green);
  // an incoming copy that arrived electronically starts green, and is red once its sender recalls it.
  drafted: GREEN,
  edited: BLUE,
  version: BLUE,
  submitted: BLUE,
  returned: '#fa8c16',
  comment: BLUE,
  approved: GREEN,
  signed: GREEN,
  sealed: GREEN,
  issued: GREEN,
  received: GREEN,
  withdrawn: '#f5222d',
  // The electronic exchange with recipients outside the province: sent and reported on, or failed.
  exchange_sent: GREEN,
  exchange_status: BLUE,
  exchange_failed: '#f5222d',
};

// The server's note for a reading only repeats the label.
const SILENT_NOTES = new Set(['read']);

/** What happened to the document, oldest first: registration, then every reading and handling step. */
export function DocumentTimeline({ events }: { events: DocumentEvent[] }) {
  return (
    <Timeline
      data-testid="document-timeline"
      items={events.map((e) => ({
        key: e.id,
        color: KIND_COLOR[e.kind] ?? 'gray',
        content: (
          <>
            <Typography.Text strong>{kindLabel(e.kind)}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, whiteSpace: 'nowrap' }}>
              {formatInstant(e.at)}
            </Typography.Text>
            <div>{e.actorName ?? t('audit.system')}</div>
            {e.note && !SILENT_NOTES.has(e.kind) && (
              // Directions come with line breaks (the instruction, then who leads, helps and the deadline).
              <Typography.Text type="secondary" className="vps-wrap" style={{ fontSize: 13, whiteSpace: 'pre-line' }}>
                {e.note}
              </Typography.Text>
            )}
          </>
        ),
      }))}
    />
  );
}
