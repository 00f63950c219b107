import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { IncomingDocument } from '../../api/types';
import { t, type MessageKey } from '../../i18n';
import { formatInstant } from '../../lib/format';
import { useCertificates, useFileSignatures } from '../signing/signing-queries';
import { DigitalSignModal } from './digital-sign-modal';
import { DraftSteps } from './draft-steps';
import { IssuedModal, IssueModal } from './issue-modal';
import type { OutgoingAction } from './outgoing-queries';
import { OutgoingStepModal, type NoteAction } from './outgoing-step-modal';
import { outgoingEditPath } from './outgoing-views';
import { SignModal } from './sign-modal';
import { VersionModal } from './version-modal';

type Dialog =
  | { kind: 'note'; action: NoteAction }
  | { kind: 'version' }
  | { kind: 'sign' }
  | { kind: 'digital'; certificate: 'personal' | 'organization' }
  | { kind: 'issue' }
  | { kind: 'issued'; detail: IncomingDocument };

// The buttons in the order of the way; the first of MAIN that is offered is the primary one. "digital" is
// signing with a kept certificate, offered next to "sign" (the signer's confirmation) when they have one.
type FlowButton = OutgoingAction | 'digital';
const ORDER: FlowButton[] = ['seal', 'issue', 'digital', 'sign', 'approve', 'submit', 'edit', 'add_version', 'return', 'comment', 'recall'];
const MAIN: FlowButton[] = ['seal', 'issue', 'digital', 'sign', 'approve', 'submit'];
const LABEL: Partial<Record<FlowButton, MessageKey>> = { digital: 'signing.sign.action' };

/**
 * The agency's signature goes over the signer's digital signature, once: offered while the current PDF
 * carries a signature and the clerk has not added the agency's yet (a paper-signed draft has nothing to seal).
 */
function useSealable(d: IncomingDocument, offered: boolean): boolean {
  const current = d.outgoing?.versions[0];
  const pdf = offered && current?.mime === 'application/pdf' ? current.fileId : undefined;
  const report = useFileSignatures(d.id, pdf);
  return offered && !d.events.some((e) => e.kind === 'sealed') && (report.data?.signatures.length ?? 0) > 0;
}

/** Where the document stands, in one sentence. */
function whereNow(d: IncomingDocument): string {
  const holder = d.outgoing?.holderName ?? '';
  switch (d.status) {
    case 'issued':
      return t('outgoing.where.issued', { time: formatInstant(d.outgoing?.issuedAt ?? null) });
    case 'signed':
      // numbered when the agency signed it, before issuing
      return d.numberNotation ? t('outgoing.where.numbered', { number: d.numberNotation }) : t('outgoing.where.signed');
    default:
      return t(`outgoing.where.${d.status}` as 'outgoing.where.draft', { holder });
  }
}

/**
 * "Soạn thảo, ban hành": the way of the draft, who has it now, and the steps the server says this person
 * may take (`outgoing.actions`), each with its dialog. Issuing ends with the number, large.
 */
export function OutgoingFlowCard({ document: d }: { document: IncomingDocument }) {
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const offered = d.outgoing?.actions ?? [];
  const certificates = useCertificates(offered.includes('sign') || offered.includes('seal'));
  const has = (kind: 'personal' | 'organization') => (certificates.data ?? []).some((c) => c.kind === kind && !c.expired);
  const sealable = useSealable(d, offered.includes('seal'));
  const actions = ORDER.filter((a) => (a === 'digital' ? offered.includes('sign') && has('personal') : a === 'seal' ? sealable : offered.includes(a as OutgoingAction)));
  const main = MAIN.find((a) => actions.includes(a));
  const lastReturn = d.status === 'returned' ? d.events.filter((e) => e.kind === 'returned').at(-1) : undefined;

  const open = (a: FlowButton) => {
    if (a === 'digital') setDialog({ kind: 'digital', certificate: 'personal' });
    else if (a === 'seal') setDialog({ kind: 'digital', certificate: 'organization' });
    else if (a === 'edit') navigate(outgoingEditPath(d.id));
    else if (a === 'add_version') setDialog({ kind: 'version' });
    else if (a === 'sign') setDialog({ kind: 'sign' });
    else if (a === 'issue') setDialog({ kind: 'issue' });
    else setDialog({ kind: 'note', action: a });
  };
  const close = () => setDialog(null);

  return (
    <Card data-testid="outgoing-flow-card" title={t('outgoing.flow.title')} styles={{ body: { paddingTop: 12 } }}>
      <DraftSteps status={d.status} compact />
      <Typography.Paragraph style={{ margin: '12px 0' }} data-testid="outgoing-where">
        {whereNow(d)}
      </Typography.Paragraph>
      {lastReturn && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('outgoing.flow.returnedBy', { name: lastReturn.actorName ?? '', time: formatInstant(lastReturn.at) })}
          description={<span className="vps-wrap">{lastReturn.note}</span>}
        />
      )}
      {actions.length > 0 && (
        <Flex gap={8} wrap>
          {actions.map((a) => (
            <Button key={a} type={a === main ? 'primary' : 'default'} danger={a === 'recall'} onClick={() => open(a)}>
              {t(LABEL[a] ?? (`outgoing.action.${a}` as MessageKey))}
            </Button>
          ))}
        </Flex>
      )}

      {dialog?.kind === 'note' && <OutgoingStepModal document={d} action={dialog.action} onClose={close} />}
      {dialog?.kind === 'version' && <VersionModal document={d} onClose={close} />}
      {dialog?.kind === 'sign' && <SignModal document={d} onClose={close} />}
      {dialog?.kind === 'digital' && <DigitalSignModal document={d} kind={dialog.certificate} certificates={certificates.data ?? []} onClose={close} />}
      {dialog?.kind === 'issue' && <IssueModal document={d} onClose={close} onIssued={(detail) => setDialog({ kind: 'issued', detail })} />}
      {dialog?.kind === 'issued' && <IssuedModal document={dialog.detail} onClose={close} />}
    </Card>
  );
}
