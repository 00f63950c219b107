import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A table cell with a main line and a grey second line; both wrap, so long Vietnamese names never widen the table. */
export function TwoLineCell({ primary, secondary, strong }: { primary: ReactNode; secondary?: ReactNode; strong?: boolean }) {
  return (
    <div className="vps-wrap">
      <div style={strong ? { fontWeight: 600 } : undefined}>{primary}</div>
      {secondary && (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {secondary}
        </Typography.Text>
      )}
    </div>
  );
}
