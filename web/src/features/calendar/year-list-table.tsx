import { Empty, Table, type TableProps } from 'antd';

interface YearListTableProps<T> extends Pick<TableProps<T>, 'rowKey' | 'columns'> {
  rows: T[] | undefined;
  loading: boolean;
  emptyText: string;
}

/** One of a year's short lists (holidays, adjustments) inside a card: compact rows and no pager, since a year holds a few dozen at most. */
export function YearListTable<T extends object>({ rowKey, columns, rows, loading, emptyText }: YearListTableProps<T>) {
  return <Table<T> rowKey={rowKey} size="small" columns={columns} dataSource={rows} loading={loading} pagination={false} locale={{ emptyText: <Empty description={emptyText} /> }} />;
}
