import { Tag } from 'antd';
import { t, tMaybe } from '../../i18n';
import { DocumentStatusTag } from '../documents/routing-display';
import type { OutgoingRecipient, RecipientStatus } from './outgoing-queries';

// A draft's way (Decree 30/2020, art. 10–16): drafted, reviewed (or sent back), approved and signed by the
// signer, issued by the clerk; recalled when taken back. A status the server adds later shows its code.
const STATUS_COLOR: Record<string, string> = {
  draft: 'default',
  in_review: 'gold',
  returned: 'volcano',
  approved: 'cyan',
  signed: 'blue',
  issued: 'green',
  recalled: 'red',
};

export function OutgoingStatusTag({ status }: { status: string }) {
  return (
    <Tag color={STATUS_COLOR[status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {tMaybe(`outgoing.status.${status}`) ?? status}
    </Tag>
  );
}

/** The status of an incoming or an outgoing document, each in its own words. */
export const AnyStatusTag = ({ direction, status }: { direction: 'incoming' | 'outgoing'; status: string }) =>
  direction === 'outgoing' ? <OutgoingStatusTag status={status} /> : <DocumentStatusTag status={status} />;

const RECIPIENT_COLOR: Record<RecipientStatus | 'paper', string> = {
  pending: 'default',
  delivered: 'blue',
  queued: 'gold',
  read: 'green',
  answered: 'purple',
  withdrawn: 'red',
  rejected: 'red',
  paper: 'default',
};

/**
 * Where the document stands with one recipient. An outside recipient without an identifier code waits
 * "queued" on the server for ever: it is not sent electronically but on paper, and says so.
 */
export const RecipientStatusTag = ({ recipient: r }: { recipient: Pick<OutgoingRecipient, 'kind' | 'status' | 'organId'> }) => {
  const status = r.kind === 'external' && r.status === 'queued' && !r.organId ? 'paper' : r.status;
  return (
    <Tag color={RECIPIENT_COLOR[status]} style={{ marginInlineEnd: 0 }}>
      {t(`outgoing.recipient.status.${status}`)}
    </Tag>
  );
};
