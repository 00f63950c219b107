import { ArrowLeftOutlined, DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Flex, Result, Row, Tag, Typography } from 'antd';
import { useRef } from 'react';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import type { IncomingDocument } from '../../api/types';
import { PageLoading } from '../../app/page-loading';
import { useCan } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { t } from '../../i18n';
import { errorMessage } from '../../lib/form-errors';
import { ConfidentialityTag, formatFileSize, UrgencyTag } from './document-display';
import { DocumentMetadata } from './document-metadata';
import { DocumentPreview } from './document-preview';
import { documentFileUrl, documentKeys, useDocument } from './document-queries';
import { DocumentTimeline } from './document-timeline';
import { INBOX_PATH } from './inbox-views';
import { DocumentStatusTag } from './routing-display';
import { RoutingCard } from './routing-card';
import { NEW_DRAFT_PATH, outgoingPath } from '../outgoing/outgoing-views';
import { SEARCH_PATH } from '../search/search-path';
import { FileSignaturesCard } from '../signing/file-signatures-card';

function DocumentFiles({ document: d }: { document: IncomingDocument }) {
  if (d.files.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(d.confidentiality === 'normal' ? 'incoming.detail.noFiles' : 'incoming.detail.noFilesSecret')} />;
  }
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {d.files.map((f, i) => (
        <li key={f.id} style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '8px 0', borderTop: i > 0 ? '1px solid #f0f0f0' : undefined }}>
          <div className="vps-wrap" style={{ flex: 1, minWidth: 0 }}>
            <Tag color={f.role === 'main' ? 'blue' : 'default'}>{t(f.role === 'main' ? 'document.file.main' : 'document.file.attachment')}</Tag>
            {f.name}{' '}
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
              ({formatFileSize(f.size)})
            </Typography.Text>
          </div>
          <Button type="link" size="small" href={documentFileUrl(d.id, f.id)} icon={<DownloadOutlined aria-hidden />} aria-label={`${t('incoming.detail.download')} ${f.name}`}>
            {t('incoming.detail.download')}
          </Button>
        </li>
      ))}
    </ul>
  );
}

export function IncomingDetailPage() {
  const { id = '' } = useParams();
  const { state } = useLocation();
  // Opened from an inbox view: going back means going back there.
  const from = (state as { from?: string } | null)?.from;
  const backTo = from?.startsWith(INBOX_PATH) || from?.startsWith(SEARCH_PATH) ? from : '/van-ban-den';
  const backLabel = t(backTo === '/van-ban-den' ? 'incoming.form.backToList' : backTo.startsWith(SEARCH_PATH) ? 'search.backToResults' : 'incoming.detail.backToInbox');
  const can = useCan();
  const queryClient = useQueryClient();
  const document = useDocument(id);
  const refreshedFor = useRef<string | null>(null);

  if (document.isPending) return <PageLoading />;
  if (document.isError) {
    // Someone else's document answers 404 like a missing one; a mistyped address answers 400.
    const missing = document.error instanceof ApiError && (document.error.status === 404 || document.error.status === 400);
    if (!missing) return <QueryError error={document.error} onRetry={() => void document.refetch()} />;
    return (
      <Result
        status="404"
        title={t('incoming.detail.notFound')}
        subTitle={errorMessage(document.error)}
        extra={
          <Link to="/van-ban-den">
            <Button type="primary">{t('incoming.form.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  const d = document.data;
  // An outgoing document (found by the search, say) has its own page.
  if (d.direction === 'outgoing') return <Navigate to={outgoingPath(d.id)} replace state={state} />;

  // Opening the preview is itself recorded by the server; refresh once per document so the timeline shows it.
  const onViewed = () => {
    if (refreshedFor.current === id) return;
    refreshedFor.current = id;
    void queryClient.invalidateQueries({ queryKey: documentKeys.one(id) });
  };

  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            {t('incoming.detail.title', { number: d.arrivalNumber ?? '', year: d.arrivalYear ?? '' })}
            <UrgencyTag urgency={d.urgency} />
            <ConfidentialityTag confidentiality={d.confidentiality} />
            <DocumentStatusTag status={d.status} />
          </Flex>
        }
        description={`${d.numberNotation} · ${d.senderName} · ${d.typeName}: ${d.subject}`}
        extra={
          <>
            {/* The answer is drafted from here: issuing it marks this document answered at its sender. */}
            {can('document.draft') && d.status !== 'withdrawn' && (
              <Link to={`${NEW_DRAFT_PATH}?traLoi=${d.id}`}>
                <Button icon={<EditOutlined aria-hidden />}>{t('outgoing.replyDraft')}</Button>
              </Link>
            )}
            <Link to={backTo}>
              <Button icon={<ArrowLeftOutlined aria-hidden />}>{backLabel}</Button>
            </Link>
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <RoutingCard document={d} />
            <Card title={t('incoming.detail.info')} styles={{ body: { padding: 12 } }}>
              <DocumentMetadata document={d} />
            </Card>
            <Card title={t('incoming.detail.files')} styles={{ body: { padding: '4px 12px' } }}>
              <DocumentFiles document={d} />
            </Card>
            <Card title={t('incoming.detail.timeline')}>
              <DocumentTimeline events={d.events} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <FileSignaturesCard documentId={d.id} file={d.files.find((f) => f.role === 'main') ?? d.files[0]} />
            <DocumentPreview document={d} onViewed={onViewed} />
          </Flex>
        </Col>
      </Row>
    </>
  );
}
