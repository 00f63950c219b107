import { Col, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { t } from '../../i18n';
import { formatDay } from '../../lib/format';
import type { DrillKey } from './dashboard-drill';
import { FigureCard } from './figure-card';
import { count, gradeColor, percent, points } from './stats-format';
import type { OfficeDashboard } from './stats-types';

const RED = '#cf1322';
const GREEN = '#389e0d';

interface Props {
  data: OfficeDashboard;
  drill: Partial<Record<DrillKey, string>>;
  tv: boolean;
}

function Section({ title, tv, children }: { title: string; tv: boolean; children: ReactNode }) {
  return (
    <section style={{ marginBottom: tv ? 20 : 16 }} aria-label={title}>
      <Typography.Title level={5} style={{ margin: '0 0 8px', fontSize: tv ? 24 : 16, color: tv ? '#ffd666' : undefined }}>
        {title}
      </Typography.Title>
      <Row gutter={[12, 12]}>{children}</Row>
    </section>
  );
}

// Six figures to a row on a laptop and on the TV alike; the three wide cards (with their breakdowns) three.
const cell = (node: ReactNode, key: string, wide = false) => (
  <Col key={key} xs={24} sm={12} lg={wide ? 12 : 6} xl={wide ? 8 : 4}>
    {node}
  </Col>
);

/** Every figure of the seed article for the period, each a link to the list behind it. */
export function DashboardFigures({ data: d, drill, tv }: Props) {
  const { documents: doc, meetings: m, tasks: tk, procedures: p, dossiers: ds, serviceIndex: si } = d;
  return (
    <>
      <Section title={t('dashboard.section.documentsMeetings')} tv={tv}>
        {cell(<FigureCard tv={tv} testId="fig-incoming" title={t('dashboard.fig.incoming')} value={count(doc.incoming)} to={drill.incoming} />, 'incoming')}
        {cell(<FigureCard tv={tv} testId="fig-outgoing" title={t('dashboard.fig.outgoing')} value={count(doc.outgoing)} to={drill.outgoing} />, 'outgoing')}
        {cell(
          <FigureCard
            tv={tv}
            testId="fig-electronic"
            title={t('dashboard.fig.electronic')}
            value={percent(doc.electronicRate)}
            to={drill.incoming}
            items={[{ label: t('dashboard.fig.signed'), value: percent(doc.signedRate), to: drill.outgoing, testId: 'fig-signed' }]}
          />,
          'electronic',
        )}
        {cell(
          <FigureCard
            tv={tv}
            testId="fig-meetings"
            title={t('dashboard.fig.meetings')}
            value={count(m.total)}
            to={drill.meetings}
            items={[{ label: t('dashboard.fig.perWorkingDay', { days: d.period.workingDays }), value: m.perWorkingDay === null ? '—' : count(m.perWorkingDay), testId: 'fig-per-day' }]}
          />,
          'meetings',
        )}
        {cell(
          <FigureCard
            tv={tv}
            testId="fig-online"
            title={t('dashboard.fig.online')}
            value={count(m.online)}
            to={drill.meetings}
            items={[{ label: t('dashboard.fig.sites'), value: count(m.connectedSites), to: drill.meetings, testId: 'fig-sites' }]}
          />,
          'online',
        )}
        {cell(<FigureCard tv={tv} testId="fig-delegations" title={t('dashboard.fig.delegations')} value={count(m.delegations)} to={drill.delegations} />, 'delegations')}
      </Section>

      <Section title={t('dashboard.section.tasksProcedures')} tv={tv}>
        {cell(
          <FigureCard
            tv={tv}
            testId="fig-tasks"
            title={t('dashboard.fig.tasks')}
            value={count(tk.assigned)}
            to={drill.tasks}
            items={[
              { label: t('dashboard.fig.tasksOnTime'), value: count(tk.doneOnTime), to: drill.tasks, color: GREEN, testId: 'fig-tasks-on-time' },
              { label: t('dashboard.fig.tasksLate'), value: count(tk.doneLate), to: drill.tasks, testId: 'fig-tasks-late' },
              { label: t('dashboard.fig.tasksOverdue'), value: count(tk.overdue), to: drill.tasksOverdue, color: tk.overdue > 0 ? RED : undefined, testId: 'fig-tasks-overdue' },
              { label: t('dashboard.fig.tasksInProgress'), value: count(tk.inProgress), to: drill.tasks, testId: 'fig-tasks-in-progress' },
              { label: t('dashboard.fig.onTimeRateLabel'), value: percent(tk.onTimeRate), testId: 'fig-tasks-rate' },
            ]}
          />,
          'tasks',
          true,
        )}
        {cell(
          <FigureCard
            tv={tv}
            testId="fig-procedures"
            title={t('dashboard.fig.procedures')}
            value={count(p.published)}
            to={drill.procedures}
            items={[
              { label: t('dashboard.fig.provinceLevel'), value: count(p.provinceLevel), to: drill.procedures, testId: 'fig-procedures-province' },
              { label: t('dashboard.fig.communeLevel'), value: count(p.communeLevel), to: drill.procedures, testId: 'fig-procedures-commune' },
            ]}
          />,
          'procedures',
          true,
        )}
        {cell(
          <FigureCard
            tv={tv}
            testId="fig-index"
            title={t('dashboard.fig.index')}
            value={points(si.total)}
            to={drill.serviceIndex}
            suffix={si.grade && <Tag color={gradeColor(si.grade)} style={{ fontSize: tv ? 20 : 14, padding: tv ? '4px 10px' : undefined }} data-testid="fig-index-grade">{si.grade}</Tag>}
            items={[
              si.rank !== null
                ? { label: t('dashboard.fig.rank', { asOf: formatDay(si.rankingAsOf) }), value: t('dashboard.fig.rankOf', { rank: si.rank, of: si.rankOf ?? '—' }), to: drill.serviceIndex, testId: 'fig-rank' }
                : { label: t('dashboard.fig.rankShort'), value: t('dashboard.fig.noRanking'), testId: 'fig-rank' },
              ...(si.nationalScore !== null ? [{ label: t('dashboard.fig.nationalScore'), value: points(si.nationalScore), testId: 'fig-national-score' }] : []),
            ]}
          />,
          'index',
          true,
        )}
      </Section>

      <Section title={t('dashboard.section.dossiers')} tv={tv}>
        {cell(
          <FigureCard
            tv={tv}
            testId="fig-received"
            title={t('dashboard.fig.received')}
            value={count(ds.received)}
            to={drill.received}
            items={[{ label: t('dashboard.fig.receivedOnline'), value: `${count(ds.online)} (${percent(ds.onlineRate)})`, to: drill.receivedOnline, testId: 'fig-received-online' }]}
          />,
          'received',
        )}
        {cell(
          <FigureCard
            tv={tv}
            testId="fig-resolved"
            title={t('dashboard.fig.resolved')}
            value={count(ds.resolved)}
            to={drill.resolved}
            items={[{ label: t('dashboard.fig.averageDays'), value: ds.averageDays === null ? '—' : t('dashboard.fig.days', { days: count(ds.averageDays) }), testId: 'fig-average-days' }]}
          />,
          'resolved',
        )}
        {cell(
          <FigureCard
            tv={tv}
            testId="fig-on-time"
            title={t('dashboard.fig.resolvedOnTime')}
            value={count(ds.early + ds.onTime)}
            color={GREEN}
            to={drill.resolvedInTime}
            items={[
              { label: t('dashboard.fig.early'), value: count(ds.early), to: drill.early, testId: 'fig-early' },
              { label: t('dashboard.fig.onTimeOnly'), value: count(ds.onTime), to: drill.onTime, testId: 'fig-on-time-only' },
              { label: t('dashboard.fig.onTimeRateLabel'), value: percent(ds.onTimeRate), testId: 'fig-on-time-rate' },
            ]}
          />,
          'onTime',
        )}
        {cell(<FigureCard tv={tv} testId="fig-late" title={t('dashboard.fig.late')} value={count(ds.late)} color={ds.late > 0 ? RED : undefined} to={drill.late} />, 'late')}
        {cell(
          <FigureCard
            tv={tv}
            testId="fig-open-overdue"
            title={t('dashboard.fig.openOverdue')}
            value={count(ds.openOverdue)}
            color={ds.openOverdue > 0 ? RED : undefined}
            to={drill.openOverdue}
            items={[{ label: t('dashboard.fig.openInTime'), value: count(ds.openInTime), to: drill.openInTime, testId: 'fig-open-in-time' }]}
          />,
          'openOverdue',
        )}
        {cell(<FigureCard tv={tv} testId="fig-digitized" title={t('dashboard.fig.digitized')} value={percent(ds.digitizedRate)} to={drill.dossierRates} />, 'digitized')}
      </Section>
    </>
  );
}
