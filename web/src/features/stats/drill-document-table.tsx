import { Table, Tooltip, Typography, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { Link } from 'react-router';
import { useCurrentUser } from '../../app/session';
import { t } from '../../i18n';
import { formatDay } from '../../lib/format';
import { incomingPath } from '../documents/document-queries';
import { outgoingPath } from '../outgoing/outgoing-views';
import type { DocumentDirection } from './drill-paths';
import type { StatsDocumentItem } from './drill-queries';

interface Props {
  direction: DocumentDirection;
  items: StatsDocumentItem[];
  loading: boolean;
  offset: number;
  pagination: TablePaginationConfig;
}

/**
 * The documents behind the incoming or outgoing number. A number opens the document's page where the reader's
 * grant reaches (their agency's documents, or all for a tenant-wide reader); a confidential one never opens from
 * here — only the people named on it read it, and they find it in their own lists.
 */
export function DrillDocumentTable({ direction, items, loading, offset, pagination }: Props) {
  const user = useCurrentUser();
  const scope = user.permissions['document.read'];
  const mayOpen = (d: StatsDocumentItem) => !d.confidential && (scope === 'tenant' || (scope !== undefined && d.agencyId === user.agency.id));
  const pathOf = (d: StatsDocumentItem) => (d.direction === 'incoming' ? incomingPath(d.id) : outgoingPath(d.id));
  const incoming = direction === 'incoming';

  const columns: TableColumnsType<StatsDocumentItem> = [
    { title: t('drill.col.index'), key: 'index', width: 64, align: 'right', render: (_, __, i) => offset + i + 1 },
    {
      title: t('drill.col.number'),
      key: 'number',
      width: 170,
      render: (_, d) => {
        const number = d.number ?? t('drill.noNumber');
        return mayOpen(d) ? (
          <Link to={pathOf(d)} style={{ fontWeight: 600 }}>
            {number}
          </Link>
        ) : (
          <Tooltip title={d.confidential ? t('drill.confidential') : t('drill.notYours.document')}>
            <Typography.Text>{number}</Typography.Text>
          </Tooltip>
        );
      },
    },
    ...(incoming ? [{ title: t('drill.col.arrivalNumber'), key: 'arrivalNumber', width: 90, align: 'right' as const, render: (_: unknown, d: StatsDocumentItem) => d.arrivalNumber ?? '' }] : []),
    { title: t('drill.col.subject'), key: 'subject', width: 420, render: (_, d) => d.subject ?? <Typography.Text type="secondary">{t('drill.confidential')}</Typography.Text> },
    { title: t('drill.col.agency'), dataIndex: 'agencyName', key: 'agency', width: 220 },
    ...(incoming ? [{ title: t('drill.col.sender'), dataIndex: 'senderName', key: 'sender', width: 200 }] : []),
    { title: incoming ? t('drill.col.receivedDay') : t('drill.col.issuedDay'), key: 'day', width: 120, render: (_, d) => formatDay(d.day) },
  ];
  return (
    <Table<StatsDocumentItem>
      rowKey="id"
      size="small"
      bordered
      loading={loading}
      dataSource={items}
      columns={columns}
      pagination={pagination}
      scroll={{ x: columns.reduce((w, c) => w + Number(c.width ?? 0), 0) }}
      locale={{ emptyText: t('drill.noDocuments') }}
      data-testid="drill-table"
    />
  );
}
