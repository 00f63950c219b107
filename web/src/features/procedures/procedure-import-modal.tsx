import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Modal, Progress, Table, Typography, Upload, type UploadFile } from 'antd';
import { useEffect, useState } from 'react';
import { csrfHeaders } from '../../api/client';
import { t } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { IMPORT_TEMPLATE_URL, procedureKeys, useProcedureImport, type ProcedureImport } from './procedure-queries';

class ImportFailed extends Error {}

/** The file as multipart; the server answers 202 with the import's id, or refuses the file with its reason. */
async function postImport(file: File): Promise<string> {
  const body = new FormData();
  body.append('file', file, file.name);
  const res = await fetch('/api/procedures/imports', { method: 'POST', body, headers: csrfHeaders(), credentials: 'same-origin' });
  const json = (await res.json().catch(() => ({}))) as { importId?: string; detail?: string; title?: string };
  if (!res.ok || !json.importId) throw new ImportFailed(json.detail ?? json.title ?? t('common.networkError'));
  return json.importId;
}

type Rejected = ProcedureImport['rejected'][number];

/** Upload → a progress bar while the server works through the rows → the counts and the rejected rows. */
export function ProcedureImportModal({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [importId, setImportId] = useState<string | null>(null);
  const progress = useProcedureImport(importId);
  const file = files[0]?.originFileObj;
  const start = useMutation({ mutationFn: () => postImport(file!), onSuccess: setImportId });
  const report = progress.data;
  const running = start.isPending || (importId !== null && (!report || report.state === 'running'));
  useEffect(() => {
    if (report && report.state !== 'running') void queryClient.invalidateQueries({ queryKey: procedureKeys.all });
  }, [report, queryClient]);
  const percent = report && report.totalRows > 0 ? Math.floor((report.processedRows / report.totalRows) * 100) : 0;

  return (
    <Modal
      open
      width={900}
      title={t('procedures.import')}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{report && report.state !== 'running' ? t('common.close') : t('common.cancel')}</Button>
          <Button type="primary" disabled={!file || running || importId !== null} loading={start.isPending} onClick={() => start.mutate()}>
            {t('procedures.importStart')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('procedures.importDescription')}</Typography.Paragraph>
      <Flex gap={12} wrap align="flex-start" style={{ marginBottom: 12 }}>
        <Button icon={<DownloadOutlined aria-hidden />} href={IMPORT_TEMPLATE_URL}>
          {t('procedures.template')}
        </Button>
        <Upload
          accept=".xlsx,.csv"
          maxCount={1}
          fileList={files}
          disabled={importId !== null}
          beforeUpload={() => false}
          onChange={(info) => {
            setFiles(info.fileList.slice(-1));
            start.reset();
          }}
        >
          <Button icon={<UploadOutlined aria-hidden />}>{t('procedures.pickFile')}</Button>
        </Upload>
      </Flex>
      {start.error && <Alert type="error" showIcon role="alert" title={start.error instanceof ImportFailed ? start.error.message : t('common.networkError')} style={{ marginBottom: 12 }} />}
      {importId && (
        <div data-testid="import-progress">
          <Progress percent={report?.state === 'done' ? 100 : percent} status={report?.state === 'failed' ? 'exception' : report?.state === 'running' || !report ? 'active' : 'success'} />
          {report && (
            <Typography.Paragraph>
              {t('procedures.importProgress', { processed: formatNumber(report.processedRows), total: formatNumber(report.totalRows) })}
            </Typography.Paragraph>
          )}
        </div>
      )}
      {report && report.state !== 'running' && (
        <>
          <Alert
            type={report.state === 'failed' ? 'error' : report.rejected.length ? 'warning' : 'success'}
            showIcon
            role="status"
            data-testid="import-summary"
            title={t('procedures.importDone', { created: report.created, updated: report.updated, rejected: report.rejected.length })}
            description={report.error ?? undefined}
            style={{ marginBottom: 12 }}
          />
          {report.rejected.length > 0 && (
            <Table<Rejected>
              rowKey="row"
              size="small"
              pagination={report.rejected.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
              dataSource={report.rejected}
              onRow={() => ({ 'data-testid': 'import-rejected' }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('procedures.row'), dataIndex: 'row', width: 64, align: 'right' },
                { title: t('procedures.code'), dataIndex: 'code', width: 180, render: (c?: string) => c ?? '—' },
                { title: t('procedures.reason'), dataIndex: 'reason', render: (r: string) => <Typography.Text type="danger" className="vps-wrap">{r}</Typography.Text> },
              ]}
            />
          )}
        </>
      )}
    </Modal>
  );
}
