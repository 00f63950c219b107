import { Card, Col, Flex, Progress, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { t } from '../../i18n';
import { points } from './stats-format';
import type { IndicatorResult } from './stats-types';

const SHOWN = 5;
const pointsFormat = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function Indicators({ items, empty, right, testId }: { items: IndicatorResult[]; empty: string; right: (ind: IndicatorResult) => ReactNode; testId: string }) {
  if (items.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <ol style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }} data-testid={testId}>
      {items.slice(0, SHOWN).map((ind) => {
        const share = ind.points !== null && ind.max > 0 ? Math.round((ind.points / ind.max) * 100) : 0;
        return (
          <li key={ind.code} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
            <Flex justify="space-between" gap={12} align="center">
              <div style={{ minWidth: 0, flex: 1 }}>
                <Typography.Text strong>{ind.code}</Typography.Text> <span className="vps-wrap">{ind.name}</span>
                <Progress percent={share} size="small" showInfo={false} strokeColor={share >= 90 ? '#389e0d' : share >= 70 ? '#1d4ed8' : '#cf1322'} />
              </div>
              {right(ind)}
            </Flex>
          </li>
        );
      })}
    </ol>
  );
}

/**
 * What to work on: the indicators furthest from their maximum (as a share of it), and those whose full
 * marks would add the most points to the total.
 */
export function IndexLists({ weakest, improvements }: { weakest: IndicatorResult[]; improvements: IndicatorResult[] }) {
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('index766.weakest')} style={{ height: '100%' }}>
          <Indicators
            items={weakest}
            empty={t('index766.noWeakest')}
            testId="weakest"
            right={(ind) => (
              <Typography.Text style={{ whiteSpace: 'nowrap' }}>
                {points(ind.points)}/{points(ind.max)}
              </Typography.Text>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('index766.improvements')} style={{ height: '100%' }}>
          <Indicators
            items={improvements}
            empty={t('index766.noImprovements')}
            testId="improvements"
            right={(ind) => (
              <Typography.Text strong style={{ color: '#389e0d', whiteSpace: 'nowrap' }}>
                {t('index766.gain', { points: pointsFormat.format(ind.gain) })}
              </Typography.Text>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}
