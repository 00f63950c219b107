import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, List, Pagination, Result, Select, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { t } from '../../i18n';
import { errorMessage } from '../../lib/form-errors';
import { formatNumber } from '../../lib/format';
import { ComponentsTable, FeesTable, formatLimit, levelLabel, OnlineTag } from './procedure-display';
import { ProcedureRecord } from './procedure-detail-page';
import { LEVELS, publicCatalogPath, publicProcedurePath, templateUrl, usePublicProcedure, usePublicProcedures, type Level } from './procedure-queries';

const PAGE_SIZE = 20;

/** The public catalog: search with or without accents, filters by field, level and agency; works on a phone. */
export function PublicCatalogPage() {
  const { tenantCode = '' } = useParams();
  const [q, setQ] = useState('');
  const [level, setLevel] = useState<Level | undefined>();
  const [field, setField] = useState<string | undefined>();
  const [agencyId, setAgencyId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const list = usePublicProcedures(tenantCode, { q: q || undefined, level, field, agencyId, page, pageSize: PAGE_SIZE });
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  const d = list.data;
  if (list.error instanceof ApiError && list.error.status === 404) return <Result status="404" title={errorMessage(list.error)} />;
  return (
    <main className="vps-catalog">
      <header className="vps-catalog-head">
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {t('procedures.publicTitle')}
        </Typography.Title>
        {d && <Typography.Text type="secondary">{d.tenantName}</Typography.Text>}
      </header>
      <Flex vertical gap={8} style={{ marginBottom: 12 }}>
        <Input.Search aria-label={t('procedures.search')} placeholder={t('procedures.publicSearchPlaceholder')} allowClear enterButton size="large" onSearch={(v) => filter(setQ)(v.trim())} />
        <Flex gap={8} wrap>
          <Select aria-label={t('procedures.level')} allowClear placeholder={t('procedures.allLevels')} value={level} onChange={filter(setLevel)} options={LEVELS.map((l) => ({ value: l, label: levelLabel(l) }))} style={{ flex: '1 1 140px' }} />
          <Select aria-label={t('procedures.field')} allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('procedures.allFields')} value={field} onChange={filter(setField)} options={(d?.fields ?? []).map((f) => ({ value: f, label: f }))} style={{ flex: '1 1 220px' }} />
          <Select aria-label={t('procedures.competentAgency')} allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('procedures.allAgencies')} value={agencyId} onChange={filter(setAgencyId)} options={(d?.agencies ?? []).map((a) => ({ value: a.id, label: a.name }))} style={{ flex: '1 1 220px' }} />
        </Flex>
      </Flex>
      {list.error && <Result status="warning" title={errorMessage(list.error)} />}
      {d && <Typography.Paragraph type="secondary">{t('procedures.count', { count: formatNumber(d.total) })}</Typography.Paragraph>}
      <List
        loading={list.isFetching}
        dataSource={d?.items ?? []}
        locale={{ emptyText: t('common.noMatch') }}
        renderItem={(p) => (
          <List.Item>
            <div className="vps-wrap" style={{ width: '100%' }}>
              <Link to={publicProcedurePath(tenantCode, p.id)} style={{ fontWeight: 600, fontSize: 16 }}>
                {p.name}
              </Link>
              <div>
                <Typography.Text type="secondary">
                  {p.code} · {p.field} · {p.competentAgencyName}
                </Typography.Text>
              </div>
              <Flex gap={6} wrap style={{ marginTop: 4 }}>
                <Tag>{levelLabel(p.level)}</Tag>
                <Tag color="gold">{formatLimit(p.timeLimit, p.timeUnit)}</Tag>
                <OnlineTag kind={p.onlineService} />
              </Flex>
            </div>
          </List.Item>
        )}
      />
      {d && d.total > PAGE_SIZE && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Pagination current={page} pageSize={PAGE_SIZE} total={d.total} showSizeChanger={false} onChange={setPage} simple />
        </Flex>
      )}
    </main>
  );
}

/** One procedure as a citizen reads it: where, how long, what to bring (with the forms), what it costs. */
export function PublicProcedurePage() {
  const { tenantCode = '', id = '' } = useParams();
  const query = usePublicProcedure(tenantCode, id);
  const p = query.data;
  return (
    <main className="vps-catalog">
      <Button type="link" icon={<ArrowLeftOutlined aria-hidden />} href={publicCatalogPath(tenantCode)} style={{ paddingLeft: 0 }}>
        {t('procedures.backToCatalog')}
      </Button>
      {query.isLoading ? (
        <Spin />
      ) : !p ? (
        <Result status={query.error instanceof ApiError && query.error.status === 404 ? '404' : 'warning'} title={errorMessage(query.error)} />
      ) : (
        <Flex vertical gap={16}>
          <header>
            <Typography.Title level={3} style={{ marginBottom: 4 }}>
              {p.name}
            </Typography.Title>
            <Typography.Text type="secondary">{p.tenantName}</Typography.Text>
          </header>
          <ProcedureRecord p={p} />
          <Card size="small" title={t('procedures.components')}>
            <div className="vps-catalog-scroll">
              <ComponentsTable components={p.components} templateHref={(c) => templateUrl(tenantCode, p.id, c.id)} />
            </div>
          </Card>
          <Card size="small" title={t('procedures.fees')}>
            <div className="vps-catalog-scroll">
              <FeesTable fees={p.fees} />
            </div>
          </Card>
        </Flex>
      )}
    </main>
  );
}
