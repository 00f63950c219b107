import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, data } from '../../api/client';
import { CONFIDENTIALITIES, URGENCIES, type IncomingDocument } from '../../api/types';
import { t } from '../../i18n';
import { applyServerErrors } from '../../lib/form-errors';
import { leaveSelectOnTab } from '../../lib/select-keyboard';
import { includesFolded } from '../../lib/text';
import { filesReady } from '../documents/document-files-upload';
import { documentKeys, useDocumentTypes } from '../documents/document-queries';
import { CARD_STYLES, isSecret } from '../documents/register-values';
import { DraftFilesUpload } from './draft-files-upload';
import { DRAFT_FIELD_ALIASES, draftValuesOf, newDraftValues, toDraftBody, toDraftUpdate, type DraftValues } from './draft-values';
import { DraftSteps } from './draft-steps';
import { OUTGOING_PATH, outgoingPath } from './outgoing-views';
import { PersonSelect } from './person-select';
import { RecipientCodes } from './recipient-codes';
import { RecipientLegend, RecipientSelect } from './recipient-select';

const required = { required: true, message: t('common.required') };

interface OutgoingDraftFormProps {
  /** The draft being edited; a new draft without it. */
  document?: IncomingDocument;
  /** The incoming document this one answers (a new draft only). */
  replyTo?: IncomingDocument;
}

/**
 * The drafter's form, in the order of the brief of a document: what it is, what it says, how urgent and
 * secret, who signs, who receives it, then its files. Enter in a text field saves. A draft being edited
 * keeps its files: a new content file is a new version, added on the document's page.
 */
