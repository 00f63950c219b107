import { Tag, type TableColumnsType } from 'antd';
import type { Holiday } from '../../api/types';
import { t } from '../../i18n';
import { formatDay, weekdayOf } from '../../lib/format';
import { YearListTable } from './year-list-table';

const KIND_COLOR: Record<Holiday['kind'], string> = { public: 'red', compensatory: 'orange', swap: 'purple' };

export function HolidayTable({ holidays, loading }: { holidays: Holiday[] | undefined; loading: boolean }) {
  const columns: TableColumnsType<Holiday> = [
    { title: t('calendar.date'), dataIndex: 'date', width: 110, render: (d: string) => formatDay(d) },
    { title: t('calendar.weekday'), dataIndex: 'date', key: 'weekday', width: 100, render: (d: string) => weekdayOf(d) },
    { title: t('calendar.name'), dataIndex: 'name', render: (v: string) => <span className="vps-wrap">{v}</span> },
    { title: t('calendar.kind'), dataIndex: 'kind', width: 140, responsive: ['sm'], render: (k: Holiday['kind']) => <Tag color={KIND_COLOR[k]}>{t(`calendar.kind.${k}`)}</Tag> },
  ];
  return <YearListTable<Holiday> rowKey="date" columns={columns} rows={holidays} loading={loading} emptyText={t('common.noData')} />;
}
