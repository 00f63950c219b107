import { Alert, Button, Flex } from 'antd';
import { Link } from 'react-router';
import { t } from '../../i18n';
import { formatInstant } from '../../lib/format';
import { incomingPath } from './document-queries';

export interface DuplicateDocument {
  id: string;
  arrivalNumber: number;
  arrivalYear: number;
  receivedAt: string;
}

interface DuplicateWarningProps {
  /** The server's title and detail ("Văn bản 12/STC-NS ngày … đã được đăng ký với số đến 3/2026"). */
  title: string;
  detail: string;
  duplicates: DuplicateDocument[];
  confirming: boolean;
  onConfirm: () => void;
  onDismiss: () => void;
}

/**
 * The same document often arrives twice (by post and electronically, or resent). The clerk compares with
 * the earlier registration, opened in another tab so the form is kept, and either goes back or registers
 * it anyway. Nothing is focused here: a reflexive second Enter must not register a duplicate.
 */
export function DuplicateWarning({ title, detail, duplicates, confirming, onConfirm, onDismiss }: DuplicateWarningProps) {
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid="duplicate-warning"
      title={title}
      description={
        <>
          <div className="vps-wrap">{detail}</div>
          <div style={{ marginTop: 4 }}>{t('incoming.duplicate.earlier')}</div>
          <ul style={{ margin: '2px 0 0', paddingInlineStart: 20 }}>
            {duplicates.map((d) => (
              <li key={d.id}>
                <Link to={incomingPath(d.id)} target="_blank" rel="noopener">
                  {t('incoming.duplicate.item', { number: d.arrivalNumber, year: d.arrivalYear, time: formatInstant(d.receivedAt) })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      }
      action={
        <Flex vertical gap={8}>
          <Button type="primary" danger loading={confirming} onClick={onConfirm}>
            {t('incoming.duplicate.confirm')}
          </Button>
          <Button onClick={onDismiss}>{t('incoming.duplicate.review')}</Button>
        </Flex>
      }
      style={{ marginBottom: 12 }}
    />
  );
}
