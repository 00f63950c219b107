import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { t } from '../i18n';

export function NotFoundPage() {
  return (
    <Result
      status="404"
      title={t('common.notFound')}
      subTitle={t('common.notFoundDetail')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
