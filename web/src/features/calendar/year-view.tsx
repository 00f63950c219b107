import { Col, Flex, Row, Typography } from 'antd';
import type { CalendarOverride, Holiday } from '../../api/types';
import { t } from '../../i18n';
import { todayInVietnam } from '../../lib/format';
import { DAY_STYLES, LEGEND, markDays } from './day-kinds';
import { MonthGrid } from './month-grid';

export function YearView({ year, holidays, overrides, onPickDay }: { year: number; holidays: Holiday[]; overrides: CalendarOverride[]; onPickDay?: (date: string) => void }) {
  const marks = markDays(holidays, overrides);
  const today = todayInVietnam();
  return (
    <>
      <Flex gap={16} wrap style={{ marginBottom: 16 }}>
        {LEGEND.map(({ kind, label }) => (
          <Flex key={kind} align="center" gap={6}>
            <span style={{ width: 16, height: 16, borderRadius: 4, background: DAY_STYLES[kind].background, border: `1px solid ${DAY_STYLES[kind].color}` }} />
            <Typography.Text>{t(label)}</Typography.Text>
          </Flex>
        ))}
        <Flex align="center" gap={6}>
          <span style={{ width: 16, height: 16, borderRadius: 4, outline: '2px solid #1d4ed8', outlineOffset: -2 }} />
          <Typography.Text>{t('calendar.legend.today')}</Typography.Text>
        </Flex>
      </Flex>
      <Row gutter={[24, 20]}>
        {Array.from({ length: 12 }, (_, i) => (
          <Col key={i} xs={24} sm={12} lg={8} xxl={6}>
            <MonthGrid year={year} month={i + 1} marks={marks} today={today} onPickDay={onPickDay} />
          </Col>
        ))}
      </Row>
    </>
  );
}
