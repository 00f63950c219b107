import type { UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Body, Confidentiality, DocumentTypeCode, Ok, ReceiptChannel, Urgency } from '../../api/types';
import { todayInVietnam, toIsoDate, vnNowWallClock, vnWallClockToIso } from '../../lib/format';

/** A sender from the agency list (agencyId) or typed by the clerk (a ministry, another province…). */
export interface SenderValue {
  agencyId: string | null;
  name: string;
}

/** What antd Upload keeps as `response`: the stored file, or the server's problem when it was refused. */
export type UploadResponse = Partial<Ok<'uploadFile'>> & { title?: string; detail?: string };

export type DueMode = 'none' | 'date' | 'days';

export interface RegisterValues {
  sender?: SenderValue;
  numberNotation: string;
  issuedDate?: Dayjs;
  typeCode?: DocumentTypeCode;
  subject: string;
  signerName?: string;
  signerPosition?: string;
  pages?: number | null;
  channel: ReceiptChannel;
  receivedAt?: Dayjs;
  urgency: Urgency;
  confidentiality: Confidentiality;
  dueMode: DueMode;
  dueDate?: Dayjs;
  dueInWorkingDays?: number | null;
  viewers?: { value: string; label: string }[];
  files?: UploadFile<UploadResponse>[];
}

/** What "Đăng ký văn bản tiếp" keeps: a clerk registers a pile of the same kind, from the same post. */
export type Carry = Pick<RegisterValues, 'channel' | 'typeCode'>;

/** Most documents arrive on paper, ordinary and without a secrecy mark, and are registered as they arrive. */
export const initialValues = (carry?: Carry): Partial<RegisterValues> => ({
  channel: 'paper',
  urgency: 'normal',
  confidentiality: 'normal',
  dueMode: 'none',
  receivedAt: vnNowWallClock(),
  viewers: [],
  files: [],
  ...carry,
});

// Server field paths whose form field has another name.
export const SERVER_FIELD_ALIASES = { senderAgencyId: 'sender', senderName: 'sender', fileIds: 'files', viewerIds: 'viewers' };

const optional = (s: string | undefined) => (s && s.trim() !== '' ? s.trim() : undefined);

export const isSecret = (c: Confidentiality | undefined) => c !== undefined && c !== 'normal';

/**
 * The registration request. An untouched received time is left to the server ("now" when saved, not when
 * the form opened). Secret documents never carry files (Law 29/2018 art. 5), whatever was uploaded before
 * the mark was chosen.
 */
export function toRegisterBody(v: RegisterValues, opts: { receivedAtTouched: boolean; confirmDuplicate: boolean }): Body<'registerIncomingDocument'> {
  const secret = isSecret(v.confidentiality);
  return {
    channel: v.channel,
    receivedAt: opts.receivedAtTouched && v.receivedAt ? vnWallClockToIso(v.receivedAt) : undefined,
    ...(v.sender?.agencyId ? { senderAgencyId: v.sender.agencyId } : { senderName: v.sender?.name }),
    numberNotation: v.numberNotation.trim(),
    issuedDate: v.issuedDate ? toIsoDate(v.issuedDate) : '',
    typeCode: v.typeCode!,
    subject: v.subject.trim(),
    signerName: optional(v.signerName),
    signerPosition: optional(v.signerPosition),
    pages: v.pages ?? undefined,
    urgency: v.urgency,
    confidentiality: v.confidentiality,
    dueDate: v.dueMode === 'date' && v.dueDate ? toIsoDate(v.dueDate) : undefined,
    dueInWorkingDays: v.dueMode === 'days' ? (v.dueInWorkingDays ?? undefined) : undefined,
    fileIds: secret ? [] : (v.files ?? []).flatMap((f) => (f.response?.id ? [f.response.id] : [])),
    viewerIds: secret ? (v.viewers ?? []).map((u) => u.value) : [],
    confirmDuplicate: opts.confirmDuplicate,
  };
}

/** No date after today in Vietnam: neither a document's date nor its receipt can lie in the future. */
export const notFuture = (d: Dayjs) => d.format('YYYY-MM-DD') > todayInVietnam();

// Small card headers and padding: the whole form fits a 1440×900 screen without scrolling.
export const CARD_STYLES = { body: { padding: '12px 16px' } };
