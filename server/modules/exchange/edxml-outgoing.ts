/**
 * "Strict in what we send": the checks a message must pass before `buildEdxml` writes it. The receiving
 * side (edxml-parse.ts) is deliberately looser. Lengths are those the domain file gives for QCVN 102 and
 * Decree 30 (domain §2.3 MessageHeader, §4 item 2).
 */
import { EdxmlError } from './errors.js';
import { type EdxmlMessage, type EdxmlStatus, MessageSchema, StatusSchema } from './edxml-types.js';

// Same shape as org's IDENTIFIER_CODE (not exported by org/index.ts): `NNN.NN.NN.Xnn`, 13 characters.
const ORGAN_ID = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
// XML 1.0 Char production, minus the C0 controls we never want to send even where XML allows them.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** The text we write: line endings as `\n` (an XML reader turns `\r\n` into `\n` anyway), NFC, trimmed. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC').trim();
}

function refuse(what: string): never {
  throw new EdxmlError('EDXML_INVALID_OUTGOING', `Không thể gửi văn bản điện tử: ${what}`);
}

function checkLength(label: string, value: string | undefined, max: number): void {
  if (value !== undefined && cleanText(value).length > max) refuse(`${label} dài quá ${max} ký tự`);
}

/** Every string anywhere in the value is valid XML text. */
function checkXmlChars(value: unknown, path: string): void {
  if (typeof value === 'string') {
    if (NOT_XML_CHAR.test(value)) refuse(`trường ${path} chứa ký tự không hợp lệ trong XML`);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => checkXmlChars(item, `${path}[${i}]`));
  } else if (value && typeof value === 'object' && !(value instanceof Uint8Array) && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) checkXmlChars(item, path ? `${path}.${key}` : key);
  }
}

function checkOrganId(organId: string): void {
  if (!ORGAN_ID.test(organId)) refuse(`mã định danh "${organId}" không đúng dạng 000.00.00.H41`);
}

export function checkOutgoingMessage(message: EdxmlMessage): void {
  const parsed = MessageSchema.safeParse(message);
  if (!parsed.success) refuse(`dữ liệu không hợp lệ (${parsed.error.issues[0]?.path.join('.') ?? ''})`);
  checkXmlChars(message, '');
  const { header, attachments } = message;
  checkOrganId(header.from.organId);
  const recipients = new Set<string>();
  for (const to of header.to) {
    checkOrganId(to.organId);
    if (recipients.has(to.organId)) refuse(`nơi nhận ${to.organId} bị trùng`);
    recipients.add(to.organId);
  }
  if (!header.documentId) refuse('thiếu DocumentId');
  if (!header.promulgationInfo.promulgationDate) refuse('thiếu ngày ban hành');
  if (!header.subject) refuse('thiếu trích yếu');
  if (/\s/.test(header.code.codeNumber) || /\s/.test(header.code.codeNotation ?? '')) refuse('số, ký hiệu có khoảng trắng');
  checkLength('Số văn bản', header.code.codeNumber, 11);
  checkLength('Ký hiệu', header.code.codeNotation, 30);
  checkLength('Trích yếu', header.subject, 500);
  checkLength('Nội dung', header.content, 500);
  header.toPlaces.forEach((place) => checkLength('Nơi nhận', place, 150));
  const contentIds = new Set<string>();
  for (const attachment of attachments) {
    checkLength('Tên tệp đính kèm', attachment.attachmentName, 200);
    if (attachment.bytes.length === 0) refuse(`tệp ${attachment.attachmentName} rỗng`);
    if (contentIds.has(attachment.contentId)) refuse(`ContentId ${attachment.contentId} bị trùng`);
    contentIds.add(attachment.contentId);
  }
}

export function checkOutgoingStatus(status: EdxmlStatus): void {
  const parsed = StatusSchema.safeParse(status);
  if (!parsed.success) refuse(`trạng thái không hợp lệ (${parsed.error.issues[0]?.path.join('.') ?? ''})`);
  checkXmlChars(status, '');
  checkOrganId(status.from.organId);
  checkOrganId(status.responseFor.organId);
  // Decree 30 art. 21.2.b: a returned document carries its reason.
  if (status.statusCode === '02' && !status.description) refuse('từ chối tiếp nhận phải có lý do');
}
