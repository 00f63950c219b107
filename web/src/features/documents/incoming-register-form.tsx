import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Form, Row, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError, data } from '../../api/client';
import type { IncomingDocument } from '../../api/types';
import { t } from '../../i18n';
import { applyServerErrors } from '../../lib/form-errors';
import { leaveSelectOnTab } from '../../lib/select-keyboard';
import { DocumentFieldsCard } from './document-fields-card';
import { DocumentFilesUpload, filesReady } from './document-files-upload';
import { documentKeys } from './document-queries';
import { DuplicateWarning, type DuplicateDocument } from './duplicate-warning';
import { ReceiptCard } from './receipt-card';
import { CARD_STYLES, initialValues, isSecret, SERVER_FIELD_ALIASES, toRegisterBody, type Carry, type RegisterValues } from './register-values';

interface Duplicate {
  title: string;
  detail: string;
  duplicates: DuplicateDocument[];
}

interface IncomingRegisterFormProps {
  carry?: Carry;
  onRegistered: (document: IncomingDocument, carry: Carry) => void;
}

/**
 * The clerk's registration form: the paper and its files on the left, its receipt and handling on the
 * right, so Tab reads the document first. Enter in any text field registers. Mounted afresh (by key) for
 * each document, with the carried-over channel and type.
 */
export function IncomingRegisterForm({ carry, onRegistered }: IncomingRegisterFormProps) {
  const [form] = Form.useForm<RegisterValues>();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<Duplicate | null>(null);
  const secret = isSecret(Form.useWatch('confidentiality', form));
  const dueMode = Form.useWatch('dueMode', form);
  const files = Form.useWatch('files', form);

  const register = useMutation({
    mutationFn: ({ values, confirmDuplicate }: { values: RegisterValues; confirmDuplicate: boolean }) =>
      data(api.POST('/api/documents/incoming', { body: toRegisterBody(values, { receivedAtTouched: form.isFieldTouched('receivedAt'), confirmDuplicate }) })),
    onSuccess: (document, { values }) => {
      void queryClient.invalidateQueries({ queryKey: documentKeys.all });
      onRegistered(document, { channel: values.channel, typeCode: values.typeCode });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'DUPLICATE_DOCUMENT') {
        setDuplicate({ title: e.title, detail: e.userMessage, duplicates: (e.extra.duplicates as DuplicateDocument[] | undefined) ?? [] });
        return;
      }
      setError(applyServerErrors(form, e, SERVER_FIELD_ALIASES));
      const firstWithError = form.getFieldsError().find((f) => f.errors.length > 0);
      if (firstWithError) form.scrollToField(firstWithError.name, { block: 'center', focus: true });
    },
  });

  const submit = (values: RegisterValues, confirmDuplicate = false) => {
    setError(null);
    register.mutate({ values, confirmDuplicate });
  };

  return (
    <Form<RegisterValues>
      form={form}
      layout="vertical"
      initialValues={initialValues(carry)}
      onFinish={(values) => submit(values)}
      onFinishFailed={({ errorFields }) => errorFields[0] && form.scrollToField(errorFields[0].name, { block: 'center', focus: true })}
      // A changed form is a different document: the earlier duplicate warning no longer applies to it.
      onValuesChange={() => duplicate && setDuplicate(null)}
      onKeyDownCapture={leaveSelectOnTab}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <DocumentFieldsCard form={form} />
            <Card size="small" title={t('incoming.form.files')} styles={CARD_STYLES}>
              {secret ? (
                <Alert
                  type="info"
                  showIcon
                  data-testid="secret-no-files"
                  title={t('incoming.form.secretNoFiles')}
                  description={[t('incoming.form.secretNoFilesDetail'), files?.length ? t('incoming.form.secretDropsFiles', { count: files.length }) : null].filter(Boolean).join(' ')}
                />
              ) : (
                <Form.Item name="files" rules={[{ validator: (_, v: RegisterValues['files']) => filesReady(v) }]} style={{ marginBottom: 0 }}>
                  <DocumentFilesUpload />
                </Form.Item>
              )}
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <ReceiptCard secret={secret} dueMode={dueMode} />
        </Col>
      </Row>

      {/* Sticky: the button, and a duplicate warning or error, stay in view however long the form is. */}
      <div className="vps-sticky-actions">
        {duplicate && (
          <DuplicateWarning
            {...duplicate}
            confirming={register.isPending}
            onConfirm={() => void form.validateFields().then((values) => submit(values, true))}
            onDismiss={() => setDuplicate(null)}
          />
        )}
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
        <Flex align="center" gap={12} wrap>
          {/* Disabled while a duplicate is shown: a reflexive second Enter must not register it. */}
          <Button type="primary" htmlType="submit" size="large" loading={register.isPending && !duplicate} disabled={Boolean(duplicate)}>
            {t('incoming.form.submit')}
          </Button>
          <Link to="/van-ban-den">
            <Button size="large">{t('incoming.form.backToList')}</Button>
          </Link>
          <Typography.Text type="secondary">{t('incoming.form.submitHint')}</Typography.Text>
        </Flex>
      </div>
    </Form>
  );
}
