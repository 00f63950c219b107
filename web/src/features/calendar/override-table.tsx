import { useQueryClient } from '@tanstack/react-query';
import { Tag, type TableColumnsType } from 'antd';
import { api, data } from '../../api/client';
import type { CalendarOverride } from '../../api/types';
import { ConfirmDeleteButton } from '../../components/row-actions';
import { t } from '../../i18n';
import { formatDay, weekdayOf } from '../../lib/format';
import { useDeleteMutation } from '../../lib/use-delete-mutation';
import { calendarKeys } from './calendar-queries';
import { YearListTable } from './year-list-table';

export function OverrideTable({ overrides, loading, manage }: { overrides: CalendarOverride[] | undefined; loading: boolean; manage: boolean }) {
  const queryClient = useQueryClient();
  const remove = useDeleteMutation(
    (o: CalendarOverride) => data(api.DELETE('/api/calendar/overrides/{id}', { params: { path: { id: o.id } } })),
    () => void queryClient.invalidateQueries({ queryKey: calendarKeys.all }),
  );

  const columns: TableColumnsType<CalendarOverride> = [
    {
      title: t('calendar.date'),
      dataIndex: 'date',
      width: 120,
      render: (d: string) => (
        <>
          {formatDay(d)}
          <br />
          <span style={{ color: '#6b7280', fontSize: 12 }}>{weekdayOf(d)}</span>
        </>
      ),
    },
    {
      title: t('calendar.override.name'),
      dataIndex: 'name',
      render: (v: string, o) => (
        <>
          <Tag color={o.kind === 'day_off' ? 'purple' : 'green'}>{t(`calendar.override.kind.${o.kind}`)}</Tag>
          <div className="vps-wrap" style={{ marginTop: 4 }}>
            {v}
          </div>
        </>
      ),
    },
  ];
  if (manage) {
    columns.push({
      key: 'actions',
      width: 70,
      render: (_, o) => <ConfirmDeleteButton title={t('calendar.override.deleteConfirm', { date: formatDay(o.date) })} onConfirm={() => remove.mutateAsync(o)} />,
    });
  }
  return <YearListTable<CalendarOverride> rowKey="id" columns={columns} rows={overrides} loading={loading} emptyText={t('calendar.override.none')} />;
}
