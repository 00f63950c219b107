import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Popconfirm, Table, Tag, type TableColumnsType } from 'antd';
import { api, data } from '../../api/client';
import type { CalendarOverride } from '../../api/types';
import { t } from '../../i18n';
import { errorMessage } from '../../lib/form-errors';
import { formatDay, weekdayOf } from '../../lib/format';
import { calendarKeys } from './calendar-queries';

export function OverrideTable({ overrides, loading, manage }: { overrides: CalendarOverride[] | undefined; loading: boolean; manage: boolean }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (o: CalendarOverride) => data(api.DELETE('/api/calendar/overrides/{id}', { params: { path: { id: o.id } } })),
    onSuccess: () => {
      message.success(t('common.deleted'));
      void queryClient.invalidateQueries({ queryKey: calendarKeys.all });
    },
    onError: (e) => message.error({ content: errorMessage(e), duration: 8 }),
  });

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
      render: (_, o) => (
        <Popconfirm
          title={t('calendar.override.deleteConfirm', { date: formatDay(o.date) })}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => remove.mutateAsync(o).catch(() => undefined)}
        >
          <Button type="link" size="small" danger>
            {t('common.delete')}
          </Button>
        </Popconfirm>
      ),
    });
  }
  return (
    <Table<CalendarOverride>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={overrides}
      loading={loading}
      pagination={false}
      locale={{ emptyText: <Empty description={t('calendar.override.none')} /> }}
    />
  );
}
