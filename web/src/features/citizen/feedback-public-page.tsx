import { DislikeOutlined, LikeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Form, Input, List, Result, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { t, type MessageKey } from '../../i18n';
import { applyServerErrors, errorMessage } from '../../lib/form-errors';
import { formatInstant, formatNumber } from '../../lib/format';
import { includesFolded } from '../../lib/text';
import { FEEDBACK_KINDS, FEEDBACK_STATE_COLORS, rateFeedbackAnswer, submitFeedback, supplyFeedbackInfo, useFeedbackFollow, usePublicAgencies, usePublishedFeedback, type FeedbackBody, type PublicFeedback } from './citizen-queries';

function SendTab({ tenantCode }: { tenantCode: string }) {
  const [form] = Form.useForm<FeedbackBody>();
  const [error, setError] = useState<string | null>(null);
  const agencies = usePublicAgencies(tenantCode);
  const mutation = useMutation({
    mutationFn: (v: FeedbackBody) => submitFeedback(tenantCode, { ...v, dossierCode: v.dossierCode?.trim() || undefined, sender: { ...v.sender, email: v.sender.email || undefined } }),
    onError: (e) => setError(applyServerErrors(form, e)),
  });
  if (mutation.data) return <Result status="success" title={t('citizen.feedback.sent')} subTitle={t('citizen.feedback.sentHelp', { code: mutation.data.code })} extra={<Typography.Text copyable strong>{mutation.data.code}</Typography.Text>} />;
  const required = { required: true, whitespace: true, message: t('citizen.submit.required') };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ kind: 'procedure' }}
      onFinish={(v) => {
        setError(null);
        mutation.mutate(v);
      }}
      scrollToFirstError={{ focus: true }}
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form.Item name="kind" label={t('citizen.feedback.kind')}>
        <Select options={FEEDBACK_KINDS.map((k) => ({ value: k, label: t(`citizen.feedback.kind.${k}` as MessageKey) }))} />
      </Form.Item>
      <Form.Item name="dossierCode" label={t('citizen.feedback.dossierCode')}>
        <Input maxLength={80} />
      </Form.Item>
      <Form.Item name="agencyId" label={t('citizen.feedback.agency')}>
        <Select allowClear loading={agencies.isLoading} showSearch={{ filterOption: (input, option) => includesFolded(String(option?.label ?? ''), input) }} options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))} />
      </Form.Item>
      <Form.Item name={['sender', 'name']} label={t('citizen.feedback.senderName')} rules={[required]}>
        <Input autoComplete="name" maxLength={200} />
      </Form.Item>
      <Form.Item name={['sender', 'phone']} label={t('citizen.feedback.senderPhone')} rules={[required]}>
        <Input inputMode="tel" autoComplete="tel" maxLength={20} />
      </Form.Item>
      <Form.Item name={['sender', 'email']} label={t('citizen.feedback.senderEmail')}>
        <Input type="email" autoComplete="email" maxLength={200} />
      </Form.Item>
      <Form.Item name={['sender', 'address']} label={t('citizen.feedback.senderAddress')}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="title" label={t('citizen.feedback.titleField')} rules={[required]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="content" label={t('citizen.feedback.content')} rules={[required]}>
        <Input.TextArea rows={5} maxLength={5000} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
        {t('citizen.feedback.send')}
      </Button>
    </Form>
  );
}

function FollowResult({ tenantCode, query, f, refetch }: { tenantCode: string; query: { code: string; phone: string }; f: PublicFeedback; refetch: () => void }) {
  const [supplyForm] = Form.useForm<{ content: string }>();
  const supply = useMutation({ mutationFn: (v: { content: string }) => supplyFeedbackInfo(tenantCode, { ...query, content: v.content }), onSuccess: refetch, onError: (e) => applyServerErrors(supplyForm, e) });
  const rate = useMutation({ mutationFn: (satisfied: boolean) => rateFeedbackAnswer(tenantCode, { ...query, satisfied }), onSuccess: refetch });
  return (
    <Card style={{ marginTop: 16 }}>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'state', label: t('citizen.lookup.status'), children: <Tag color={FEEDBACK_STATE_COLORS[f.state]}>{f.stateLabel}</Tag> },
          { key: 'title', label: t('citizen.feedback.titleField'), children: f.title },
          ...(f.agencyName ? [{ key: 'agency', label: t('citizen.desk.agency'), children: f.agencyName }] : []),
          { key: 'sent', label: t('citizen.lookup.submittedAt'), children: formatInstant(f.submittedAt) },
          { key: 'content', label: t('citizen.feedback.content'), children: <span className="vps-wrap">{f.content}</span> },
          ...(f.response ? [{ key: 'response', label: t('citizen.feedback.response'), children: <span className="vps-wrap">{f.response}</span> }] : []),
          ...(f.respondedAt ? [{ key: 'at', label: t('citizen.feedback.respondedAt'), children: formatInstant(f.respondedAt) }] : []),
        ]}
      />
      {f.canSupply && (
        <Form form={supplyForm} layout="vertical" onFinish={(v) => supply.mutate(v)} style={{ marginTop: 16 }}>
          <Form.Item name="content" label={t('citizen.feedback.supplyContent')} rules={[{ required: true, whitespace: true, message: t('citizen.submit.required') }]}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={supply.isPending}>
            {t('citizen.feedback.supply')}
          </Button>
        </Form>
      )}
      {f.canRate && (
        <Space wrap style={{ marginTop: 16 }}>
          <Typography.Text strong>{t('citizen.feedback.rateAnswer')}</Typography.Text>
          <Button icon={<LikeOutlined aria-hidden />} loading={rate.isPending} onClick={() => rate.mutate(true)}>
            {t('citizen.rating.like')}
          </Button>
          <Button icon={<DislikeOutlined aria-hidden />} loading={rate.isPending} onClick={() => rate.mutate(false)}>
            {t('citizen.rating.dislike')}
          </Button>
        </Space>
      )}
      {f.satisfied !== null && <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('citizen.feedback.ratedAnswer', { value: t(f.satisfied ? 'citizen.rating.like' : 'citizen.rating.dislike') })} />}
      {rate.isError && <Alert type="error" showIcon style={{ marginTop: 16 }} title={errorMessage(rate.error)} />}
    </Card>
  );
}

