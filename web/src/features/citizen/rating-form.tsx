import { DislikeOutlined, LikeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Radio, Rate, Typography } from 'antd';
import { useState } from 'react';
import { t, type MessageKey } from '../../i18n';
import { applyServerErrors } from '../../lib/form-errors';
import { RATING_CRITERIA, rateDossier, type RateBody } from './citizen-queries';

interface RatingValues {
  satisfied: boolean;
  criteria: Partial<Record<(typeof RATING_CRITERIA)[number], number>>;
  comment?: string;
}

/** Like/dislike, the criteria scored 1–5 (each optional), a comment: sent once, after the result. */
export function RatingForm({ tenantCode, code, contact, onDone }: { tenantCode: string; code: string; contact: string; onDone: () => void }) {
  const [form] = Form.useForm<RatingValues>();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (v: RatingValues) => {
      // a criterion left at 0 stars is not scored
      const criteria = Object.fromEntries(Object.entries(v.criteria ?? {}).filter(([, s]) => typeof s === 'number' && s > 0)) as RateBody['criteria'];
      return rateDossier(tenantCode, { code, contact, satisfied: v.satisfied, criteria, comment: v.comment?.trim() || undefined });
    },
    onSuccess: onDone,
    onError: (e) => setError(applyServerErrors(form, e)),
  });
  return (
    <Card title={t('citizen.rating.title')} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('citizen.rating.help')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)}>
        <Form.Item name="satisfied" label={t('citizen.rating.satisfied')} rules={[{ required: true, message: t('citizen.rating.satisfiedRequired') }]}>
          <Radio.Group optionType="button" buttonStyle="solid" size="large">
            <Radio.Button value={true}>
              <LikeOutlined aria-hidden /> {t('citizen.rating.like')}
            </Radio.Button>
            <Radio.Button value={false}>
              <DislikeOutlined aria-hidden /> {t('citizen.rating.dislike')}
            </Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Typography.Text strong>{t('citizen.rating.criteria')}</Typography.Text>
        <div className="vps-citizen-criteria" style={{ margin: '8px 0 16px' }}>
          {RATING_CRITERIA.map((c) => (
            <Form.Item key={c} name={['criteria', c]} label={t(`citizen.criteria.${c}` as MessageKey)} style={{ marginBottom: 4, gridColumn: '1 / -1' }}>
              <Rate aria-label={t(`citizen.criteria.${c}` as MessageKey)} />
            </Form.Item>
          ))}
        </div>
        <Form.Item name="comment" label={t('citizen.rating.comment')}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
          {t('citizen.rating.submit')}
        </Button>
      </Form>
    </Card>
  );
}
