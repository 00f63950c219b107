import { Typography } from 'antd';
import { t } from '../../i18n';

/** Dossier statistics per period, agency, procedure and level at /thong-ke/ho-so. */
export function DossierStatsPage() {
  return <Typography.Title level={3}>{t('dossierStats.building')}</Typography.Title>;
}
