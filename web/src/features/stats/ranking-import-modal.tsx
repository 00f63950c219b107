import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Flex, Form, Modal, Typography, Upload, type UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { t } from '../../i18n';
import { errorMessage } from '../../lib/form-errors';
import { DATE_FORMAT, dayjs, formatDay, toIsoDate, todayInVietnam } from '../../lib/format';
import { points } from './stats-format';
import { importNationalRanking } from './stats-queries';

/**
 * The national ranking of the 34 provinces as the portal publishes it (columns "Hạng", "Tỉnh, thành phố",
 * "Điểm"), so the province's rank shows beside the score the system computes.
 */
export function RankingImportModal({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [asOf, setAsOf] = useState<Dayjs>(() => dayjs(todayInVietnam()));
  const file = files[0]?.originFileObj;
  const run = useMutation({
    mutationFn: () => importNationalRanking(file!, toIsoDate(asOf)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['stats'] }),
  });
  const result = run.data;

  return (
    <Modal
      open
      title={t('index766.ranking.title')}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        result ? (
          <Button type="primary" onClick={onClose}>
            {t('common.close')}
          </Button>
        ) : (
          <Flex justify="flex-end" gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" disabled={!file} loading={run.isPending} onClick={() => run.mutate()}>
              {t('index766.ranking.submit')}
            </Button>
          </Flex>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('index766.ranking.help')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('index766.ranking.asOf')} htmlFor="ranking-as-of">
          <DatePicker id="ranking-as-of" format={DATE_FORMAT} allowClear={false} value={asOf} onChange={(v) => v && setAsOf(v)} disabled={Boolean(result)} />
        </Form.Item>
        <Form.Item label={t('index766.ranking.file')}>
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => {
              setFiles(fileList.slice(-1));
              run.reset();
            }}
            disabled={Boolean(result)}
          >
            <Button icon={<UploadOutlined aria-hidden />}>{t('index766.ranking.choose')}</Button>
          </Upload>
        </Form.Item>
      </Form>
      {run.isError && <Alert type="error" showIcon role="alert" title={errorMessage(run.error)} />}
      {result && (
        <Alert
          type={result.own ? 'success' : 'warning'}
          showIcon
          data-testid="ranking-result"
          title={t('index766.ranking.done', { rows: result.rows, asOf: formatDay(result.asOf) })}
          description={result.own ? t('index766.ranking.own', { name: result.own.name, rank: result.own.rank, of: result.rows, score: points(result.own.score) }) : t('index766.ranking.ownMissing')}
        />
      )}
    </Modal>
  );
}
