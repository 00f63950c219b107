import type { Confidentiality, DocumentTypeCode, IncomingDocument, Urgency } from '../../api/types';
import { isSecret } from '../documents/register-values';
import { uploadedIds, type DraftFiles } from './draft-files-upload';
import type { DraftBody } from './outgoing-queries';
import type { PersonValue } from './person-select';
import { fromRecipient, toRecipientInput, type RecipientValue } from './recipient-select';

export interface DraftValues {
  typeCode?: DocumentTypeCode;
  subject: string;
  signer?: PersonValue;
  recipients: RecipientValue[];
  urgency: Urgency;
  confidentiality: Confidentiality;
  content?: DraftFiles;
  attachments?: DraftFiles;
}

// Most of what an office drafts is a công văn, ordinary and without a secrecy mark.
export const newDraftValues = (): Partial<DraftValues> => ({ typeCode: 'CV', urgency: 'normal', confidentiality: 'normal', recipients: [], content: [], attachments: [] });

export const draftValuesOf = (d: IncomingDocument): Partial<DraftValues> => ({
  typeCode: d.typeCode as DocumentTypeCode,
  subject: d.subject,
  signer: d.outgoing?.signerId ? { value: d.outgoing.signerId, label: d.signerName ?? '' } : undefined,
  recipients: (d.outgoing?.recipients ?? []).map(fromRecipient),
  urgency: d.urgency,
  confidentiality: d.confidentiality,
});

// Server field paths whose form field has another name.
export const DRAFT_FIELD_ALIASES = { signerId: 'signer', contentFileId: 'content', attachmentIds: 'attachments' };

/**
 * The new draft. State secrets are never put on a networked system (Law 29/2018 art. 5): their files are
 * dropped, whatever was uploaded before the mark was chosen.
 */
export function toDraftBody(v: DraftValues, replyToId: string | undefined): DraftBody {
  const secret = isSecret(v.confidentiality);
  const [contentFileId] = secret ? [] : uploadedIds(v.content);
  return {
    typeCode: v.typeCode!,
    subject: v.subject.trim(),
    urgency: v.urgency,
    confidentiality: v.confidentiality,
    signerId: v.signer?.value ?? '',
    recipients: v.recipients.map(toRecipientInput),
    contentFileId,
    attachmentIds: secret ? [] : uploadedIds(v.attachments),
    replyToId,
  };
}

/** The changes of an edited draft; its files change through new versions, not here. */
export const toDraftUpdate = (v: DraftValues) => ({
  typeCode: v.typeCode,
  subject: v.subject.trim(),
  urgency: v.urgency,
  confidentiality: v.confidentiality,
  signerId: v.signer?.value,
  recipients: v.recipients.map(toRecipientInput),
});