export function OutgoingDraftForm({ document: editing, replyTo }: OutgoingDraftFormProps) {
  const [form] = Form.useForm<DraftValues>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const types = useDocumentTypes();
  const [error, setError] = useState<string | null>(null);
  const secret = isSecret(Form.useWatch('confidentiality', form));
  const uploaded = (Form.useWatch('content', form)?.length ?? 0) + (Form.useWatch('attachments', form)?.length ?? 0);

  const save = useMutation({
    mutationFn: async (values: DraftValues) => {
      if (editing) {
        await data(api.PATCH('/api/documents/outgoing/{id}', { params: { path: { id: editing.id } }, body: toDraftUpdate(values) }));
        return editing.id;
      }
      return (await data(api.POST('/api/documents/outgoing', { body: toDraftBody(values, replyTo?.id) }))).id;
    },
    onSuccess: (id) => {
      void queryClient.invalidateQueries({ queryKey: documentKeys.all });
      message.success(t(editing ? 'outgoing.form.updated' : 'outgoing.form.created'));
      navigate(outgoingPath(id), { replace: Boolean(editing) });
    },
    onError: (e) => {
      setError(applyServerErrors(form, e, DRAFT_FIELD_ALIASES));
      const firstWithError = form.getFieldsError().find((f) => f.errors.length > 0);
      if (firstWithError) form.scrollToField(firstWithError.name, { block: 'center', focus: true });
    },
  });

  const cancelTo = editing ? outgoingPath(editing.id) : OUTGOING_PATH;

  return (
    <Form<DraftValues>
      form={form}
      layout="vertical"
      initialValues={editing ? draftValuesOf(editing) : newDraftValues()}
      onFinish={(values) => {
        setError(null);
        save.mutate(values);
      }}
      onFinishFailed={({ errorFields }) => errorFields[0] && form.scrollToField(errorFields[0].name, { block: 'center', focus: true })}
      onKeyDownCapture={leaveSelectOnTab}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
        <Card size="small" title={t('outgoing.form.document')} styles={CARD_STYLES}>
            {replyTo && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('outgoing.form.replyTo', { number: replyTo.numberNotation ?? '', sender: replyTo.senderName })}
                description={<span className="vps-wrap">{replyTo.subject}</span>}
              />
            )}
            <Row gutter={16}>
              <Col xs={24} sm={10}>
                <Form.Item name="typeCode" label={t('document.type')} rules={[required]}>
                  <Select
                    autoFocus
                    loading={types.isLoading}
                    showSearch={{ filterOption: (input, option) => includesFolded(`${option?.label ?? ''} ${option?.value ?? ''}`, input) }}
                    options={(types.data ?? []).map((x) => ({ value: x.code, label: x.name }))}
                    placeholder={t('incoming.form.typePlaceholder')}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={14}>
                <Form.Item name="signer" label={t('outgoing.signer')} rules={[{ required: true, message: t('outgoing.form.signerRequired') }]} extra={t('outgoing.form.signerHelp')}>
                  <PersonSelect role="leader" placeholder={t('outgoing.form.signerPlaceholder')} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="subject" label={t('document.subject')} rules={[{ ...required, whitespace: true }]}>
              <Input.TextArea
                placeholder={t('outgoing.form.subjectPlaceholder')}
                autoSize={{ minRows: 2, maxRows: 6 }}
                maxLength={500}
                showCount
                // A subject is one sentence: Enter saves, as in every other field.
                onPressEnter={(e) => {
                  e.preventDefault();
                  form.submit();
                }}
              />
            </Form.Item>
            <Row gutter={16}>
              <Col flex="none">
                <Form.Item name="urgency" label={t('document.urgency')}>
                  <Radio.Group optionType="button" options={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))} />
                </Form.Item>
              </Col>
              <Col flex="none">
                <Form.Item name="confidentiality" label={t('document.confidentiality')}>
                  <Radio.Group optionType="button" options={CONFIDENTIALITIES.map((c) => ({ value: c, label: t(`confidentiality.${c}`) }))} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="recipients" label={t('outgoing.recipients')} extra={<RecipientLegend />} style={{ marginBottom: 0 }}>
              <RecipientSelect />
            </Form.Item>
            <RecipientCodes />
          </Card>
        </Col>
        {/* The files beside the fields, so the whole form fits a 1440×900 screen; Tab reaches them after the recipients. */}
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('outgoing.form.files')} styles={CARD_STYLES}>
              {editing ? (
                <Typography.Text type="secondary">{t('outgoing.form.filesOnPage')}</Typography.Text>
              ) : secret ? (
                <Alert
                  type="info"
                  showIcon
                  data-testid="secret-no-files"
                  title={t('outgoing.form.secretNoFiles')}
                  description={[t('incoming.form.secretNoFilesDetail'), uploaded ? t('incoming.form.secretDropsFiles', { count: uploaded }) : null].filter(Boolean).join(' ')}
                />
              ) : (
                <>
                  <Form.Item name="content" label={t('outgoing.form.content')} rules={[{ validator: (_, v: DraftValues['content']) => filesReady(v) }]}>
                    <DraftFilesUpload kind="content" />
                  </Form.Item>
                  <Form.Item name="attachments" label={t('outgoing.form.attachments')} rules={[{ validator: (_, v: DraftValues['attachments']) => filesReady(v) }]} style={{ marginBottom: 0 }}>
                    <DraftFilesUpload kind="attachments" />
                  </Form.Item>
                </>
              )}
            </Card>
            <Card size="small" title={t('outgoing.steps.title')} styles={CARD_STYLES}>
              <DraftSteps />
            </Card>
          </Flex>
        </Col>
      </Row>

      {/* Sticky: the button and an error stay in view however long the form is. */}
      <div className="vps-sticky-actions">
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
        <Flex align="center" gap={12} wrap>
          <Button type="primary" htmlType="submit" size="large" loading={save.isPending}>
            {t(editing ? 'outgoing.form.saveChanges' : 'outgoing.form.submit')}
          </Button>
          <Link to={cancelTo}>
            <Button size="large">{t('common.cancel')}</Button>
          </Link>
          <Typography.Text type="secondary">{t(editing ? 'outgoing.form.saveHint' : 'outgoing.form.submitHint')}</Typography.Text>
        </Flex>
      </div>
    </Form>
  );
}
