import { Timeline, Typography } from 'antd';
import type { DocumentEvent } from '../../api/types';
import { t, tMaybe } from '../../i18n';
import { formatInstant } from '../../lib/format';

// A kind the server adds later still shows, under its code, until the catalogs name it.
const kindLabel = (kind: string) => tMaybe(`document.event.${kind}`) ?? kind;

/** What happened to the document, oldest first: registration, then every reading and handling step. */
export function DocumentTimeline({ events }: { events: DocumentEvent[] }) {
  return (
    <Timeline
      data-testid="document-timeline"
      items={events.map((e) => ({
        key: e.id,
        color: e.kind === 'registered' ? 'green' : 'gray',
        content: (
          <>
            <Typography.Text strong>{kindLabel(e.kind)}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, whiteSpace: 'nowrap' }}>
              {formatInstant(e.at)}
            </Typography.Text>
            <div>{e.actorName ?? t('audit.system')}</div>
            {e.note && (
              <Typography.Text type="secondary" className="vps-wrap" style={{ fontSize: 13 }}>
                {e.note}
              </Typography.Text>
            )}
          </>
        ),
      }))}
    />
  );
}
