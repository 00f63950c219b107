import { Card, Empty, Table, Typography, type TableColumnsType } from 'antd';
import type { IncomingDocument } from '../../api/types';
import { t, tMaybe } from '../../i18n';
import { formatInstant } from '../../lib/format';
import { EdxmlExportButton } from './edxml-export-button';
import { RecipientStatusTag } from './outgoing-display';
import type { OutgoingRecipient } from './outgoing-queries';

/** The latest thing that happened at the recipient, with its time: answered, read, or received. */
function lastEvent(r: OutgoingRecipient): string {
  if (r.answeredAt) return t('outgoing.recipient.answeredAt', { time: formatInstant(r.answeredAt) });
  if (r.readAt) return t('outgoing.recipient.readAt', { time: formatInstant(r.readAt) });
  if (r.deliveredAt) return t('outgoing.recipient.deliveredAt', { time: formatInstant(r.deliveredAt) });
  return '';
}

/** What kind of recipient, and for an outside one how it is sent: with its identifier code, or on paper. */
function KindLine({ recipient: r }: { recipient: OutgoingRecipient }) {
  if (r.kind !== 'external') return t(`outgoing.recipient.kind.${r.kind}`);
  if (!r.organId) return t('outgoing.recipient.kind.externalPaper');
  return (
    <>
      {t('outgoing.recipient.kind.external')} · <span style={{ whiteSpace: 'nowrap' }}>{t('outgoing.recipient.organId', { code: r.organId })}</span>
    </>
  );
}

/**
 * "Văn bản của tôi đang ở đâu" at an outside recipient: the exchange's last word (sent, no connection, or
 * the status the recipient sent back, with its edXML code), and when.
 */
function ExchangeNote({ recipient: r }: { recipient: OutgoingRecipient }) {
  if (!r.exchange) return null;
  const { code, note, at } = r.exchange;
  const status = code ? t('outgoing.recipient.exchangeCode', { code, label: tMaybe(`outgoing.exchange.code.${code}`) ?? code }) : null;
  return (
    <div data-testid="recipient-exchange" style={{ marginTop: 4, paddingInlineStart: 8, borderInlineStart: '2px solid #d9d9d9' }}>
      <Typography.Text type={r.status === 'rejected' ? 'danger' : undefined} style={{ fontSize: 13 }}>
        {note}
      </Typography.Text>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[status, formatInstant(at)].filter(Boolean).join(' · ')}
        </Typography.Text>
      </div>
    </div>
  );
}

const columns: TableColumnsType<OutgoingRecipient> = [
  {
    title: t('outgoing.recipients'),
    dataIndex: 'name',
    render: (name: string, r) => (
      <div className="vps-wrap">
        <div>{name}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <KindLine recipient={r} />
        </Typography.Text>
        <ExchangeNote recipient={r} />
      </div>
    ),
  },
  {
    title: t('document.status'),
    dataIndex: 'status',
    width: 150,
    render: (_, r) => (
      <>
        <RecipientStatusTag recipient={r} />
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {lastEvent(r)}
          </Typography.Text>
        </div>
      </>
    ),
  },
];

/**
 * Who the document goes to and, once issued, where it stands with each: received at once by the province's
 * agencies and the agency's units, read when someone there opens it, answered when their reply is issued;
 * outside recipients with an identifier code go through the exchange, and say back where it is; the others
 * are sent on paper. The clerk can also export the edXML file for outside recipients.
 */
export function RecipientsCard({ document: d }: { document: IncomingDocument }) {
  const recipients = d.outgoing?.recipients ?? [];
  return (
    <Card title={t('outgoing.recipients')} extra={<EdxmlExportButton document={d} />} styles={{ body: { padding: recipients.length ? 0 : undefined } }} data-testid="recipients-card">
      {recipients.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('outgoing.recipients.none')} />
      ) : (
        <Table<OutgoingRecipient> rowKey="id" size="small" pagination={false} columns={columns} dataSource={recipients} />
      )}
    </Card>
  );
}
