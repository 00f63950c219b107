import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, MinusCircleOutlined, QuestionCircleFilled } from '@ant-design/icons';
import { Alert, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { t, type MessageKey } from '../../i18n';
import { DATE_TIME_SECONDS_FORMAT, formatInstant } from '../../lib/format';
import type { SignatureReport, Verification } from './signing-queries';

const GREEN = '#389e0d';
const RED = '#cf1322';
const AMBER = '#d48806';

type Mark = 'yes' | 'no' | 'unknown';

const MARK_ICON: Record<Mark, ReactNode> = {
  yes: <CheckCircleFilled aria-hidden style={{ color: GREEN }} />,
  no: <CloseCircleFilled aria-hidden style={{ color: RED }} />,
  unknown: <QuestionCircleFilled aria-hidden style={{ color: AMBER }} />,
};

/** The five checks of a signature, each a tick, a cross or a question mark, said in words for screen readers too. */
function checksOf(s: SignatureReport): { key: string; label: string; mark: Mark }[] {
  return [
    { key: 'intact', label: t('signing.check.intact'), mark: s.intact ? 'yes' : 'no' },
    {
      key: 'chain',
      label: t(s.chain === 'incomplete' ? 'signing.check.chainIncomplete' : 'signing.check.chain'),
      mark: s.chain === 'trusted' ? 'yes' : s.chain === 'incomplete' ? 'unknown' : 'no',
    },
    { key: 'validity', label: t('signing.check.validAtSigningTime'), mark: s.validAtSigningTime ? 'yes' : 'no' },
    {
      key: 'revocation',
      label: t(s.revoked === null ? 'signing.check.revocationUnknown' : s.revoked ? 'signing.check.revoked' : 'signing.check.notRevoked'),
      mark: s.revoked === null ? 'unknown' : s.revoked ? 'no' : 'yes',
    },
    { key: 'modified', label: t(s.modifiedAfter ? 'signing.check.modifiedAfter' : 'signing.check.notModifiedAfter'), mark: s.modifiedAfter ? 'no' : 'yes' },
  ];
}

const STATUS_COLOR: Record<SignatureReport['status'], string> = { valid: 'success', warning: 'warning', invalid: 'error' };

export const signatureStatusLabel = (status: Verification['status']): string => t(`signing.status.${status}` as MessageKey);

function SignatureRow({ signature: s, index, compact }: { signature: SignatureReport; index: number; compact: boolean }) {
  return (
    <li data-testid="signature-row" style={{ padding: compact ? '8px 0' : '12px 0', borderTop: index > 0 ? '1px solid #f0f0f0' : undefined }}>
      <Flex justify="space-between" align="baseline" gap={8} wrap>
        <Typography.Text strong className="vps-wrap">
          {t('signing.signatureN', { n: index + 1 })}: {s.signerName ?? t('signing.unknownSigner')}
        </Typography.Text>
        <Tag color={STATUS_COLOR[s.status]} style={{ marginInlineEnd: 0 }}>
          {signatureStatusLabel(s.status)}
        </Tag>
      </Flex>
      <Typography.Text type="secondary" className="vps-wrap" style={{ display: 'block', fontSize: 13 }}>
        {[
          s.issuerName && t('signing.issuedBy', { issuer: s.issuerName }),
          s.signingTime && t('signing.signedAt', { time: formatInstant(s.signingTime, DATE_TIME_SECONDS_FORMAT) }),
          !compact && s.serialNumber && t('signing.serial', { serial: s.serialNumber }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
      <ul aria-label={t('signing.checks')} style={{ listStyle: 'none', margin: '6px 0 0', padding: 0, display: 'flex', flexWrap: 'wrap', columnGap: 16, rowGap: 2 }}>
        {checksOf(s).map((c) => (
          <li key={c.key} data-check={c.key} data-mark={c.mark} style={{ fontSize: 13, whiteSpace: 'nowrap' }}>
            {MARK_ICON[c.mark]} <span>{c.label}</span>
            <span className="vps-sr-only">{t(`signing.mark.${c.mark}` as MessageKey)}</span>
          </li>
        ))}
      </ul>
      {s.reasons.length > 0 && (
        <ul style={{ margin: '6px 0 0', paddingInlineStart: 20, fontSize: 13 }}>
          {s.reasons.map((r) => (
            <li key={r}>
              <Typography.Text type={s.status === 'invalid' ? 'danger' : 'warning'}>{r}</Typography.Text>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

const ALERT: Record<Verification['status'], { type: 'success' | 'warning' | 'error' | 'info'; icon: ReactNode }> = {
  valid: { type: 'success', icon: <CheckCircleFilled /> },
  warning: { type: 'warning', icon: <ExclamationCircleFilled /> },
  invalid: { type: 'error', icon: <CloseCircleFilled /> },
  unsigned: { type: 'info', icon: <MinusCircleOutlined style={{ color: '#8c8c8c' }} /> },
};

/**
 * What the server found about a PDF's signatures: the verdict in colour (the worst signature decides),
 * then each signature with its signer, issuer, time, the five checks and the reasons in Vietnamese.
 * `compact` for the side of a document page; the verification page shows the serial numbers too.
 */
export function VerificationPanel({ report, compact = false }: { report: Verification; compact?: boolean }) {
  const { type, icon } = ALERT[report.status];
  const count = report.signatures.length;
  return (
    <div data-testid="verification-panel" data-status={report.status}>
      <Alert
        type={type}
        showIcon
        icon={icon}
        title={signatureStatusLabel(report.status)}
        description={t(`signing.summary.${report.status}` as MessageKey, { count })}
        // Grey, not blue: an unsigned file is neither good nor bad news.
        style={report.status === 'unsigned' ? { background: '#fafafa', borderColor: '#d9d9d9' } : undefined}
      />
      {count > 0 && (
        <ul aria-label={t('signing.signatures')} style={{ listStyle: 'none', margin: compact ? '4px 0 0' : '8px 0 0', padding: 0 }}>
          {report.signatures.map((s, i) => (
            <SignatureRow key={s.fieldName} signature={s} index={i} compact={compact} />
          ))}
        </ul>
      )}
    </div>
  );
}
