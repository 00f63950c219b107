import { FileExcelOutlined, ImportOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Flex, Row, Segmented, Spin, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useCan } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { t } from '../../i18n';
import { DATE_FORMAT, dayjs, formatDay, todayInVietnam } from '../../lib/format';
import { AgencySelect } from '../org/agency-select';
import { IndexGroupsChart } from './index-groups-chart';
import { IndexIndicators } from './index-indicators';
import { IndexLists } from './index-lists';
import { IndexSnapshotsChart } from './index-snapshots-chart';
import { IndexUnits } from './index-units';
import { RankingImportModal } from './ranking-import-modal';
import { gradeColor, points } from './stats-format';
import { PERIOD_MODES, PICKER_FORMAT, periodOf, type PeriodMode } from './stats-period';
import { serviceIndexExportUrl, useServiceIndex, useServiceIndexSnapshots } from './stats-queries';
import type { ServiceIndexResponse } from './stats-types';
import { useStatsParams } from './use-stats-params';

function Summary({ s }: { s: ServiceIndexResponse }) {
  const r = s.ranking;
  return (
    <Card style={{ height: '100%' }}>
      <Typography.Text type="secondary">{t('index766.total')}</Typography.Text>
      <Flex align="baseline" gap={12} wrap>
        <span style={{ fontSize: 48, fontWeight: 700, lineHeight: 1.1 }} data-testid="index-total">
          {points(s.total)}
        </span>
        <Typography.Text type="secondary">{t('index766.ofHundred')}</Typography.Text>
        {s.grade && (
          <Tag color={gradeColor(s.grade)} style={{ fontSize: 16, padding: '2px 10px' }} data-testid="index-grade">
            {s.grade}
          </Tag>
        )}
      </Flex>
      <div style={{ marginTop: 16 }} data-testid="index-rank">
        {r.rank !== null ? (
          <>
            <Typography.Text type="secondary">{t('index766.nationalRank', { asOf: formatDay(r.rankingAsOf) })}</Typography.Text>
            <div style={{ fontSize: 28, fontWeight: 600 }}>{t('dashboard.fig.rankOf', { rank: r.rank, of: r.rankOf ?? '—' })}</div>
            {r.nationalScore !== null && <Typography.Text type="secondary">{t('index766.nationalScore', { points: points(r.nationalScore) })}</Typography.Text>}
          </>
        ) : (
          <Typography.Text type="secondary">{t('index766.noRanking')}</Typography.Text>
        )}
      </div>
      <Typography.Paragraph type="secondary" style={{ margin: '16px 0 0', fontSize: 12 }}>
        {t('index766.configVersion', { version: s.configVersion })}
      </Typography.Paragraph>
    </Card>
  );
}

/**
 * The service index of Decision 766/QĐ-TTg computed from the system's own data: the total and grade with the
 * national rank beside it, the 6 groups, every indicator, what to work on, each unit, and the months' trend.
 */
export function ServiceIndexPage() {
  const can = useCan();
  const { period: linked, periodGiven, agencyId, update } = useStatsParams(() => periodOf('month', dayjs(todayInVietnam()), [dayjs(), dayjs()]));
  // A link from the dashboard brings its own range: shown as a custom period.
  const [mode, setMode] = useState<PeriodMode>(periodGiven ? 'custom' : 'month');
  const [anchor, setAnchor] = useState<Dayjs>(() => dayjs(todayInVietnam()));
  const [importing, setImporting] = useState(false);
  const range: [Dayjs, Dayjs] = [dayjs(linked.from), dayjs(linked.to)];
  const period = mode === 'custom' ? linked : periodOf(mode, anchor, range);
  const query = useMemo(() => ({ from: period.from, to: period.to, ...(agencyId ? { agencyId } : {}) }), [period.from, period.to, agencyId]);
  const index = useServiceIndex(query);
  const snapshots = useServiceIndexSnapshots(agencyId);
  const s = index.data;

  const changeMode = (m: PeriodMode) => {
    // Custom starts from what was shown, so switching does not jump to another range.
    if (m === 'custom') update({ period });
    setMode(m);
  };

  return (
    <>
      <PageHeader
        title={t('index766.title')}
        description={t('index766.description')}
        extra={
          <>
            {can('stats.manage') && (
              <Button icon={<ImportOutlined aria-hidden />} onClick={() => setImporting(true)}>
                {t('index766.ranking.open')}
              </Button>
            )}
            <Button type="primary" icon={<FileExcelOutlined aria-hidden />} href={serviceIndexExportUrl(query)}>
              {t('dashboard.exportExcel')}
            </Button>
          </>
        }
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('dashboard.period')}</Typography.Text>
        <Segmented<PeriodMode> value={mode} onChange={changeMode} options={PERIOD_MODES.map((m) => ({ value: m, label: t(`index766.mode.${m}`) }))} aria-label={t('dashboard.period')} />
        {mode === 'custom' ? (
          <DatePicker.RangePicker value={range} format={DATE_FORMAT} allowClear={false} onChange={(v) => v?.[0] && v[1] && update({ period: { from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') } })} aria-label={t('index766.mode.custom')} />
        ) : (
          <DatePicker picker={mode} value={anchor} allowClear={false} format={PICKER_FORMAT[mode]} onChange={(v) => v && setAnchor(v)} aria-label={t(`index766.mode.${mode}`)} />
        )}
        <AgencySelect value={agencyId ?? null} onChange={(v) => update({ agencyId: v })} placeholder={t('dashboard.wholeProvince')} aria-label={t('dashboard.scope')} style={{ width: 300 }} />
      </Flex>
      <Typography.Paragraph type="secondary" data-testid="period-line" style={{ marginBottom: 16 }}>
        {s ? t('dashboard.periodLine', { from: formatDay(s.period.from), to: formatDay(s.period.to), days: s.period.workingDays, scope: s.period.scopeName }) : '\u00a0'}
      </Typography.Paragraph>

      {index.isError && <QueryError error={index.error} onRetry={() => void index.refetch()} />}
      {!s ? (
        !index.isError && <Spin size="large" style={{ display: 'block', margin: '48px auto' }} />
      ) : (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} lg={8}>
              <Summary s={s} />
            </Col>
            <Col xs={24} lg={16}>
              <Card size="small" title={t('index766.groups')} style={{ height: '100%' }}>
                <IndexGroupsChart groups={s.groups} />
              </Card>
            </Col>
          </Row>
          <IndexLists weakest={s.weakest} improvements={s.improvements} />
          <Card size="small" title={t('index766.indicators')} style={{ marginBottom: 16 }}>
            <IndexIndicators groups={s.groups} />
          </Card>
          {!agencyId && (
            <Card size="small" title={t('index766.units')} style={{ marginBottom: 16 }}>
              <IndexUnits units={s.units} onScope={(id) => update({ agencyId: id })} />
            </Card>
          )}
        </>
      )}
      <Card size="small" title={t('index766.snapshots.title')} extra={<Typography.Text type="secondary">{t('index766.snapshots.hint')}</Typography.Text>}>
        {snapshots.isError ? (
          <QueryError error={snapshots.error} onRetry={() => void snapshots.refetch()} />
        ) : snapshots.data && snapshots.data.items.length > 0 ? (
          <IndexSnapshotsChart items={snapshots.data.items} />
        ) : (
          <Typography.Text type="secondary">{snapshots.isPending ? t('app.loading') : t('index766.snapshots.empty')}</Typography.Text>
        )}
      </Card>
      {importing && <RankingImportModal onClose={() => setImporting(false)} />}
    </>
  );
}
