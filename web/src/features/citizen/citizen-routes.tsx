import { Typography } from 'antd';
import { t } from '../../i18n';

/** The citizens' pages under /cong-khai/dich-vu-cong/:tenantCode/* (no login): lookup, rating, feedback, online submission. */
export function CitizenPortal() {
  return <Typography.Title level={3}>{t('citizen.building')}</Typography.Title>;
}
