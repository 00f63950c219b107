import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface SubFigure {
  label: string;
  value: string;
  to?: string | undefined;
  color?: string | undefined;
  testId?: string;
}

interface FigureCardProps {
  title: string;
  value: string;
  /** the list behind the number; none when this person may not open it */
  to?: string | undefined;
  color?: string | undefined;
  /** beside the number: a unit, a grade */
  suffix?: ReactNode;
  items?: SubFigure[];
  testId: string;
  /** the operations room's TV: bigger type, read from across the room */
  tv?: boolean;
}

/** One figure of the dashboard, large, with the smaller figures that explain it; each number opens its list. */
export function FigureCard({ title, value, to, color, suffix, items = [], testId, tv = false }: FigureCardProps) {
  const valueStyle = { fontSize: tv ? 48 : 30, fontWeight: 600, lineHeight: 1.15, color: color ?? (tv ? '#fff' : 'rgba(0,0,0,0.88)') };
  const number = (
    <span style={valueStyle} data-testid={testId}>
      {value}
    </span>
  );
  return (
    <Card size="small" style={{ height: '100%', ...(tv ? { background: '#0f2741', borderColor: '#1d3f66' } : {}) }} styles={{ body: { padding: tv ? 16 : 14 } }}>
      <Typography.Text style={{ fontSize: tv ? 20 : 14, color: tv ? '#b7c7db' : 'rgba(0,0,0,0.55)' }}>{title}</Typography.Text>
      <Flex align="baseline" gap={8} wrap style={{ marginTop: 4 }}>
        {to ? (
          <Link to={to} aria-label={`${title}: ${value}`}>
            {number}
          </Link>
        ) : (
          number
        )}
        {suffix}
      </Flex>
      {items.length > 0 && (
        <Flex vertical gap={2} style={{ marginTop: 6 }}>
          {items.map((it) => (
            <span key={it.label} style={{ fontSize: tv ? 18 : 13, color: tv ? '#b7c7db' : 'rgba(0,0,0,0.55)' }}>
              {it.label}:{' '}
              {it.to ? (
                <Link to={it.to} aria-label={`${it.label}: ${it.value}`} style={{ color: it.color ?? (tv ? '#fff' : undefined), fontWeight: 600 }} data-testid={it.testId}>
                  {it.value}
                </Link>
              ) : (
                <strong style={{ color: it.color ?? (tv ? '#fff' : undefined) }} data-testid={it.testId}>
                  {it.value}
                </strong>
              )}
            </span>
          ))}
        </Flex>
      )}
    </Card>
  );
}
