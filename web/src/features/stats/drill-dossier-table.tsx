import { Table, Tooltip, Typography, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { Link } from 'react-router';
import { useCurrentUser } from '../../app/session';
import { t } from '../../i18n';
import { formatInstant } from '../../lib/format';
import { DossierStatusTag, OutcomeTag } from '../dossiers/dossier-display';
import { dossierPath } from '../dossiers/dossier-paths';
import type { StatsDossierItem } from './drill-queries';

interface Props {
  items: StatsDossierItem[];
  /** open at the cut-off: nothing has ended, so no end or outcome columns */
  open: boolean;
  loading: boolean;
  /** the number of the first row on this page, minus one */
  offset: number;
  pagination: TablePaginationConfig;
}

/**
 * The dossiers behind a number. A code opens the dossier page only where the server would show it: to a tenant-wide
 * reader, or to a reader of an agency that received, handles or holds the dossier (the dossiers module's policy;
 * a step assigned to the reader personally is the one case left out, and its page still opens from the queues).
 */
export function DrillDossierTable({ items, open, loading, offset, pagination }: Props) {
  const user = useCurrentUser();
  const scope = user.permissions['dossier.read'];
  const mayOpen = (d: StatsDossierItem) => scope === 'tenant' || (scope !== undefined && [d.handlingAgencyId, d.receivingAgencyId, d.currentAgencyId].includes(user.agency.id));

  const columns: TableColumnsType<StatsDossierItem> = [
    { title: t('drill.col.index'), key: 'index', width: 64, align: 'right', render: (_, __, i) => offset + i + 1 },
    {
      title: t('drill.col.code'),
      key: 'code',
      width: 190,
      render: (_, d) => {
        const code = d.code ?? '—';
        return mayOpen(d) ? (
          <Link to={dossierPath(d.id)} style={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
            {code}
          </Link>
        ) : (
          <Tooltip title={t('drill.notYours.dossier')}>
            <Typography.Text style={{ whiteSpace: 'nowrap' }}>{code}</Typography.Text>
          </Tooltip>
        );
      },
    },
    { title: t('drill.col.procedure'), dataIndex: 'procedureName', key: 'procedure', width: 320 },
    { title: t('drill.col.applicant'), dataIndex: 'applicantName', key: 'applicant', width: 180 },
    { title: t('drill.col.handlingAgency'), dataIndex: 'handlingAgencyName', key: 'agency', width: 200 },
    { title: t('drill.col.receivedAt'), key: 'receivedAt', width: 140, render: (_, d) => formatInstant(d.receivedAt) },
    { title: t('drill.col.appointmentAt'), key: 'appointmentAt', width: 140, render: (_, d) => formatInstant(d.appointmentAt) },
    ...(open
      ? []
      : [
          { title: t('drill.col.endedAt'), key: 'endedAt', width: 140, render: (_: unknown, d: StatsDossierItem) => formatInstant(d.endedAt) },
          { title: t('drill.col.outcome'), key: 'outcome', width: 110, render: (_: unknown, d: StatsDossierItem) => (d.outcome ? <OutcomeTag outcome={d.outcome} /> : null) },
        ]),
    { title: t('drill.col.status'), key: 'status', width: 170, render: (_, d) => <DossierStatusTag status={d.status} /> },
  ];
  return (
    <Table<StatsDossierItem>
      rowKey="id"
      size="small"
      bordered
      loading={loading}
      dataSource={items}
      columns={columns}
      pagination={pagination}
      scroll={{ x: columns.reduce((w, c) => w + Number(c.width ?? 0), 0) }}
      locale={{ emptyText: t('drill.noDossiers') }}
      data-testid="drill-table"
    />
  );
}
