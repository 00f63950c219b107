import { DownOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Dropdown, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { t } from '../../i18n';
import { errorMessage } from '../../lib/form-errors';
import { incomingPath, useDocumentTypes } from '../documents/document-queries';
import { registrable } from './exchange-display';
import { registerMessage, type ExchangeMessage, type Registered } from './exchange-queries';
import { RegisterModal, typeNamed } from './register-modal';

/** The server asks for a type when the message's own is not one of Decree 30's (problem field "typeCode"). */
const asksForType = (e: unknown) => e instanceof ApiError && e.errors.some((i) => i.path.split('.').includes('typeCode'));

/**
 * The row's action. A document waiting: "Vào sổ" registers it in one click with what the message says,
 * and "Vào sổ…" (in the small menu, or alone when the message's type must be chosen) asks for the type and a
 * deadline first. Registered, or a revocation or update carried out on a registered document: the way to
 * the incoming document. A revocation waiting for its document: why not. Returned to the sender or taken
 * back by it: nothing left to do here.
 */
export function RegisterAction({ message: m, onRegistered }: { message: ExchangeMessage; onRegistered: (m: ExchangeMessage, r: Registered) => void }) {
  const { message } = App.useApp();
  const types = useDocumentTypes();
  const [dialog, setDialog] = useState(false);
  const quick = useMutation({
    mutationFn: () => registerMessage(m.id, {}),
    onSuccess: (r) => onRegistered(m, r),
    onError: (e) => (asksForType(e) ? setDialog(true) : message.error({ content: t('exchange.register.failed', { reason: errorMessage(e) }), duration: 10 })),
  });

  if ((m.status === 'registered' || m.status === 'applied') && m.documentId) return <Link to={incomingPath(m.documentId)}>{t('exchange.viewDocument')}</Link>;
  if (m.status !== 'pending') return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  if (!registrable(m)) {
    return (
      <Tooltip title={t('exchange.notRegistrableHint')}>
        <Typography.Text type="secondary" tabIndex={0} style={{ fontSize: 13 }}>
          <InfoCircleOutlined aria-hidden style={{ marginInlineEnd: 4 }} />
          {t('exchange.notRegistrable')}
        </Typography.Text>
      </Tooltip>
    );
  }
  // Until the types have come the server decides; it asks for the type if needed.
  const needsType = types.data ? !typeNamed(types.data, m.typeName) : false;
  const modal = dialog && (
    <RegisterModal
      message={m}
      onClose={() => setDialog(false)}
      onDone={(r) => {
        setDialog(false);
        onRegistered(m, r);
      }}
    />
  );

  if (needsType) {
    return (
      <>
        <Button size="small" type="primary" onClick={() => setDialog(true)}>
          {t('exchange.register.withOptions')}
        </Button>
        {modal}
      </>
    );
  }
  return (
    <>
      <Space.Compact size="small">
        <Button type="primary" loading={quick.isPending} onClick={() => quick.mutate()}>
          {t('exchange.register')}
        </Button>
        <Dropdown
          trigger={['click']}
          menu={{ items: [{ key: 'options', label: t('exchange.register.withOptions'), extra: t('exchange.register.withOptionsHint') }], onClick: () => setDialog(true) }}
        >
          <Button type="primary" icon={<DownOutlined aria-hidden />} aria-label={t('exchange.register.more')} disabled={quick.isPending} />
        </Dropdown>
      </Space.Compact>
      {modal}
    </>
  );
}
