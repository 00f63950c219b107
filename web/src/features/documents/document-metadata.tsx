import { Descriptions, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { IncomingDocument } from '../../api/types';
import { t } from '../../i18n';
import { formatDay, formatInstant } from '../../lib/format';
import { ChannelTag, ConfidentialityTag, DueDate, UrgencyTag } from './document-display';
import { DocumentStatusTag } from './routing-display';

/** The incoming register's columns and the App. VI metadata of one document, in the register's order. */
export function DocumentMetadata({ document: d }: { document: IncomingDocument }) {
  const signer = d.signerName && d.signerPosition ? t('incoming.detail.signer', { name: d.signerName, position: d.signerPosition }) : (d.signerName ?? d.signerPosition);
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      styles={{ label: { width: 150 } }}
      items={[
        { key: 'arrival', label: t('document.arrivalNumber'), children: <strong>{`${d.arrivalNumber}/${d.arrivalYear}`}</strong> },
        { key: 'register', label: t('document.register'), children: d.registerName },
        { key: 'received', label: t('document.receivedAt'), children: formatInstant(d.receivedAt) },
        {
          key: 'channel',
          label: t('document.channel'),
          children: <ChannelTag channel={d.channel} />,
        },
        { key: 'sender', label: t('document.sender'), children: d.senderName },
        { key: 'number', label: t('document.numberNotation'), children: d.numberNotation },
        { key: 'issued', label: t('document.issuedDate'), children: formatDay(d.issuedDate) },
        { key: 'type', label: t('document.type'), children: d.typeName },
        { key: 'subject', label: t('document.subject'), children: <span className="vps-wrap">{d.subject}</span> },
        { key: 'signer', label: t('document.signerName'), children: signer ?? t('common.none') },
        { key: 'pages', label: t('document.pages'), children: d.pages ?? t('common.none') },
        {
          key: 'marks',
          label: `${t('document.urgency')}, ${t('document.confidentiality').toLocaleLowerCase('vi')}`,
          children: (
            <Flex gap={4} wrap align="center">
              <UrgencyTag urgency={d.urgency} />
              <ConfidentialityTag confidentiality={d.confidentiality} />
            </Flex>
          ),
        },
        { key: 'due', label: t('document.dueDate'), children: <DueDate date={d.dueDate} /> },
        { key: 'status', label: t('document.status'), children: <DocumentStatusTag status={d.status} /> },
      ]}
    />
  );
}

/**
 * An outgoing document's metadata (App. VI), in the outgoing register's order: its number once issued, the
 * drafting unit, the signer and who holds it now.
 */
export function OutgoingMetadata({ document: d, status, replyTo }: { document: IncomingDocument; status: ReactNode; replyTo?: ReactNode }) {
  const o = d.outgoing;
  const signer = d.signerName && d.signerPosition ? t('incoming.detail.signer', { name: d.signerName, position: d.signerPosition }) : (d.signerName ?? d.signerPosition);
  const issued = Boolean(d.numberNotation);
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      styles={{ label: { width: 150 } }}
      items={[
        {
          key: 'number',
          label: t('document.numberNotation'),
          children: issued ? (
            <strong data-testid="outgoing-number" style={{ fontSize: 18, color: '#b71c1c' }}>
              {d.numberNotation}
            </strong>
          ) : (
            <Typography.Text type="secondary">{t('outgoing.noNumberYet')}</Typography.Text>
          ),
        },
        ...(issued
          ? [
              { key: 'issued', label: t('outgoing.issuedDate'), children: formatDay(d.issuedDate) },
              { key: 'register', label: t('outgoing.register'), children: d.registerName },
            ]
          : []),
        { key: 'status', label: t('document.status'), children: status },
        { key: 'type', label: t('document.type'), children: d.typeName },
        { key: 'subject', label: t('document.subject'), children: <span className="vps-wrap">{d.subject}</span> },
        { key: 'unit', label: t('outgoing.draftingUnit'), children: o?.draftingUnitName ?? t('common.none') },
        { key: 'signer', label: t('outgoing.signer'), children: signer ?? t('common.none') },
        ...(o?.holderName ? [{ key: 'holder', label: t('outgoing.holder'), children: o.holderName }] : []),
        {
          key: 'marks',
          label: `${t('document.urgency')}, ${t('document.confidentiality').toLocaleLowerCase('vi')}`,
          children: (
            <Flex gap={4} wrap align="center">
              <UrgencyTag urgency={d.urgency} />
              <ConfidentialityTag confidentiality={d.confidentiality} />
            </Flex>
          ),
        },
        ...(replyTo ? [{ key: 'replyTo', label: t('outgoing.replyTo'), children: replyTo }] : []),
      ]}
    />
  );
}
