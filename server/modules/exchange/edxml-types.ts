/**
 * The edXML message model (QCVN 102:2016/BTTTT), rebuilt from independent implementations because no copy
 * of the standard or its XSD was found (domain/documents.md §2.3). The zod schemas are the one source of the
 * shapes: a parsed (untrusted) message is checked against them before it leaves `parseEdxml`, and the types
 * below are inferred from them.
 *
 * Conventions: calendar dates are ISO `YYYY-MM-DD` strings (as elsewhere in the app), instants are `Date`,
 * text is NFC-normalised and trimmed. Lengths are generous bounds on what we accept; the tighter QCVN
 * lengths are checked when we send (edxml-outgoing.ts).
 */
import { z } from 'zod';

export const EDXML_NAMESPACE = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';

const Text = (max: number) => z.string().min(1).max(max);
const OptionalText = (max: number) => Text(max).optional();
const Int = z.number().int().min(0).max(2_147_483_647);

export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');
export type IsoDate = z.infer<typeof IsoDateSchema>;

export const OrganizationSchema = z.object({
  /** Agency identifier code (mã định danh, Decision 20/2020), e.g. `000.00.00.H41`. */
  organId: Text(64),
  organizationInCharge: OptionalText(500),
  organName: OptionalText(500),
  organAdd: OptionalText(500),
  email: OptionalText(254),
  telephone: OptionalText(50),
  fax: OptionalText(50),
  website: OptionalText(500),
});
export type EdxmlOrganization = z.infer<typeof OrganizationSchema>;

export const CodeSchema = z.object({ codeNumber: Text(50), codeNotation: OptionalText(100) });

export const PromulgationInfoSchema = z.object({
  place: OptionalText(500),
  promulgationDate: IsoDateSchema.optional(),
});

export const DocumentTypeSchema = z.object({
  /** Meaning not confirmed; 1 is used for "Công văn" (domain §2.3). */
  type: Int.optional(),
  typeDetail: Int.optional(),
  typeName: OptionalText(200),
});

export const SignerInfoSchema = z.object({
  /** Signing authority, e.g. "KT. CHỦ TỊCH", "TL. Chủ tịch". */
  competence: OptionalText(200),
  position: OptionalText(200),
  fullName: OptionalText(200),
});

export const OtherInfoSchema = z.object({
  /** Not confirmed; Bkav says it rises from 0 to 3 (normal … hỏa tốc). */
  priority: Int.optional(),
  sphereOfPromulgation: OptionalText(500),
  typerNotation: OptionalText(100),
  promulgationAmount: Int.optional(),
  pageAmount: Int.optional(),
  appendixes: z.array(Text(1000)).max(500),
});

export const ResponseForSchema = z.object({
  organId: Text(64),
  /** The original's number/symbol as one string, e.g. `345/UBND-VP`. */
  code: OptionalText(200),
  promulgationDate: IsoDateSchema.optional(),
  documentId: OptionalText(300),
});
export type EdxmlResponseFor = z.infer<typeof ResponseForSchema>;

export const MessageHeaderSchema = z.object({
  from: OrganizationSchema,
  to: z.array(OrganizationSchema).min(1).max(1000),
  documentId: OptionalText(300),
  code: CodeSchema,
  promulgationInfo: PromulgationInfoSchema,
  documentType: DocumentTypeSchema,
  subject: OptionalText(10_000),
  content: OptionalText(10_000),
  signerInfo: SignerInfoSchema.optional(),
  dueDate: IsoDateSchema.optional(),
  /** One entry per "Nơi nhận" line. */
  toPlaces: z.array(Text(2000)).max(1000),
  otherInfo: OtherInfoSchema.optional(),
  steeringType: Int.optional(),
  responseFor: z.array(ResponseForSchema).max(100),
});
export type EdxmlMessageHeader = z.infer<typeof MessageHeaderSchema>;

export const TraceHeaderSchema = z.object({ organId: Text(64), timestamp: z.date() });

