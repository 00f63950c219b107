import { DesktopOutlined, FileExcelOutlined, FileTextOutlined, FullscreenExitOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Space, Spin, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useCan } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { t } from '../../i18n';
import { DATE_FORMAT, dayjs, formatDay, formatInstant, toIsoDate, todayInVietnam } from '../../lib/format';
import { AgencySelect } from '../org/agency-select';
import { DashboardAgencies } from './dashboard-agencies';
import { drillTargets } from './dashboard-drill';
import { DashboardFigures } from './dashboard-figures';
import { DashboardTrendChart } from './dashboard-trend-chart';
import { ReportModal } from './report-modal';
import { dashboardExportUrl, useOfficeDashboard } from './stats-queries';
import { PRESETS, presetOf } from './stats-period';
import { useStatsParams } from './use-stats-params';
import { useTvMode } from './use-tv-mode';

const TV_BOX = { position: 'fixed', inset: 0, zIndex: 1000, overflow: 'auto', background: '#071a2e', padding: '24px 32px', color: '#fff' } as const;

/** The clock of the TV screen, to the minute. */
function useNow(active: boolean): string {
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(new Date().toISOString()), 15_000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/**
 * "Bảng điều hành": every figure of the seed article for any period, the province or one agency, with the
 * months' trend and the agencies side by side; each number opens the list behind it.
 */
export function DashboardPage() {
  const can = useCan();
  const { period, agencyId, update } = useStatsParams();
  const box = useRef<HTMLDivElement>(null);
  const { tv, enter, exit } = useTvMode(box);
  const [reporting, setReporting] = useState(false);
  const query = useMemo(() => ({ from: period.from, to: period.to, ...(agencyId ? { agencyId } : {}) }), [period.from, period.to, agencyId]);
  const dashboard = useOfficeDashboard(query, { live: tv });
  const now = useNow(tv);
  const d = dashboard.data;
  const drill = useMemo(() => drillTargets(can, period, agencyId), [can, period, agencyId]);
  const active = presetOf(period);

  const periodLine = d && t('dashboard.periodLine', { from: formatDay(d.period.from), to: formatDay(d.period.to), days: d.period.workingDays, scope: d.period.scopeName });
  const onMonth = (month: string) => {
    const start = dayjs(`${month}-01`);
    const end = toIsoDate(start.endOf('month'));
    update({ period: { from: toIsoDate(start), to: end > todayInVietnam() ? todayInVietnam() : end } });
  };

  return (
    <div ref={box} style={tv ? TV_BOX : undefined} data-testid={tv ? 'tv-mode' : undefined}>
      {tv ? (
        <Flex justify="space-between" align="flex-start" gap={16} style={{ marginBottom: 20 }}>
          <div>
            <Typography.Title level={1} style={{ color: '#fff', margin: 0, fontSize: 44 }}>
              {t('dashboard.title')} · {d?.period.scopeName ?? ''}
            </Typography.Title>
            <Typography.Text style={{ color: '#b7c7db', fontSize: 24 }}>{d && t('dashboard.tv.period', { from: formatDay(d.period.from), to: formatDay(d.period.to), days: d.period.workingDays })}</Typography.Text>
          </div>
          <Flex vertical align="flex-end" gap={6}>
            <span style={{ fontSize: 44, fontWeight: 600 }}>{formatInstant(now, 'HH:mm')}</span>
            <Typography.Text style={{ color: '#b7c7db', fontSize: 18 }}>
              {t('dashboard.tv.updated', { time: formatInstant(new Date(dashboard.dataUpdatedAt || Date.now()).toISOString(), 'HH:mm:ss') })}
            </Typography.Text>
            <Button icon={<FullscreenExitOutlined aria-hidden />} onClick={exit} ghost>
              {t('dashboard.tv.exit')}
            </Button>
          </Flex>
        </Flex>
      ) : (
        <>
          <PageHeader
            title={t('dashboard.title')}
            description={t('dashboard.description')}
            extra={
              <>
                <Button icon={<DesktopOutlined aria-hidden />} onClick={enter}>
                  {t('dashboard.tv.enter')}
                </Button>
                <Button icon={<FileTextOutlined aria-hidden />} onClick={() => setReporting(true)}>
                  {t('dashboard.report.open')}
                </Button>
                <Button type="primary" icon={<FileExcelOutlined aria-hidden />} href={dashboardExportUrl(query)}>
                  {t('dashboard.exportExcel')}
                </Button>
              </>
            }
          />
          <Flex gap={12} wrap align="center" style={{ marginBottom: 8 }}>
            <Typography.Text strong>{t('dashboard.period')}</Typography.Text>
            <DatePicker.RangePicker
              aria-label={t('dashboard.period')}
              format={DATE_FORMAT}
              allowClear={false}
              value={[dayjs(period.from), dayjs(period.to)]}
              onChange={(v) => v?.[0] && v[1] && update({ period: { from: toIsoDate(v[0]), to: toIsoDate(v[1]) } })}
            />
            <Space wrap size={6}>
              {PRESETS.map((p) => (
                <Button key={p.key} size="small" type={active === p.key ? 'primary' : 'default'} aria-pressed={active === p.key} onClick={() => update({ period: p.range() })}>
                  {t(p.label)}
                </Button>
              ))}
            </Space>
            <AgencySelect value={agencyId ?? null} onChange={(v) => update({ agencyId: v })} placeholder={t('dashboard.wholeProvince')} aria-label={t('dashboard.scope')} style={{ width: 300 }} />
          </Flex>
          <Typography.Paragraph type="secondary" data-testid="period-line" style={{ marginBottom: 16 }}>
            {periodLine ?? '\u00a0'}
          </Typography.Paragraph>
        </>
      )}

      {dashboard.isError && <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
      {!d ? (
        !dashboard.isError && <Spin size="large" style={{ display: 'block', margin: '48px auto' }} />
      ) : (
        <>
          <DashboardFigures data={d} drill={drill} tv={tv} />
          <Card
            size="small"
            title={<span style={tv ? { color: '#ffd666', fontSize: 24 } : undefined}>{t('dashboard.trend.title')}</span>}
            extra={!tv && <Typography.Text type="secondary">{t('dashboard.trend.hint')}</Typography.Text>}
            style={{ marginBottom: 16, ...(tv ? { background: '#0f2741', borderColor: '#1d3f66' } : {}) }}
          >
            {d.months.length > 0 ? <DashboardTrendChart months={d.months} tv={tv} onMonth={tv ? undefined : onMonth} /> : <Typography.Text type="secondary">{t('dashboard.trend.empty')}</Typography.Text>}
          </Card>
          {!tv && (
            <Card size="small" title={t('dashboard.agencies.title')} extra={<Typography.Text type="secondary">{t('dashboard.agencies.hint')}</Typography.Text>}>
              <DashboardAgencies rows={d.agencies} period={period} onScope={(id) => update({ agencyId: id })} />
            </Card>
          )}
        </>
      )}
      {reporting && <ReportModal period={period} onClose={() => setReporting(false)} />}
    </div>
  );
}
