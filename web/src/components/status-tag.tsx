import { Tag } from 'antd';
import { t } from '../i18n';

export const StatusTag = ({ active }: { active: boolean }) => <Tag color={active ? 'green' : 'default'}>{t(active ? 'common.active' : 'common.inactive')}</Tag>;
