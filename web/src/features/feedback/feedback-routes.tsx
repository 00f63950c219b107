import { Typography } from 'antd';
import { t } from '../../i18n';

/** Officers' handling of feedback and petitions under /phan-anh-kien-nghi/* (its own nested routes). */
export function FeedbackModule() {
  return <Typography.Title level={3}>{t('citizen.building')}</Typography.Title>;
}