export const StaffInfoSchema = z.object({
  department: OptionalText(500),
  staff: OptionalText(200),
  mobile: OptionalText(50),
  email: OptionalText(254),
});
export type EdxmlStaffInfo = z.infer<typeof StaffInfoSchema>;

/** 0 new, 1 revoke (thu hồi), 2 update (cập nhật), 3 replace (thay thế) — domain §2.3. */
export const BUSINESS_DOC_TYPES = [0, 1, 2, 3] as const;
export type BusinessDocType = (typeof BUSINESS_DOC_TYPES)[number];

export const BusinessSchema = z.object({
  businessDocType: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  businessDocReason: OptionalText(2000),
  /** The document this business action applies to (for revoke/update/replace). */
  documentId: OptionalText(300),
  /** A paper copy follows. */
  paper: z.boolean(),
  staffInfo: z.array(StaffInfoSchema).max(50),
  /** For an update: what changed and who receives it. */
  documentInfo: z
    .object({
      documentInfo: OptionalText(100),
      documentReceiver: OptionalText(100),
      receivers: z.array(z.object({ receiverType: OptionalText(20), organId: Text(64) })).max(1000),
    })
    .optional(),
  /** For a replace: which document is replaced, at which agencies. */
  replacements: z.array(z.object({ documentId: Text(300), organIds: z.array(Text(64)).max(1000) })).max(100),
});
export type EdxmlBusiness = z.infer<typeof BusinessSchema>;

export const TraceHeaderListSchema = z.object({
  traceHeaders: z.array(TraceHeaderSchema).max(1000),
  business: BusinessSchema,
});

export const AttachmentSchema = z.object({
  /** Without the `cid:` scheme; the builder adds it in the manifest. */
  contentId: Text(200),
  attachmentName: Text(1000),
  /** As declared by the sender; never trusted — sniff the bytes before use. */
  contentType: OptionalText(200),
  description: OptionalText(2000),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'Nội dung tệp phải là dãy byte'),
});
export type EdxmlAttachment = z.infer<typeof AttachmentSchema>;

export const MessageSchema = z.object({
  header: MessageHeaderSchema,
  trace: TraceHeaderListSchema,
  attachments: z.array(AttachmentSchema),
});
export type EdxmlMessage = z.infer<typeof MessageSchema>;

/** Status codes seen in the Bkav DTO and the QLVB enum (domain §2.3). */
export const STATUS_CODES = {
  '01': 'Đã đến',
  '02': 'Từ chối tiếp nhận',
  '03': 'Đã tiếp nhận',
  '04': 'Phân công',
  '05': 'Đang xử lý',
  '06': 'Hoàn thành',
  '13': 'Yêu cầu lấy lại',
  '15': 'Lấy lại thành công',
  '16': 'Từ chối lấy lại',
} as const;
export type StatusCode = keyof typeof STATUS_CODES;
const STATUS_CODE_LIST = Object.keys(STATUS_CODES) as [StatusCode, ...StatusCode[]];

export const StatusSchema = z.object({
  responseFor: ResponseForSchema,
  from: OrganizationSchema,
  statusCode: z.enum(STATUS_CODE_LIST),
  description: OptionalText(2000),
  timestamp: z.date(),
  staffInfo: StaffInfoSchema.optional(),
});
export type EdxmlStatus = z.infer<typeof StatusSchema>;

/** What `parseEdxml` returns: a document, or a status message about one we sent. */
export type ParsedEdxml =
  | { kind: 'document'; message: EdxmlMessage; warnings: string[] }
  | { kind: 'status'; status: EdxmlStatus; warnings: string[] };

/** Bounds on untrusted input; every one has a default (edxml-parse.ts). */
export interface EdxmlLimits {
  /** Whole message, in bytes (UTF-8). */
  maxBytes?: number;
  /** Element nesting. */
  maxDepth?: number;
  /** Characters of XML outside the Base64 payloads (headers, manifest). */
  maxMarkupChars?: number;
  maxAttachments?: number;
  /** Each attachment after Base64 decoding and, if zipped, after unzipping. */
  maxAttachmentBytes?: number;
  /** All attachments together, after decoding and unzipping. */
  maxTotalAttachmentBytes?: number;
}
