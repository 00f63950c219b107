import type { UseQueryResult } from '@tanstack/react-query';
import { Empty, Table, type TableProps } from 'antd';
import { t, type MessageKey } from '../i18n';
import { formatNumber } from '../lib/format';
import type { Paging } from '../lib/use-paging';
import { QueryError } from './query-error';

interface PagedTableProps<T> extends Pick<TableProps<T>, 'columns' | 'expandable' | 'onRow' | 'rowClassName'> {
  list: UseQueryResult<{ items: T[]; total: number }>;
  paging: Paging;
  /** Whether a search or filter is set: an empty list then means "no match", not "nothing yet". */
  filtered: boolean;
  /** The catalog key of the total under the table, e.g. 'agency.count' → "120 cơ quan". */
  countKey: MessageKey;
  pageSizeOptions?: number[];
  /** What an unfiltered empty list says, when "no data" is too vague (e.g. "Chưa có văn bản đến"). */
  emptyText?: string;
}

/** A server-paginated list: why it failed to load (with a retry), the rows, and the pager with the total. */
export function PagedTable<T extends { id: string }>({ list, paging, filtered, countKey, pageSizeOptions = [20, 50, 100], emptyText, columns, expandable, onRow, rowClassName }: PagedTableProps<T>) {
  return (
    <>
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <Table<T>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        expandable={expandable}
        onRow={onRow}
        rowClassName={rowClassName}
        locale={{ emptyText: <Empty description={filtered ? t('common.noMatch') : (emptyText ?? t('common.noData'))} /> }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions,
          showTotal: (total) => t(countKey, { count: formatNumber(total) }),
          onChange: paging.change,
        }}
      />
    </>
  );
}
