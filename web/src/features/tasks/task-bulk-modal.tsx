import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError, data } from '../../api/client';
import type { Body } from '../../api/types';
import { t } from '../../i18n';
import type { Dayjs } from 'dayjs';
import { DATE_FORMAT, toIsoDate, todayInVietnam } from '../../lib/format';
import { usePeople } from '../org/org-queries';
import { agencyFilter, sourceBody, TaskSourceFields, useAllAgencyOptions, type SourceValues } from './task-source-fields';

type Priority = Body<'createTasksBulk'>['items'][number]['priority'];
interface ItemValues {
  content?: string;
  primaryAgencyId?: string;
  primaryUserId?: string;
  coordinatingAgencyIds?: string[];
  dueInWorkingDays?: number | null;
  dueDate?: Dayjs | null;
  priority: NonNullable<Priority>;
  expectedResult?: string;
}
interface Values extends SourceValues {
  items: ItemValues[];
}

const NEW_ITEM: ItemValues = { priority: 'normal', dueInWorkingDays: 10 };

function PersonSelect({ id, value, onChange, agencyId }: { id?: string; value?: string; onChange?: (v: string | undefined) => void; agencyId: string | undefined }) {
  const people = usePeople({ agencyId, limit: 100 }, Boolean(agencyId));
  return <Select id={id} value={value} onChange={onChange} allowClear disabled={!agencyId} showSearch={{ filterOption: agencyFilter }} options={(people.data?.items ?? []).map((p) => ({ value: p.id, label: p.fullName }))} placeholder={t('task.primaryUserPlaceholder')} />;
}

/** "body.items.1.content" → ['items', 1, 'content']: the server names each item by its index. */
function fieldName(path: string): (string | number)[] {
  const parts = path.split('.').filter((p, i) => !(i === 0 && p === 'body'));
  if (parts[0] === 'source') return [parts[1] === 'documentId' ? 'sourceDocumentId' : 'sourceReference'];
  return parts.slice(0, 3).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** The tasks of one conclusion notice in one go: one source, several items; all or none are given. */
export function TaskBulkModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch('sourceKind', form);
  const items = Form.useWatch('items', form) ?? [];
  const agencies = useAllAgencyOptions();
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      data(
        api.POST('/api/tasks/bulk', {
          body: {
            source: sourceBody(v),
            items: v.items.map((i) => ({
              content: i.content ?? '',
              primaryAgencyId: i.primaryAgencyId!,
              primaryUserId: i.primaryUserId || undefined,
              coordinatingAgencyIds: i.coordinatingAgencyIds ?? [],
              ...(i.dueDate ? { dueDate: toIsoDate(i.dueDate) } : { dueInWorkingDays: i.dueInWorkingDays ?? undefined }),
              priority: i.priority,
              expectedResult: i.expectedResult?.trim() || undefined,
            })),
          },
        }),
      ),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      void message.success(t('taskReport.bulkDone', { count: r.created.length }));
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.errors.length) form.setFields(e.errors.map((i) => ({ name: fieldName(i.path) as never, errors: [i.message] })));
      setError(e instanceof ApiError ? e.userMessage : t('common.networkError'));
    },
  });

  return (
    <Modal
      open
      width={920}
      title={t('taskReport.bulk')}
      okText={t('taskReport.bulkSubmit', { count: items.length })}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('taskReport.bulkDescription')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ sourceKind: 'meeting', items: [NEW_ITEM, NEW_ITEM] }}
        scrollToFirstError={{ focus: true }}
        onFinish={(v) => {
          setError(null);
          mutation.mutate(v);
        }}
      >
        <TaskSourceFields kind={kind} />
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <Flex vertical gap={12}>
              {fields.map((field, n) => (
                <Card
                  key={field.key}
                  size="small"
                  title={t('taskReport.item', { n: n + 1 })}
                  data-testid="bulk-item"
                  extra={fields.length > 1 && <Button type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('taskReport.removeItem')} onClick={() => remove(field.name)} />}
                >
                  <Form.Item name={[field.name, 'content']} label={t('task.content')} rules={[{ required: true, whitespace: true, message: t('task.contentRequired') }]}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={4000} />
                  </Form.Item>
                  <Flex gap={12} wrap>
                    <Form.Item name={[field.name, 'primaryAgencyId']} label={t('task.primaryAgency')} rules={[{ required: true, message: t('task.primaryAgencyRequired') }]} style={{ flex: '2 1 260px' }}>
                      <Select showSearch={{ filterOption: agencyFilter }} options={agencies.options} loading={agencies.loading} onChange={() => form.setFieldValue(['items', field.name, 'primaryUserId'], undefined)} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'primaryUserId']} label={t('task.primaryUser')} style={{ flex: '1 1 200px' }}>
                      <PersonSelect agencyId={items[field.name]?.primaryAgencyId} />
                    </Form.Item>
                  </Flex>
                  <Form.Item name={[field.name, 'coordinatingAgencyIds']} label={t('task.coordinators')}>
                    <Select mode="multiple" showSearch={{ filterOption: agencyFilter }} options={agencies.options.filter((o) => o.value !== items[field.name]?.primaryAgencyId)} placeholder={t('task.coordinatorsPlaceholder')} />
                  </Form.Item>
                  <Flex gap={12} wrap>
                    <Form.Item
                      name={[field.name, 'dueInWorkingDays']}
                      label={t('taskReport.dueDays')}
                      dependencies={[['items', field.name, 'dueDate']]}
                      rules={[{ validator: (_, days) => (days || form.getFieldValue(['items', field.name, 'dueDate']) ? Promise.resolve() : Promise.reject(new Error(t('taskReport.dueRequired')))) }]}
                    >
                      <InputNumber min={1} max={365} style={{ width: 150 }} onChange={(d) => d && form.setFieldValue(['items', field.name, 'dueDate'], null)} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'dueDate']} label={t('taskReport.dueDate')}>
                      <DatePicker format={DATE_FORMAT} disabledDate={(d) => toIsoDate(d) < todayInVietnam()} onChange={(d) => d && form.setFieldValue(['items', field.name, 'dueInWorkingDays'], null)} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'priority']} label={t('task.priority')}>
                      <Select style={{ width: 130 }} options={(['normal', 'high', 'urgent'] as const).map((p) => ({ value: p, label: t(`task.priority.${p}`) }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'expectedResult']} label={t('task.expectedResult')} style={{ flex: '1 1 200px' }}>
                      <Input maxLength={2000} />
                    </Form.Item>
                  </Flex>
                </Card>
              ))}
              <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add(NEW_ITEM)}>
                {t('taskReport.addItem')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
