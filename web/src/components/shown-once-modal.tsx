import { Alert, Button, Descriptions, Modal, Typography, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { t } from '../i18n';

/**
 * A secret the server shows this once (an API token: it keeps only its hash), with what goes with it.
 * Closing loses it for good, so the dialog closes only by its button: a click beside it or Escape cannot
 * throw the secret away.
 */
export function ShownOnceModal({ title, warning, closeText, rows, width = 700, onClose }: { title: ReactNode; warning: ReactNode; closeText: ReactNode; rows: DescriptionsProps['items']; width?: number; onClose: () => void }) {
  return (
    <Modal
      open
      title={title}
      width={width}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose}>
          {closeText}
        </Button>
      }
    >
      <Alert type="warning" showIcon role="alert" title={warning} style={{ marginBottom: 16 }} />
      <Descriptions size="small" column={1} bordered styles={{ label: { width: 150 } }} items={rows} />
    </Modal>
  );
}

/** The secret itself, in a fixed-width face, with a copy button. */
export function SecretText({ value, testId }: { value: string; testId: string }) {
  return (
    <Typography.Text data-testid={testId} className="vps-hash" copyable={{ text: value, tooltips: [t('common.copy'), t('common.copied')] }} style={{ wordBreak: 'break-all' }}>
      {value}
    </Typography.Text>
  );
}
