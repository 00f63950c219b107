import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Result, Row } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { PageLoading } from '../../app/page-loading';
import { useCan } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { t } from '../../i18n';
import { errorMessage } from '../../lib/form-errors';
import { ConfidentialityTag, UrgencyTag } from '../documents/document-display';
import { OutgoingMetadata } from '../documents/document-metadata';
import { documentKeys, incomingPath, useDocument } from '../documents/document-queries';
import { DocumentTimeline } from '../documents/document-timeline';
import { FileSignaturesCard } from '../signing/file-signatures-card';
import { FilePreview } from './file-preview';
import { OutgoingFlowCard } from './outgoing-flow-card';
import { OutgoingStatusTag } from './outgoing-display';
import { outgoingListPath, outgoingViewsFor } from './outgoing-views';
import { RecipientsCard } from './recipients-card';
import { AttachmentsCard, VersionsCard } from './versions-card';

/** Back to the list the document was opened from (a view, the inbox, the search), else to the fitting view. */
function useBack(status: string | undefined): { to: string; label: string } {
  const { state } = useLocation();
  const can = useCan();
  const from = (state as { from?: string } | null)?.from;
  if (from?.startsWith('/')) return { to: from, label: t('outgoing.detail.back') };
  const done = status === 'issued' || status === 'recalled';
  const view = done && outgoingViewsFor(can).includes('issued') ? 'issued' : 'drafts';
  return { to: outgoingListPath(view), label: t('incoming.form.backToList') };
}

/**
 * An outgoing document: its way and the steps this person may take, its metadata, recipients, versions,
 * annexes and timeline on the left; the chosen version or annex (the newest version by default) on the
 * right, with its digital signatures.
 */
export function OutgoingDetailPage() {
  const { id = '' } = useParams();
  const { state } = useLocation();
  const queryClient = useQueryClient();
  const document = useDocument(id);
  const [shownId, setShownId] = useState<string>();
  const refreshedFor = useRef<string | null>(null);
  const back = useBack(document.data?.status);

  // Opening a file is itself recorded by the server; refresh once per document so the timeline shows it.
  const onViewed = useCallback(() => {
    if (refreshedFor.current === id) return;
    refreshedFor.current = id;
    void queryClient.invalidateQueries({ queryKey: documentKeys.one(id) });
  }, [id, queryClient]);

  if (document.isPending) return <PageLoading />;
  if (document.isError) {
    // Someone else's draft answers 404 like a missing one; a mistyped address answers 400.
    const missing = document.error instanceof ApiError && (document.error.status === 404 || document.error.status === 400);
    if (!missing) return <QueryError error={document.error} onRetry={() => void document.refetch()} />;
    return (
      <Result
        status="404"
        title={t('incoming.detail.notFound')}
        subTitle={errorMessage(document.error)}
        extra={
          <Link to={back.to}>
            <Button type="primary">{back.label}</Button>
          </Link>
        }
      />
    );
  }
  const d = document.data;
  if (d.direction === 'incoming') return <Navigate to={incomingPath(d.id)} replace state={state} />;

  const versions = d.outgoing?.versions ?? [];
  // an annex chosen in its card is shown, and its signatures checked, like a version of the content
  const annex = d.outgoing?.attachments.find((a) => a.fileId === shownId);
  const shown = annex ?? versions.find((v) => v.fileId === shownId) ?? versions[0];
  // A draft until the signer approves it; approved and signed it is the document, waiting for its number.
  const title = d.numberNotation
    ? t('outgoing.detail.title', { type: d.typeName, number: d.numberNotation })
    : t(d.status === 'approved' || d.status === 'signed' ? 'outgoing.detail.unnumberedTitle' : 'outgoing.detail.draftTitle', { type: d.typeName });

  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="outgoing-title">{title}</span>
            {d.urgency !== 'normal' && <UrgencyTag urgency={d.urgency} />}
            <ConfidentialityTag confidentiality={d.confidentiality} />
            <OutgoingStatusTag status={d.status} />
          </Flex>
        }
        description={d.subject}
        extra={
          <Link to={back.to}>
            <Button icon={<ArrowLeftOutlined aria-hidden />}>{back.label}</Button>
          </Link>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <OutgoingFlowCard document={d} />
            <Card title={t('incoming.detail.info')} styles={{ body: { padding: 12 } }}>
              <OutgoingMetadata
                document={d}
                status={<OutgoingStatusTag status={d.status} />}
                replyTo={d.outgoing?.replyToId && <Link to={incomingPath(d.outgoing.replyToId)}>{t('outgoing.replyToOpen')}</Link>}
              />
            </Card>
            <RecipientsCard document={d} />
            <VersionsCard document={d} shownId={shown?.fileId} onShow={setShownId} />
            <AttachmentsCard document={d} shownId={shown?.fileId} onShow={setShownId} />
            <Card title={t('incoming.detail.timeline')}>
              <DocumentTimeline events={d.events} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
          <FileSignaturesCard documentId={d.id} file={shown && { id: shown.fileId, name: shown.name, mime: shown.mime }} />
          <FilePreview
            documentId={d.id}
            file={shown && { id: shown.fileId, name: shown.name, mime: shown.mime }}
            title={annex ? t('outgoing.preview.attachment', { name: annex.name, version: annex.version }) : shown ? t('outgoing.preview.title', { version: shown.version }) : t('incoming.detail.preview')}
            onViewed={onViewed}
          />
          </Flex>
        </Col>
      </Row>
    </>
  );
}
