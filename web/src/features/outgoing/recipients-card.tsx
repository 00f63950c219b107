import { Card, Empty, Table, Typography, type TableColumnsType } from 'antd';
import type { IncomingDocument } from '../../api/types';
import { t } from '../../i18n';
import { formatInstant } from '../../lib/format';
import { RecipientStatusTag } from './outgoing-display';
import type { OutgoingRecipient } from './outgoing-queries';

/** The latest thing that happened at the recipient, with its time: answered, read, or received. */
function lastEvent(r: OutgoingRecipient): string {
  if (r.answeredAt) return t('outgoing.recipient.answeredAt', { time: formatInstant(r.answeredAt) });
  if (r.readAt) return t('outgoing.recipient.readAt', { time: formatInstant(r.readAt) });
  if (r.deliveredAt) return t('outgoing.recipient.deliveredAt', { time: formatInstant(r.deliveredAt) });
  return '';
}

const columns: TableColumnsType<OutgoingRecipient> = [
  {
    title: t('outgoing.recipients'),
    dataIndex: 'name',
    render: (name: string, r) => (
      <div className="vps-wrap">
        <div>{name}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`outgoing.recipient.kind.${r.kind}`)}
        </Typography.Text>
      </div>
    ),
  },
  {
    title: t('document.status'),
    dataIndex: 'status',
    width: 150,
    render: (_, r) => (
      <>
        <RecipientStatusTag status={r.status} />
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
 * outside recipients wait for the national exchange.
 */
export function RecipientsCard({ document: d }: { document: IncomingDocument }) {
  const recipients = d.outgoing?.recipients ?? [];
  return (
    <Card title={t('outgoing.recipients')} styles={{ body: { padding: recipients.length ? 0 : undefined } }} data-testid="recipients-card">
      {recipients.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('outgoing.recipients.none')} />
      ) : (
        <Table<OutgoingRecipient> rowKey="id" size="small" pagination={false} columns={columns} dataSource={recipients} />
      )}
    </Card>
  );
}
