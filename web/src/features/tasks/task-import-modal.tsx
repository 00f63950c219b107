import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Modal, Table, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { csrfHeaders } from '../../api/client';
import { t } from '../../i18n';
import { formatDay } from '../../lib/format';
import { TASK_IMPORT_TEMPLATE_URL, type ImportReport } from './task-report-queries';
import { TaskSourceFields, type SourceValues } from './task-source-fields';

class ImportFailed extends Error {}

/** The file as multipart (the route takes no JSON); the server's Vietnamese reason is kept when it refuses. */
async function postImport(file: File, source: SourceValues, dryRun: boolean): Promise<ImportReport> {
  const query = new URLSearchParams({ dryRun: String(dryRun), sourceKind: source.sourceKind });
  if (source.sourceKind === 'document' && source.sourceDocumentId) query.set('documentId', source.sourceDocumentId);
  if (source.sourceKind !== 'document' && source.sourceReference) query.set('reference', source.sourceReference.trim());
  const body = new FormData();
  body.append('file', file, file.name);
  const res = await fetch(`/api/tasks/import?${query.toString()}`, { method: 'POST', body, headers: csrfHeaders(), credentials: 'same-origin' });
  const json = (await res.json().catch(() => ({}))) as ImportReport & { detail?: string; title?: string; errors?: { message: string }[] };
  if (!res.ok) throw new ImportFailed([json.detail ?? json.title ?? t('common.networkError'), ...(json.errors ?? []).map((e) => e.message)].filter((m, i, all) => all.indexOf(m) === i).join('. '));
  return json;
}

type Row = ImportReport['rows'][number];

/** Upload → the checked rows (rejected ones in red, with their reasons) → import them all at once. */
export function TaskImportModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<SourceValues>();
  const kind = Form.useWatch('sourceKind', form);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [report, setReport] = useState<ImportReport | null>(null);
  const file = files[0]?.originFileObj;
  const run = useMutation({
    mutationFn: async (dryRun: boolean) => postImport(file!, await form.validateFields(), dryRun),
    onSuccess: (r) => {
      if (r.dryRun || r.createdIds.length === 0) {
        setReport(r);
        return;
      }
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      void message.success(t('taskReport.imported', { count: r.createdIds.length }));
      onClose();
    },
    onError: () => setReport(null),
  });
  const failure = run.error instanceof ImportFailed ? run.error.message : run.error && !('errorFields' in (run.error as object)) ? t('common.networkError') : null;
  const ready = report !== null && report.rejected === 0;

  return (
    <Modal
      open
      width={980}
      title={t('taskReport.import')}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button disabled={!file} loading={run.isPending && run.variables === true} onClick={() => run.mutate(true)}>
            {t('taskReport.check')}
          </Button>
          <Button type="primary" disabled={!ready} loading={run.isPending && run.variables === false} onClick={() => run.mutate(false)}>
            {t('taskReport.importSubmit', { count: report?.valid ?? 0 })}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('taskReport.importDescription')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ sourceKind: 'meeting' }} onValuesChange={() => setReport(null)}>
        <TaskSourceFields kind={kind} />
      </Form>
      <Flex gap={12} wrap align="flex-start" style={{ marginBottom: 12 }}>
        <Button icon={<DownloadOutlined aria-hidden />} href={TASK_IMPORT_TEMPLATE_URL}>
          {t('taskReport.template')}
        </Button>
        <Upload
          accept=".xlsx"
          maxCount={1}
          fileList={files}
          beforeUpload={() => false}
          onChange={(info) => {
            setFiles(info.fileList.slice(-1));
            setReport(null);
            run.reset();
          }}
        >
          <Button icon={<UploadOutlined aria-hidden />}>{t('taskReport.pickFile')}</Button>
        </Upload>
      </Flex>
      {failure && <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 12 }} />}
      {report && (
        <>
          <Alert
            type={ready ? 'success' : 'warning'}
            showIcon
            role="status"
            data-testid="import-summary"
            title={t('taskReport.checked', { total: report.total, valid: report.valid, rejected: report.rejected })}
            description={ready ? t('taskReport.allValid') : t('taskReport.fixRejected')}
            style={{ marginBottom: 12 }}
          />
          <Table<Row>
            rowKey="row"
            size="small"
            pagination={report.rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            dataSource={report.rows}
            onRow={(r) => ({ style: r.errors.length ? { background: '#fff1f0' } : undefined, 'data-testid': r.errors.length ? 'import-rejected' : 'import-ok' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('taskReport.row'), dataIndex: 'row', width: 64, align: 'right' },
              { title: t('task.content'), dataIndex: 'content', render: (c: string) => <span className="vps-wrap">{c}</span> },
              { title: t('task.primaryAgency'), dataIndex: 'primaryAgencyName', width: 220, render: (n: string | null) => n ?? '—' },
              { title: t('task.deadline'), dataIndex: 'deadline', width: 110, render: (d: string | null) => (d ? formatDay(d) : '—') },
              {
                title: t('taskReport.reasons'),
                key: 'errors',
                width: 300,
                render: (_, r) =>
                  r.errors.length ? (
                    <Typography.Text type="danger" className="vps-wrap">
                      {r.errors.join('; ')}
                    </Typography.Text>
                  ) : (
                    <Typography.Text type="success">{t('taskReport.ok')}</Typography.Text>
                  ),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
