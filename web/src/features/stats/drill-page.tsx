import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography, type TablePaginationConfig } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { t } from '../../i18n';
import { formatDay, formatInstant, formatNumber } from '../../lib/format';
import { DrillDocumentTable } from './drill-document-table';
import { DrillDossierTable } from './drill-dossier-table';
import { isDocumentDirection, isDossierMeasure, type DrillMeasure } from './drill-paths';
import { useStatsDocuments, useStatsDossiers } from './drill-queries';
import { STATS_PATH } from './stats-paths';
import { useStatsParams } from './use-stats-params';

const PAGE_SIZES = [20, 50, 100];
const OPEN_MEASURES = new Set<DrillMeasure>(['open_in_time', 'open_overdue']);

/** A positive whole number from the address, else the fallback. */
const wholeOf = (value: string | null, fallback: number, allowed?: number[]) => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && (!allowed || allowed.includes(n)) ? n : fallback;
};

/**
 * "Danh sách" behind a number of the dashboard: exactly the dossiers or documents it counts, for the same period
 * and scope (all in the address, so Back returns to the same figures and the link can be sent on).
 */
export function StatsDrillPage() {
  const [params, setParams] = useSearchParams();
  const { period, agencyId } = useStatsParams();
  const raw = params.get('do-do') ?? '';
  const measure: DrillMeasure | null = isDossierMeasure(raw) || isDocumentDirection(raw) ? raw : null;
  const page = wholeOf(params.get('trang'), 1);
  const pageSize = wholeOf(params.get('so-dong'), PAGE_SIZES[0]!, PAGE_SIZES);
  const base = useMemo(() => ({ from: period.from, to: period.to, page, pageSize, ...(agencyId ? { agencyId } : {}) }), [period.from, period.to, page, pageSize, agencyId]);
  const dossiers = useStatsDossiers(measure && isDossierMeasure(measure) ? { ...base, measure } : null);
  const documents = useStatsDocuments(measure && isDocumentDirection(measure) ? { ...base, direction: measure } : null);
  const list = measure && isDocumentDirection(measure) ? documents : dossiers;
  const d = list.data;

  const back = `${STATS_PATH}?${new URLSearchParams({ tu: period.from, den: period.to, ...(agencyId ? { 'co-quan': agencyId } : {}) }).toString()}`;
  const backButton = (
    <Link to={back}>
      <Button icon={<ArrowLeftOutlined aria-hidden />}>{t('drill.back')}</Button>
    </Link>
  );
  if (!measure) {
    return (
      <>
        <PageHeader title={t('dashboard.title')} extra={backButton} />
        <Alert type="warning" showIcon title={t('drill.badMeasure')} />
      </>
    );
  }

  const turn = (next: number, size: number) =>
    setParams(
      (p) => {
        p.set('trang', String(size === pageSize ? next : 1));
        p.set('so-dong', String(size));
        return p;
      },
      { replace: true },
    );
  const pagination: TablePaginationConfig = {
    current: page,
    pageSize,
    total: d?.total ?? 0,
    pageSizeOptions: PAGE_SIZES,
    showSizeChanger: true,
    hideOnSinglePage: false,
    onChange: turn,
  };
  const offset = (page - 1) * pageSize;
  const total = d ? formatNumber(d.total) : '…';

  return (
    <>
      <PageHeader title={t(`drill.title.${measure}`)} description={t(`drill.how.${measure}`)} extra={backButton} />
      <Flex gap={16} wrap align="baseline" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary" data-testid="drill-period">
          {d ? t('drill.periodLine', { from: formatDay(d.period.from), to: formatDay(d.period.to), scope: d.period.scopeName }) : '\u00a0'}
          {d && OPEN_MEASURES.has(measure) && ` · ${t('drill.cutoff', { cutoff: formatInstant(d.period.cutoff) })}`}
        </Typography.Text>
        <Typography.Text strong data-testid="drill-total">
          {isDocumentDirection(measure) ? t('drill.totalDocuments', { total }) : t('drill.totalDossiers', { total })}
        </Typography.Text>
      </Flex>
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {isDocumentDirection(measure) ? (
        <DrillDocumentTable direction={measure} items={documents.data?.items ?? []} loading={documents.isFetching} offset={offset} pagination={pagination} />
      ) : (
        <DrillDossierTable items={dossiers.data?.items ?? []} open={OPEN_MEASURES.has(measure)} loading={dossiers.isFetching} offset={offset} pagination={pagination} />
      )}
    </>
  );
}
