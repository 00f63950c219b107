import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Typography } from 'antd';
import { t } from '../../i18n';
import { DATE_TIME_SECONDS_FORMAT, formatInstant } from '../../lib/format';
import { formatFileSize } from '../documents/document-display';
import { SignatureTag, statusCodeLabel, WarningList } from './exchange-display';
import { messageFileUrl, type ExchangeMessage } from './exchange-queries';

function MessageFiles({ message: m }: { message: ExchangeMessage }) {
  if (m.files.length === 0) return <Typography.Text type="secondary">{t('exchange.details.noFiles')}</Typography.Text>;
  // One block: the description's cell lays its children out in a row.
  return (
    <div>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {m.files.map((f) => (
          <li key={f.id} style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '2px 0' }}>
            <span className="vps-wrap" style={{ minWidth: 0 }}>
              {f.name}{' '}
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                ({formatFileSize(f.size)})
              </Typography.Text>
            </span>
            <Button type="link" size="small" href={messageFileUrl(m, f.id)} icon={<DownloadOutlined aria-hidden />} aria-label={`${t('exchange.details.download')} ${f.name}`}>
              {t('exchange.details.download')}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * What the sender has been told. A message handed over as a file has no way back to its sender: nothing is
 * told automatically, and the clerk is the one to answer.
 */
function lastStatus(m: ExchangeMessage): string {
  if (m.lastStatusCode) return statusCodeLabel(m.lastStatusCode);
  return t(m.via === 'exchange' ? 'exchange.details.lastStatusNone' : 'exchange.details.lastStatusFile');
}

/** The message's XML-DSig signature: its verdict, who signed and what the trust store said. */
function MessageSignature({ message: m }: { message: ExchangeMessage }) {
  const s = m.signature!;
  return (
    <div>
      <SignatureTag message={m} />
      {s.signerName && <span className="vps-wrap">{t('exchange.signature.byIssuer', { name: s.signerName, issuer: s.issuerName ?? '' })}</span>}
      {s.reasons.length > 0 && <WarningList warnings={s.reasons} />}
    </div>
  );
}

/** The DocumentIds a revocation, update or replacement names, one a line. */
function TargetList({ ids }: { ids: string[] }) {
  return (
    <div>
      {ids.map((id) => (
        <div key={id} className="vps-hash vps-wrap">
          {id}
        </div>
      ))}
    </div>
  );
}

/**
 * What the table leaves out: the message's id, how it came and what its sender was told, the signer, each
 * file with its size, what a revocation, update or replacement names and did, why it was returned, and the
 * receipt's warnings.
 */
export function MessageDetails({ message: m }: { message: ExchangeMessage }) {
  return (
    <div data-testid="exchange-message-details" style={{ padding: '4px 8px' }}>
      <Descriptions
        size="small"
        column={{ xs: 1, lg: 2 }}
        items={[
          { key: 'id', label: t('exchange.details.documentId'), children: <span className="vps-hash">{m.edxmlDocumentId}</span> },
          { key: 'received', label: t('exchange.details.receivedAt'), children: formatInstant(m.receivedAt, DATE_TIME_SECONDS_FORMAT) },
          { key: 'via', label: t('exchange.details.via'), children: t(`exchange.via.${m.via}`) },
          { key: 'told', label: t('exchange.details.lastStatus'), children: lastStatus(m) },
          { key: 'type', label: t('exchange.details.typeName'), children: m.typeName ?? t('common.none') },
          { key: 'signer', label: t('exchange.details.signer'), children: m.signerName ?? t('common.none') },
          ...(m.signature ? [{ key: 'signature', label: t('exchange.details.signature'), span: 'filled' as const, children: <MessageSignature message={m} /> }] : []),
          { key: 'files', label: t('exchange.details.files'), span: 'filled', children: <MessageFiles message={m} /> },
          ...(m.businessReason ? [{ key: 'why', label: t('exchange.details.businessReason'), span: 'filled' as const, children: <span className="vps-wrap">{m.businessReason}</span> }] : []),
          ...(m.targetDocumentIds.length > 0 ? [{ key: 'targets', label: t('exchange.details.targets'), span: 'filled' as const, children: <TargetList ids={m.targetDocumentIds} /> }] : []),
          ...(m.outcome ? [{ key: 'outcome', label: t('exchange.details.outcome'), span: 'filled' as const, children: <span className="vps-wrap">{m.outcome}</span> }] : []),
          ...(m.rejectReason ? [{ key: 'reject', label: t('exchange.details.rejectReason'), span: 'filled' as const, children: <span className="vps-wrap">{m.rejectReason}</span> }] : []),
        ]}
      />
      {m.warnings.length > 0 && <Alert type="warning" showIcon title={t('exchange.details.warnings')} description={<WarningList warnings={m.warnings} />} style={{ marginTop: 12 }} />}
    </div>
  );
}
