import { Typography } from 'antd';
import { t } from '../../i18n';

/** The one-stop dossiers under /ho-so-mot-cua/* (counter, queues, detail; its own nested routes). */
export function DossiersModule() {
  return <Typography.Title level={3}>{t('dossiers.building')}</Typography.Title>;
}
