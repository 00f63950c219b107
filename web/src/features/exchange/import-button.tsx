import { CloudUploadOutlined } from '@ant-design/icons';
import { App, Button, Upload, type UploadProps } from 'antd';
import { useState } from 'react';
import { csrfHeaders } from '../../api/client';
import { t } from '../../i18n';
import { formatInstant } from '../../lib/format';
import { kindName, registrable } from './exchange-display';
import { IMPORT_URL, type ExchangeMessage, type ImportResult } from './exchange-queries';

type Problem = { title?: string; detail?: string };

/** The server's words for a refused file ("Tệp không phải XML hợp lệ…"), else a network failure. */
function reasonOf(response: unknown): string {
  const p = (response ?? {}) as Problem;
  return p.detail ?? p.title ?? t('common.networkError');
}

/** What receiving the message did: it waits, it was carried out on the document it names, or it was set aside. */
function receivedText(m: ExchangeMessage): string {
  const said = { number: m.numberNotation, sender: m.fromName };
  if (m.status === 'applied') return t('exchange.import.applied', { ...said, kind: kindName(m.businessDocType).toLowerCase(), outcome: m.outcome ?? '' });
  if (m.status === 'withdrawn') return t('exchange.import.setAside', said);
  if (!registrable(m)) return t('exchange.import.waitsForOriginal', said);
  return t('exchange.import.received', said);
}

/**
 * "Nhận tệp edXML": one file, sent as soon as it is chosen. The server parses it safely and says whether
 * the same DocumentId had already come; either way the list is refreshed.
 */
export function ImportButton({ onImported }: { onImported: (result: ImportResult) => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const onChange: UploadProps<ImportResult>['onChange'] = ({ file }) => {
    if (file.status === 'uploading') {
      setBusy(true);
      return;
    }
    setBusy(false);
    if (file.status === 'done' && file.response) {
      const { message: m, duplicate } = file.response;
      if (duplicate) message.warning({ content: t('exchange.import.duplicate', { number: m.numberNotation, time: formatInstant(m.receivedAt) }), duration: 6 });
      else message.success({ content: receivedText(m), duration: m.status === 'pending' ? 3 : 8 });
      onImported(file.response);
    } else if (file.status === 'error') {
      message.error({ content: t('exchange.import.failed', { name: file.name, reason: reasonOf(file.response) }), duration: 10 });
    }
  };

  return (
    <Upload<ImportResult> name="file" action={IMPORT_URL} headers={csrfHeaders()} accept=".xml,.edxml,application/xml,text/xml" maxCount={1} showUploadList={false} onChange={onChange}>
      <Button type="primary" icon={<CloudUploadOutlined aria-hidden />} loading={busy}>
        {t('exchange.import')}
      </Button>
    </Upload>
  );
}
