import { Typography } from 'antd';
import type { IncomingDocument } from '../../api/types';
import { t } from '../../i18n';

const SIGNABLE = ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'];

/**
 * What the agency's signature does besides the seal on the content, said before it is done: the document
 * is numbered and dated then, and each annex in a file of its own gets the agency's signature too (Decree
 * 30/2020, App. I §II.8) — the PDF and DOCX ones; other kinds are sent as drafted.
 */
export function SealScope({ document: d }: { document: IncomingDocument }) {
  const current = (d.outgoing?.attachments ?? []).filter((a) => a.current);
  const signable = current.filter((a) => SIGNABLE.includes(a.mime)).length;
  const other = current.length - signable;
  const lines = [t('outgoing.seal.numbered'), signable > 0 && t('outgoing.seal.attachments', { count: signable }), other > 0 && t('outgoing.seal.attachmentsUnsigned', { count: other })];
  return (
    <div data-testid="seal-scope">
      {lines.filter(Boolean).map((line) => (
        <Typography.Paragraph key={line as string} type="secondary" style={{ marginBottom: 8 }}>
          {line}
        </Typography.Paragraph>
      ))}
    </div>
  );
}