function FollowTab({ tenantCode }: { tenantCode: string }) {
  const [query, setQuery] = useState<{ code: string; phone: string } | null>(null);
  const follow = useFeedbackFollow(tenantCode, query);
  const notFound = follow.error instanceof ApiError && follow.error.status === 404;
  return (
    <>
      <Form layout="vertical" onFinish={(v: { code: string; phone: string }) => setQuery({ code: v.code.trim().toUpperCase(), phone: v.phone.trim() })}>
        <Form.Item name="code" label={t('citizen.feedback.code')} rules={[{ required: true, whitespace: true, message: t('citizen.submit.required') }]}>
          <Input placeholder="PAKN-…" autoComplete="off" />
        </Form.Item>
        <Form.Item name="phone" label={t('citizen.feedback.senderPhone')} rules={[{ required: true, whitespace: true, message: t('citizen.submit.required') }]}>
          <Input inputMode="tel" autoComplete="tel" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={follow.isFetching}>
          {t('citizen.feedback.follow')}
        </Button>
      </Form>
      {follow.isError && <Alert type={notFound ? 'warning' : 'error'} showIcon role="alert" title={errorMessage(follow.error)} style={{ marginTop: 16 }} />}
      {follow.data && query && <FollowResult tenantCode={tenantCode} query={query} f={follow.data} refetch={() => void follow.refetch()} />}
    </>
  );
}

function PublishedTab({ tenantCode }: { tenantCode: string }) {
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = usePublishedFeedback(tenantCode, q, page, 10);
  return (
    <>
      <Input.Search
        aria-label={t('citizen.feedback.search')}
        placeholder={t('citizen.feedback.search')}
        allowClear
        enterButton
        onSearch={(v) => {
          setQ(v.trim());
          setPage(1);
        }}
        style={{ marginBottom: 12 }}
      />
      <List
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty /> }}
        pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage, showTotal: (total) => t('citizen.feedback.count', { count: formatNumber(total) }), size: 'small' }}
        renderItem={(f) => (
          <List.Item key={f.code}>
            <div style={{ width: '100%' }}>
              <Typography.Text strong>{f.title}</Typography.Text>
              <div>
                <Typography.Text type="secondary">
                  {f.code} · {formatInstant(f.submittedAt)}
                  {f.agencyName ? ` · ${f.agencyName}` : ''}
                </Typography.Text>
              </div>
              <Typography.Paragraph className="vps-wrap" ellipsis={{ rows: 3, expandable: true }} style={{ marginTop: 4 }}>
                {f.content}
              </Typography.Paragraph>
              <Alert type="success" title={`${t('citizen.feedback.answer')} (${formatInstant(f.publishedAt)})`} description={<span className="vps-wrap">{f.answer}</span>} />
            </div>
          </List.Item>
        )}
      />
      {list.isError && <Alert type="error" showIcon title={errorMessage(list.error)} />}
    </>
  );
}

/** Send a feedback or petition, follow it with its code and phone, read the published answers. */
export function FeedbackPublicPage({ tenantCode }: { tenantCode: string }) {
  return (
    <Card>
      <Tabs
        items={[
          { key: 'send', label: t('citizen.feedback.tabSend'), children: <SendTab tenantCode={tenantCode} /> },
          { key: 'follow', label: t('citizen.feedback.tabFollow'), children: <FollowTab tenantCode={tenantCode} /> },
          { key: 'published', label: t('citizen.feedback.tabPublished'), children: <PublishedTab tenantCode={tenantCode} /> },
        ]}
      />
    </Card>
  );
}
