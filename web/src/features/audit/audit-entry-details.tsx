import { Col, Descriptions, Row, Typography } from 'antd';
import type { AuditEntry } from '../../api/types';
import { t } from '../../i18n';
import { entityLabel } from './audit-labels';

const Json = ({ value }: { value: unknown }) =>
  value === null || value === undefined ? (
    <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
      {t('audit.nothing')}
    </Typography.Paragraph>
  ) : <pre className="vps-json">{JSON.stringify(value, null, 2)}</pre>;

export function AuditEntryDetails({ entry }: { entry: AuditEntry }) {
  return (
    <div style={{ padding: '4px 8px' }}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'entity', label: t('audit.entityType'), children: entityLabel(entry.entityType) },
          { key: 'id', label: t('audit.entityId'), children: <span className="vps-hash">{entry.entityId}</span> },
          { key: 'seq', label: t('audit.seq'), children: entry.seq },
          {
            key: 'hash',
            label: t('audit.hash'),
            children: (
              <Typography.Text className="vps-hash" copyable={{ text: entry.hash }}>
                {entry.hash}
              </Typography.Text>
            ),
          },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('audit.before')}</Typography.Text>
          <Json value={entry.before} />
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('audit.after')}</Typography.Text>
          <Json value={entry.after} />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 12 }}>
        {t('audit.hashNote')}
      </Typography.Paragraph>
    </div>
  );
}
