import { Navigate, useParams, useSearchParams } from 'react-router';
import { PageLoading } from '../../app/page-loading';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { t } from '../../i18n';
import { useDocument } from '../documents/document-queries';
import { OutgoingDraftForm } from './outgoing-draft-form';
import { useOptionalDocument } from './outgoing-queries';
import { outgoingPath } from './outgoing-views';

/** A new draft; "?traLoi=<id>" answers an incoming document (the reply marks it answered when issued). */
export function OutgoingNewDraftPage() {
  const [params] = useSearchParams();
  const replyTo = useOptionalDocument(params.get('traLoi'));
  if (replyTo.isLoading) return <PageLoading />;
  return (
    <>
      <PageHeader title={t('outgoing.new')} description={t('outgoing.form.description')} />
      <OutgoingDraftForm replyTo={replyTo.data} />
    </>
  );
}

/** The drafter corrects a draft that is still with them (new or sent back). */
export function OutgoingEditDraftPage() {
  const { id = '' } = useParams();
  const document = useDocument(id);
  if (document.isPending) return <PageLoading />;
  if (document.isError) return <QueryError error={document.error} onRetry={() => void document.refetch()} />;
  const d = document.data;
  // Nothing to edit any more (passed on, or someone else's): the document's page says where it stands.
  if (!d.outgoing?.actions.includes('edit')) return <Navigate to={outgoingPath(id)} replace />;
  return (
    <>
      <PageHeader title={t('outgoing.editTitle')} description={<span className="vps-wrap">{d.subject}</span>} />
      <OutgoingDraftForm document={d} />
    </>
  );
}
