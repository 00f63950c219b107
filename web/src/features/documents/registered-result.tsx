import { Button, Card, Result, Typography } from 'antd';
import { Link } from 'react-router';
import type { IncomingDocument } from '../../api/types';
import { t } from '../../i18n';
import { formatDay, formatInstant } from '../../lib/format';
import { incomingPath } from './document-queries';

/**
 * The arrival number, large: the clerk writes it on the paper's "ĐẾN" stamp (Decree 30/2020, App. IV).
 * "Đăng ký văn bản tiếp" has the focus, so Enter goes straight on to the next document of the pile.
 */
export function RegisteredResult({ document: d, onNext }: { document: IncomingDocument; onNext: () => void }) {
  return (
    <Card>
      <Result
        status="success"
        title={t('incoming.done.title')}
        subTitle={
          <div style={{ color: 'inherit' }}>
            <div style={{ fontSize: 16 }}>{t('document.arrivalNumber')}</div>
            <div data-testid="arrival-number" style={{ fontSize: 72, fontWeight: 700, lineHeight: 1.1, color: '#b71c1c' }}>
              {d.arrivalNumber}
            </div>
            <div>{t('incoming.done.register', { register: d.registerName ?? '', year: d.arrivalYear ?? '' })}</div>
            <div>
              {t('document.receivedAt')}: {formatInstant(d.receivedAt)}
              {d.dueDate && ` · ${t('document.dueDate')}: ${formatDay(d.dueDate)}`}
            </div>
            <Typography.Paragraph className="vps-wrap" style={{ maxWidth: 640, margin: '12px auto 0' }}>
              <Typography.Text strong>{d.numberNotation}</Typography.Text> · {formatDay(d.issuedDate)} · {d.senderName}
              <br />
              {d.typeName}: {d.subject}
            </Typography.Paragraph>
          </div>
        }
        extra={[
          <Button key="next" type="primary" size="large" autoFocus onClick={onNext}>
            {t('incoming.done.next')}
          </Button>,
          <Link key="view" to={incomingPath(d.id)}>
            <Button size="large">{t('incoming.done.view')}</Button>
          </Link>,
          <Link key="list" to="/van-ban-den">
            <Button size="large" type="link">
              {t('incoming.form.backToList')}
            </Button>
          </Link>,
        ]}
      />
    </Card>
  );
}
