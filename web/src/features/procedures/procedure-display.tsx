import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Table, Tag, Typography } from 'antd';
import { t, type MessageKey } from '../../i18n';
import { formatNumber } from '../../lib/format';
import './procedures.css';
import type { ComponentForm, Level, OnlineService, Procedure, StepRole, Subject, TimeUnit } from './procedure-queries';

export const levelLabel = (l: Level) => t(`procedures.level.${l}` as MessageKey);
export const unitLabel = (u: TimeUnit) => t(`procedures.unit.${u}` as MessageKey);
export const onlineLabel = (o: OnlineService) => t(`procedures.online.${o}` as MessageKey);
export const roleLabel = (r: StepRole) => t(`procedures.role.${r}` as MessageKey);
export const formLabel = (f: ComponentForm) => t(`procedures.form.${f}` as MessageKey);
export const subjectLabel = (s: Subject) => t(`procedures.subject.${s}` as MessageKey);

/** "3 ngày làm việc", "0,5 ngày làm việc", "4 giờ làm việc". */
export const formatLimit = (limit: number, unit: TimeUnit) => `${formatNumber(limit)} ${unitLabel(unit)}`;
export const formatMoney = (amount: number) => (amount === 0 ? t('procedures.free') : t('procedures.money', { amount: formatNumber(amount) }));
export const formatHours = (hours: number) => t('procedures.hours', { hours: formatNumber(hours) });

export function OnlineTag({ kind }: { kind: OnlineService }) {
  const color = kind === 'full' ? 'green' : kind === 'partial' ? 'blue' : 'default';
  return <Tag color={color}>{onlineLabel(kind)}</Tag>;
}

type Component = Procedure['components'][number];

/** Thành phần hồ sơ: name, original or copy, how many, and the form to download when there is one. */
export function ComponentsTable({ components, templateHref }: { components: Component[]; templateHref?: (c: Component) => string }) {
  return (
    <Table<Component>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={components}
      locale={{ emptyText: t('procedures.noComponents') }}
      columns={[
        { title: t('procedures.position'), dataIndex: 'position', width: 48, align: 'right' },
        {
          title: t('procedures.componentName'),
          key: 'name',
          render: (_, c) => (
            <div className="vps-wrap">
              {c.name}
              <div className="vps-xs-only">
                <Typography.Text type="secondary">{t('procedures.formCopies', { form: formLabel(c.form), copies: c.copies })}</Typography.Text>
              </div>
              {!c.required && (
                <Tag style={{ marginLeft: 6 }} color="default">
                  {t('procedures.optional')}
                </Tag>
              )}
              {c.templateName && (
                <div>
                  {c.templateFileId && templateHref ? (
                    <Typography.Link href={templateHref(c)} download>
                      <DownloadOutlined aria-hidden /> {c.templateName}
                    </Typography.Link>
                  ) : (
                    <Typography.Text type="secondary">{t('procedures.templateNamed', { name: c.templateName })}</Typography.Text>
                  )}
                </div>
              )}
            </div>
          ),
        },
        { title: t('procedures.componentForm'), dataIndex: 'form', width: 150, responsive: ['sm'], render: (f: ComponentForm) => formLabel(f) },
        { title: t('procedures.copies'), dataIndex: 'copies', width: 80, align: 'right', responsive: ['sm'] },
      ]}
    />
  );
}

type Fee = Procedure['fees'][number];

export function FeesTable({ fees }: { fees: Fee[] }) {
  if (fees.length === 0) return <Typography.Text type="secondary">{t('procedures.noFees')}</Typography.Text>;
  return (
    <Table<Fee>
      rowKey={(f) => `${f.kind}-${f.name}`}
      size="small"
      pagination={false}
      dataSource={fees}
      columns={[
        { title: t('procedures.feeKind'), dataIndex: 'kind', width: 90, render: (k: Fee['kind']) => t(`procedures.feeKind.${k}` as MessageKey) },
        { title: t('procedures.feeName'), key: 'name', render: (_, f) => <div className="vps-wrap">{f.name}{f.note && <div><Typography.Text type="secondary">{f.note}</Typography.Text></div>}</div> },
        { title: t('procedures.feeAmount'), dataIndex: 'amount', width: 140, align: 'right', render: (a: number) => formatMoney(a) },
      ]}
    />
  );
}

type Step = Procedure['steps'][number];

/** The internal process with each step's budget, and the sum against the time limit. */
export function StepsTable({ steps, countedHours, limitHours }: { steps: Pick<Step, 'name' | 'role' | 'budgetHours' | 'notCounted'>[]; countedHours: number; limitHours: number | null }) {
  return (
    <>
      <Table
        rowKey={(_, i) => String(i)}
        size="small"
        pagination={false}
        dataSource={steps}
        columns={[
          { title: t('procedures.position'), key: 'i', width: 48, align: 'right', render: (_, __, i) => i + 1 },
          { title: t('procedures.stepName'), dataIndex: 'name', render: (n: string) => <span className="vps-wrap">{n}</span> },
          { title: t('procedures.stepRole'), dataIndex: 'role', width: 130, render: (r: StepRole) => roleLabel(r) },
          { title: t('procedures.budget'), key: 'budget', width: 150, align: 'right', render: (_, s) => (s.notCounted ? <Tag>{t('procedures.notCounted')}</Tag> : formatHours(s.budgetHours)) },
        ]}
      />
      <SumCheck countedHours={countedHours} limitHours={limitHours} />
    </>
  );
}

export function SumCheck({ countedHours, limitHours }: { countedHours: number; limitHours: number | null }) {
  if (limitHours === null) return <Alert style={{ marginTop: 8 }} type="info" showIcon title={t('procedures.sumCalendar', { sum: formatNumber(countedHours) })} />;
  const ok = Math.abs(countedHours - limitHours) < 0.005;
  return (
    <Alert
      style={{ marginTop: 8 }}
      type={ok ? 'success' : 'error'}
      showIcon
      role="status"
      data-testid="steps-sum"
      title={t(ok ? 'procedures.sumOk' : 'procedures.sumMismatch', { sum: formatNumber(countedHours), limit: formatNumber(limitHours) })}
    />
  );
}
