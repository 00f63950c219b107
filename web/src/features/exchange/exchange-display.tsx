import { PaperClipOutlined, WarningOutlined } from '@ant-design/icons';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { t, tMaybe, type MessageKey } from '../../i18n';
import { REVOCATION, type ExchangeMessage, type OutboxItem } from './exchange-queries';

// A new document is the usual case and stays quiet; what acts on a document sent earlier must catch the eye.
const KIND_COLOR: Record<number, string | undefined> = { 0: undefined, 1: 'red', 2: 'orange', 3: 'purple' };

export function KindTag({ kind }: { kind: number }) {
  return <Tag color={KIND_COLOR[kind]}>{kindName(kind)}</Tag>;
}

/**
 * What waits may be registered: a new or replacing document, or an update whose document never came (it
 * stands for that document). A revocation never is; an update carried out no longer waits.
 */
export const registrable = (m: ExchangeMessage): boolean => m.status === 'pending' && m.businessDocType !== REVOCATION;

/** The name of a message's kind for a sentence ("Thu hồi", "Cập nhật" …). */
export const kindName = (kind: number): string => (kind in KIND_COLOR ? t(`exchange.kind.${kind}` as MessageKey) : t('exchange.kind.other', { code: kind }));

// Keyed by the server's status names; one the server adds later shows as its own code until it is labelled here.
const STATUS_TAGS: Record<string, { color?: string; label: MessageKey }> = {
  pending: { color: 'gold', label: 'exchange.status.pending' },
  registered: { color: 'green', label: 'exchange.status.registered' },
  rejected: { color: 'red', label: 'exchange.status.rejected' },
  withdrawn: { label: 'exchange.status.withdrawn' },
  applied: { color: 'blue', label: 'exchange.status.applied' },
};

/** A revocation waiting for the document it names is kept for reference: it never goes into the register. */
export function MessageStatusTag({ message: m }: { message: ExchangeMessage }) {
  if (m.status === 'pending' && !registrable(m)) return <Tag>{t('exchange.status.notRegistrable')}</Tag>;
  const tag = STATUS_TAGS[m.status];
  return <Tag color={tag?.color}>{tag ? t(tag.label) : m.status}</Tag>;
}

const SIGNATURE_COLOR = { valid: 'green', warning: 'gold', invalid: 'red', absent: undefined } as const;

/** The message's XML-DSig signature as judged on arrival; a message from before signatures were checked shows nothing. */
export function SignatureTag({ message: m }: { message: ExchangeMessage }) {
  if (!m.signature) return null;
  const { status, signerName, reasons } = m.signature;
  const tag = <Tag color={SIGNATURE_COLOR[status]}>{t(`exchange.signature.${status}`)}</Tag>;
  const tip = [signerName && t('exchange.signature.by', { name: signerName }), ...reasons].filter(Boolean).join('. ');
  return tip ? <Tooltip title={tip}>{tag}</Tooltip> : tag;
}

/** What the receipt refused or could not read ("Tệp x.exe không được nhận: …"), as a list. */
export function WarningList({ warnings }: { warnings: string[] }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {warnings.map((w, i) => (
        <li key={i} className="vps-wrap">
          {w}
        </li>
      ))}
    </ul>
  );
}

/** The number of files kept, and a warning sign whose tooltip lists what was refused on receipt. */
export function FilesCell({ message: m }: { message: ExchangeMessage }) {
  const count = m.files.length;
  return (
    <Flex gap={6} align="center" wrap={false}>
      {count > 0 ? (
        <span style={{ whiteSpace: 'nowrap' }}>
          <PaperClipOutlined aria-hidden style={{ marginInlineEnd: 4 }} />
          {t('exchange.files.count', { count })}
        </span>
      ) : (
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          {t('exchange.files.none')}
        </Typography.Text>
      )}
      {m.warnings.length > 0 && (
        <Tooltip title={<WarningList warnings={m.warnings} />}>
          <WarningOutlined role="img" tabIndex={0} aria-label={t('exchange.warnings.count', { count: m.warnings.length })} style={{ color: '#d46b08', fontSize: 16 }} />
        </Tooltip>
      )}
    </Flex>
  );
}

/**
 * A QCVN 102 status code with its name, "02 · Từ chối tiếp nhận". The names are those the outgoing side
 * shows on its recipients, so both ends of a connection read the same words.
 */
export function statusCodeLabel(code: string): string {
  const label = tMaybe(`outgoing.exchange.code.${code}`);
  return label ? t('exchange.statusCode', { code, label }) : code;
}

// A row tried and not yet through is what the person watching the outbox looks for.
const OUTBOX_TAGS: Record<string, { color?: string; label: MessageKey }> = {
  pending: { color: 'gold', label: 'exchange.outbox.status.pending' },
  retrying: { color: 'orange', label: 'exchange.outbox.status.retrying' },
  sent: { color: 'green', label: 'exchange.outbox.status.sent' },
  failed: { color: 'red', label: 'exchange.outbox.status.failed' },
  cancelled: { label: 'exchange.outbox.status.cancelled' },
};

export function OutboxStatusTag({ item: o }: { item: OutboxItem }) {
  const tag = OUTBOX_TAGS[o.status === 'pending' && o.attempts > 0 ? 'retrying' : o.status];
  return <Tag color={tag?.color}>{tag ? t(tag.label) : o.status}</Tag>;
}
