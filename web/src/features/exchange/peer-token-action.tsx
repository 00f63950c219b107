import { KeyOutlined } from '@ant-design/icons';
import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../components/form-modal';
import { SecretText, ShownOnceModal } from '../../components/shown-once-modal';
import { t } from '../../i18n';
import { createToken, type CreatedToken } from './exchange-queries';

/** The address the other side sends to: this page's own origin, which is what its administrator types in. */
const thisSystem = () => window.location.origin;

function NameStep({ onClose, onCreated }: { onClose: () => void; onCreated: (c: CreatedToken) => void }) {
  const [form] = Form.useForm<{ name: string }>();
  return (
    <FormModal<{ name: string }, CreatedToken>
      title={t('exchange.peers.token.title')}
      form={form}
      okText={t('exchange.peers.token.create')}
      onCancel={onClose}
      submit={(v) => createToken(v.name)}
      onDone={onCreated}
      initialValues={{ name: t('exchange.peers.token.defaultName') }}
      width={620}
    >
      <Typography.Paragraph type="secondary">{t('exchange.peers.token.intro')}</Typography.Paragraph>
      <Form.Item name="name" label={t('exchange.peers.token.name')} rules={[{ required: true, whitespace: true, message: t('exchange.peers.token.nameRequired') }]} extra={t('exchange.peers.token.nameHelp')}>
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
    </FormModal>
  );
}

/** The token just made, this once (the server keeps only its hash), with the address the other side sends to. */
function ShownOnce({ created, onClose }: { created: CreatedToken; onClose: () => void }) {
  return (
    <ShownOnceModal
      title={t('exchange.peers.token.shownTitle')}
      warning={t('exchange.peers.token.once')}
      closeText={t('exchange.peers.token.close')}
      width={680}
      onClose={onClose}
      rows={[
        { key: 'token', label: t('exchange.peers.token.value'), children: <SecretText value={created.token} testId="exchange-new-token" /> },
        {
          key: 'url',
          label: t('exchange.peers.thisSystem'),
          children: (
            <Typography.Text className="vps-hash" copyable={{ tooltips: [t('common.copy'), t('common.copied')] }}>
              {thisSystem()}
            </Typography.Text>
          ),
        },
        { key: 'name', label: t('exchange.peers.token.name'), children: created.name },
      ]}
    />
  );
}

/** "Tạo mã truy cập cho bên kia": a token the other instance sends with, named, then shown once to copy. */
export function PeerTokenAction() {
  const [step, setStep] = useState<'closed' | 'name' | CreatedToken>('closed');
  return (
    <>
      <Button icon={<KeyOutlined aria-hidden />} onClick={() => setStep('name')}>
        {t('exchange.peers.token')}
      </Button>
      {step === 'name' && <NameStep onClose={() => setStep('closed')} onCreated={setStep} />}
      {typeof step === 'object' && <ShownOnce created={step} onClose={() => setStep('closed')} />}
    </>
  );
}
