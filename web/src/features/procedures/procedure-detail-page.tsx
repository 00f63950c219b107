import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Spin, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useCan, useCurrentUser } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { t } from '../../i18n';
import { formatDay } from '../../lib/format';
import { ComponentsTable, FeesTable, formatLimit, levelLabel, OnlineTag, StepsTable, subjectLabel } from './procedure-display';
import { ProcedureFormModal } from './procedure-form-modal';
import { PROCEDURES_PATH, templateUrl, useProcedure, type Procedure } from './procedure-queries';

/** Text as published, line breaks kept. */
const Multiline = ({ text }: { text: string }) => (text ? <div style={{ whiteSpace: 'pre-line' }}>{text}</div> : <>—</>);

export function ProcedureRecord({ p }: { p: Omit<Procedure, 'steps' | 'countedHours' | 'limitHours' | 'active' | 'createdAt' | 'updatedAt'> }) {
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} styles={{ label: { width: 200 } }}>
      <Descriptions.Item label={t('procedures.code')}>{p.code}</Descriptions.Item>
      <Descriptions.Item label={t('procedures.field')}>{p.field}</Descriptions.Item>
      <Descriptions.Item label={t('procedures.level')}>{levelLabel(p.level)}</Descriptions.Item>
      <Descriptions.Item label={t('procedures.timeLimit')}>
        <strong>{formatLimit(p.timeLimit, p.timeUnit)}</strong>
      </Descriptions.Item>
      <Descriptions.Item label={t('procedures.competentAgency')}>{p.competentAgencyName}</Descriptions.Item>
      <Descriptions.Item label={t('procedures.receivingAgency')}>{p.receivingAgencyName}</Descriptions.Item>
      <Descriptions.Item label={t('procedures.subjects')}>{p.subjects.map(subjectLabel).join(', ')}</Descriptions.Item>
      <Descriptions.Item label={t('procedures.onlineService')}>
        <OnlineTag kind={p.onlineService} />
      </Descriptions.Item>
      <Descriptions.Item label={t('procedures.result')} span={2}>
        {p.result}{' '}
        {p.resultPaper && <Tag>{t('procedures.resultPaper')}</Tag>}
        {p.resultElectronic && <Tag color="blue">{t('procedures.resultElectronic')}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label={t('procedures.method')} span={2}>
        <Multiline text={p.method} />
      </Descriptions.Item>
      <Descriptions.Item label={t('procedures.sequence')} span={2}>
        <Multiline text={p.sequence} />
      </Descriptions.Item>
      <Descriptions.Item label={t('procedures.requirements')} span={2}>
        <Multiline text={p.requirements} />
      </Descriptions.Item>
      <Descriptions.Item label={t('procedures.legalBasis')} span={2}>
        <Multiline text={p.legalBasis} />
        {p.legalEffectiveDate && <div>{t('procedures.effectiveFrom', { date: formatDay(p.legalEffectiveDate) })}</div>}
      </Descriptions.Item>
      <Descriptions.Item label={t('procedures.publicationDecision')}>
        {p.publicationDecision ? `${p.publicationDecision}${p.publicationDecisionDate ? ` (${formatDay(p.publicationDecisionDate)})` : ''}` : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('procedures.publishedOn')}>{p.publishedOn ? formatDay(p.publishedOn) : '—'}</Descriptions.Item>
    </Descriptions>
  );
}

/** One procedure for officers: the record, components, fees, and the internal process against the limit. */
export function ProcedureDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const can = useCan();
  const user = useCurrentUser();
  const [editing, setEditing] = useState(false);
  const query = useProcedure(id);
  const p = query.data;
  if (query.isLoading) return <Spin />;
  if (!p) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      <PageHeader
        title={p.name}
        description={!p.active ? <Tag color="red">{t('procedures.inactive')}</Tag> : undefined}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate(PROCEDURES_PATH)}>
              {t('procedures.backToList')}
            </Button>
            {can('procedure.manage') && (
              <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                {t('procedures.edit')}
              </Button>
            )}
          </>
        }
      />
      <Flex vertical gap={16}>
        <ProcedureRecord p={p} />
        <Card size="small" title={t('procedures.components')}>
          <ComponentsTable components={p.components} templateHref={p.active ? (c) => templateUrl(user.tenant.code, p.id, c.id) : undefined} />
        </Card>
        <Card size="small" title={t('procedures.fees')}>
          <FeesTable fees={p.fees} />
        </Card>
        <Card size="small" title={t('procedures.steps')}>
          <StepsTable steps={p.steps} countedHours={p.countedHours} limitHours={p.limitHours} />
        </Card>
      </Flex>
      {editing && <ProcedureFormModal procedure={p} onClose={() => setEditing(false)} />}
    </>
  );
}
