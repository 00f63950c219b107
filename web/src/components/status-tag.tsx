import { Tag, type TableColumnType } from 'antd';
import { t } from '../i18n';

export const StatusTag = ({ active }: { active: boolean }) => <Tag color={active ? 'green' : 'default'}>{t(active ? 'common.active' : 'common.inactive')}</Tag>;

/** The active/inactive column of a list whose records can be switched off without being deleted. */
export function statusColumn<T extends { active: boolean }>(): TableColumnType<T> {
  return { title: t('common.status'), dataIndex: 'active', width: 140, responsive: ['sm'], render: (v: boolean) => <StatusTag active={v} /> };
}
