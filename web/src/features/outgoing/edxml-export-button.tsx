import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Tooltip } from 'antd';
import type { IncomingDocument } from '../../api/types';
import { useCan } from '../../app/session';
import { t } from '../../i18n';
import { errorMessage } from '../../lib/form-errors';
import { saveFile } from '../../lib/save-file';
import { fetchEdxml } from './outgoing-queries';

/**
 * "Xuất tệp edXML": the clerk's way to hand an issued document to outside recipients when no exchange
 * connection reaches them (a USB stick, the national portal's upload page). Offered only where the server
 * can build one: an issued, non-secret document with at least one outside recipient that has a code.
 */
export function EdxmlExportButton({ document: d }: { document: IncomingDocument }) {
  const can = useCan();
  const { message } = App.useApp();
  const exportFile = useMutation({
    mutationFn: () => fetchEdxml(d.id),
    onSuccess: ({ blob, fileName }) => {
      saveFile(blob, fileName);
      message.success(t('outgoing.exchange.exported', { name: fileName }));
    },
    onError: (e) => message.error({ content: errorMessage(e), duration: 8 }),
  });

  const addressed = (d.outgoing?.recipients ?? []).some((r) => r.kind === 'external' && r.organId);
  if (d.status !== 'issued' || d.confidentiality !== 'normal' || !addressed || !can('document.register')) return null;
  return (
    <Tooltip title={t('outgoing.exchange.exportHint')}>
      <Button size="small" icon={<DownloadOutlined aria-hidden />} loading={exportFile.isPending} onClick={() => exportFile.mutate()}>
        {t('outgoing.exchange.export')}
      </Button>
    </Tooltip>
  );
}
