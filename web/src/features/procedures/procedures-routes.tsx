import { Typography } from 'antd';
import { t } from '../../i18n';

/** The catalog of administrative procedures under /thu-tuc-hanh-chinh/* (its own nested routes). */
export function ProceduresModule() {
  return <Typography.Title level={3}>{t('procedures.building')}</Typography.Title>;
}

/** The public catalog under /cong-khai/thu-tuc/:tenantCode/* (no login). */
export function PublicCatalog() {
  return <Typography.Title level={3}>{t('procedures.building')}</Typography.Title>;
}
