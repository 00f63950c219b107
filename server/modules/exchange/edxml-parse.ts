/**
 * Reads edXML messages. Liberal in what we accept, because the senders are many independent systems
 * (domain §2.3, §4 item 9): the `edXML:` prefix or any other prefix bound to the QCVN 102 namespace, a
 * default namespace, or no namespace at all; `Bussiness` (VNPT SDK) or `Business` (Bkav); zipped or plain
 * Base64 attachments; `yyyy/MM/dd` or `dd/MM/yyyy` dates. Not accepted: DTDs, anything past the limits,
 * broken Base64/ZIP, and fields whose meaning we would have to guess (an unknown BussinessDocType or
 * StatusCode). Unreadable optional values (e.g. a Priority of "cao") are dropped with a warning.
 */
import { decodeBase64Payload, unwrapZippedPayload } from './attachment-payload.js';
import { parseEdxmlDate, parseEdxmlTimestamp } from './edxml-dates.js';
import {
  BUSINESS_DOC_TYPES,
  EDXML_NAMESPACE,
  type EdxmlAttachment,
  type EdxmlBusiness,
  type EdxmlLimits,
  type EdxmlMessageHeader,
  type EdxmlOrganization,
  type EdxmlResponseFor,
  type EdxmlStaffInfo,
  MessageSchema,
  type ParsedEdxml,
  STATUS_CODES,
  type StatusCode,
  StatusSchema,
} from './edxml-types.js';
import { EdxmlError } from './errors.js';
import { type XmlElement, decodeXmlInput, readXmlTree } from './xml-tree.js';

export const DEFAULT_EDXML_LIMITS: Required<EdxmlLimits> = {
  maxBytes: 50 * 1_048_576,
  maxDepth: 64,
  maxMarkupChars: 2 * 1_048_576,
  maxAttachments: 50,
  maxAttachmentBytes: 30 * 1_048_576,
  maxTotalAttachmentBytes: 100 * 1_048_576,
};

const PAYLOAD = 'ContentTransferEncoded';

const invalid = (detail: string): EdxmlError =>
  new EdxmlError('EDXML_INVALID_FIELD', `Thông điệp edXML có trường không hợp lệ: ${detail}`);

/** Field access on one element, collecting warnings for values we drop. */
class Reader {
  constructor(readonly warnings: string[]) {}

  all(node: XmlElement | undefined, ...names: string[]): XmlElement[] {
    return node ? node.children.filter((child) => names.includes(child.local)) : [];
  }

  /** The first child with any of the names (alternative spellings, preferred first). */
  one(node: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
    for (const name of names) {
      const found = node?.children.find((child) => child.local === name);
      if (found) return found;
    }
    return undefined;
  }

  /** The element's own text, NFC-normalised and trimmed; undefined when empty. */
  value(node: XmlElement | undefined): string | undefined {
    const value = node?.text.normalize('NFC').trim();
    return value === '' ? undefined : value;
  }

  text(node: XmlElement | undefined, ...names: string[]): string | undefined {
    return this.value(this.one(node, ...names));
  }

  /** The texts of repeated leaf children, e.g. ToPlaces/Place; empty ones dropped. */
  texts(node: XmlElement | undefined, name: string): string[] {
    return this.all(node, name).flatMap((child) => this.value(child) ?? []);
  }

  int(node: XmlElement | undefined, name: string): number | undefined {
    const value = this.text(node, name);
    if (value === undefined) return undefined;
    if (/^\d{1,10}$/.test(value) && Number(value) <= 2_147_483_647) return Number(value);
    this.warnings.push(`Bỏ qua ${name} không phải số nguyên: "${value.slice(0, 50)}"`);
    return undefined;
  }

  date(node: XmlElement | undefined, name: string): string | undefined {
    const value = this.text(node, name);
    if (value === undefined) return undefined;
    const date = parseEdxmlDate(value);
    if (!date) this.warnings.push(`Bỏ qua ${name} không phải ngày hợp lệ: "${value.slice(0, 50)}"`);
    return date ?? undefined;
  }

  timestamp(node: XmlElement | undefined, name: string): Date {
    const value = this.text(node, name) ?? '';
    const instant = parseEdxmlTimestamp(value);
    if (!instant) throw invalid(`${name} "${value.slice(0, 50)}" không phải thời điểm hợp lệ`);
    return instant;
  }

  organization(node: XmlElement | undefined): EdxmlOrganization {
    return {
      organId: this.text(node, 'OrganId') ?? '',
      organizationInCharge: this.text(node, 'OrganizationInCharge'),
      organName: this.text(node, 'OrganName'),
      organAdd: this.text(node, 'OrganAdd'),
      email: this.text(node, 'Email'),
      telephone: this.text(node, 'Telephone'),
      fax: this.text(node, 'Fax'),
      website: this.text(node, 'Website'),
    };
  }

  responseFor(node: XmlElement | undefined): EdxmlResponseFor {
    return {
      organId: this.text(node, 'OrganId') ?? '',
      code: this.text(node, 'Code'),
      promulgationDate: this.date(node, 'PromulgationDate'),
      documentId: this.text(node, 'DocumentId'),
    };
  }

  staffInfo(node: XmlElement): EdxmlStaffInfo {
    return {
      department: this.text(node, 'Department'),
      staff: this.text(node, 'Staff'),
      mobile: this.text(node, 'Mobile'),
      email: this.text(node, 'Email'),
    };
  }
}

function messageHeader(r: Reader, h: XmlElement): EdxmlMessageHeader {
  const other = r.one(h, 'OtherInfo');
  const signer = r.one(h, 'SignerInfo');
  return {
    from: r.organization(r.one(h, 'From')),
    to: r.all(h, 'To').map((to) => r.organization(to)),
    documentId: r.text(h, 'DocumentId'),
    code: { codeNumber: r.text(r.one(h, 'Code'), 'CodeNumber') ?? '', codeNotation: r.text(r.one(h, 'Code'), 'CodeNotation') },
    promulgationInfo: {
      place: r.text(r.one(h, 'PromulgationInfo'), 'Place'),
      promulgationDate: r.date(r.one(h, 'PromulgationInfo'), 'PromulgationDate'),
    },
    documentType: {
      type: r.int(r.one(h, 'DocumentType'), 'Type'),
      typeDetail: r.int(r.one(h, 'DocumentType'), 'TypeDetail'),
      typeName: r.text(r.one(h, 'DocumentType'), 'TypeName'),
    },
    subject: r.text(h, 'Subject'),
    content: r.text(h, 'Content'),
    signerInfo: signer && {
      competence: r.text(signer, 'Competence'),
      position: r.text(signer, 'Position'),
      fullName: r.text(signer, 'FullName'),
    },
    dueDate: r.date(h, 'DueDate'),
    toPlaces: r.texts(r.one(h, 'ToPlaces'), 'Place'),
    otherInfo: other && {
      priority: r.int(other, 'Priority'),
      sphereOfPromulgation: r.text(other, 'SphereOfPromulgation'),
      typerNotation: r.text(other, 'TyperNotation'),
      promulgationAmount: r.int(other, 'PromulgationAmount'),
      pageAmount: r.int(other, 'PageAmount'),
      appendixes: r.texts(r.one(other, 'Appendixes'), 'Appendix'),
    },
    steeringType: r.int(h, 'SteeringType'),
    responseFor: r.all(h, 'ResponseFor').map((node) => r.responseFor(node)),
  };
}

// VNPT's SDK spells it "Bussiness", Bkav "Business" (domain §2.3): read both, prefer what we send.
function business(r: Reader, trace: XmlElement | undefined): EdxmlBusiness {
  const b = r.one(trace, 'Bussiness', 'Business');
  const typeText = r.text(b, 'BussinessDocType', 'BusinessDocType') ?? '0';
  const docType = BUSINESS_DOC_TYPES.find((type) => String(type) === typeText);
  if (docType === undefined) throw invalid(`BussinessDocType "${typeText.slice(0, 20)}" không thuộc 0–3`);
  const info = r.one(b, 'BussinessDocumentInfo', 'BusinessDocumentInfo');
  const paper = r.text(b, 'Paper');
  return {
    businessDocType: docType,
    businessDocReason: r.text(b, 'BussinessDocReason', 'BusinessDocReason'),
    documentId: r.text(b, 'DocumentId'),
    paper: paper === '1' || paper?.toLowerCase() === 'true',
    staffInfo: r.all(b, 'StaffInfo').map((node) => r.staffInfo(node)),
    documentInfo: info && {
      documentInfo: r.text(info, 'DocumentInfo'),
      documentReceiver: r.text(info, 'DocumentReceiver'),
      receivers: r.all(r.one(info, 'ReceiverList'), 'Receiver').map((node) => ({
        receiverType: r.text(node, 'ReceiverType'),
        organId: r.text(node, 'OrganId') ?? '',
      })),
    },
    replacements: r.all(r.one(b, 'ReplacementInfoList'), 'ReplacementInfo').map((node) => ({
      documentId: r.text(node, 'DocumentId') ?? '',
      organIds: r.texts(r.one(node, 'OrganIdList'), 'OrganId'),
    })),
  };
}

const stripCid = (id: string | undefined): string | undefined => id?.replace(/^<?(?:cid:)?\s*/i, '').replace(/>$/, '') || undefined;

function attachments(r: Reader, root: XmlElement, envelope: XmlElement, limits: Required<EdxmlLimits>): EdxmlAttachment[] {
  const references = r.all(r.one(r.one(envelope, 'edXMLBody'), 'edXMLManifest'), 'Reference');
  const payloads = r.all(r.one(root, 'AttachmentEncoded'), 'Attachment');
  if (Math.max(references.length, payloads.length) > limits.maxAttachments) {
    throw new EdxmlError('EDXML_TOO_MANY_ATTACHMENTS', `Thông điệp có quá ${limits.maxAttachments} tệp đính kèm`);
  }
  const byId = new Map(references.map((ref) => [stripCid(r.text(ref, 'ContentId')) ?? '', ref]));
  // Fifty zipped attachments each just under the cap would still be gigabytes: one budget for all.
  let budget = limits.maxTotalAttachmentBytes;
  const result = payloads.map((payload, i): EdxmlAttachment => {
    const contentId = stripCid(r.text(payload, 'ContentId')) ?? `attachment-${i + 1}`;
    const ref = byId.get(contentId);
    byId.delete(contentId);
    const name = r.text(payload, 'AttachmentName') ?? r.text(ref, 'AttachmentName') ?? contentId;
    const contentType = r.text(payload, 'ContentType') ?? r.text(ref, 'ContentType');
    const encoded = r.one(payload, PAYLOAD);
    const cap = Math.min(limits.maxAttachmentBytes, budget);
    const decoded = encoded && decodeBase64Payload(encoded.text, cap, name);
    if (!decoded?.length) throw new EdxmlError('EDXML_ATTACHMENT_MISSING', `Tệp đính kèm "${name}" không có nội dung`);
    const { bytes } = unwrapZippedPayload(decoded, { name, contentType }, cap);
    budget -= bytes.length;
    const description = r.text(ref, 'Description') ?? r.text(payload, 'Description');
    return { contentId, attachmentName: name, contentType, description, bytes };
  });
  const missing = [...byId.keys()];
  if (missing.length > 0) {
    throw new EdxmlError('EDXML_ATTACHMENT_MISSING', `Danh mục khai báo tệp "${missing[0]}" nhưng thông điệp không kèm nội dung`);
  }
  return result;
}

function statusCode(text: string | undefined): StatusCode {
  const code = (text ?? '').padStart(2, '0');
  if (!(code in STATUS_CODES)) throw invalid(`StatusCode "${(text ?? '').slice(0, 20)}" không được hỗ trợ`);
  return code as StatusCode;
}

function checked<T>(result: { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }): T {
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw invalid(`${issue?.path.map(String).join('.') ?? ''} (${issue?.message ?? ''})`);
}

/**
 * Parses an edXML document or status message. Throws EdxmlError (with a Vietnamese message fit for a
 * 02 status back to the sender) for anything it refuses, and never another error.
 */
export function parseEdxml(xml: string | Uint8Array, limits: EdxmlLimits = {}): ParsedEdxml {
  const bounds = { ...DEFAULT_EDXML_LIMITS, ...limits };
  try {
    const text = decodeXmlInput(xml, bounds.maxBytes);
    const root = readXmlTree(text, { ...bounds, namespace: EDXML_NAMESPACE, rawTextElements: [PAYLOAD] });
    const r = new Reader([]);
    const envelope = root.local === 'edXML' ? r.one(root, 'edXMLEnvelope') : undefined;
    const header = r.one(envelope, 'edXMLHeader');
    if (!envelope || !header) throw new EdxmlError('EDXML_NOT_EDXML', 'Thông điệp không có cấu trúc edXML (edXMLEnvelope/edXMLHeader)');
    const status = r.one(header, 'Status');
    if (status) {
      const staff = r.one(status, 'StaffInfo');
      const parsed = {
        responseFor: r.responseFor(r.one(status, 'ResponseFor')),
        from: r.organization(r.one(status, 'From')),
        statusCode: statusCode(r.text(status, 'StatusCode')),
        description: r.text(status, 'Description'),
        timestamp: r.timestamp(status, 'Timestamp'),
        staffInfo: staff && r.staffInfo(staff),
      };
      return { kind: 'status', status: checked(StatusSchema.safeParse(parsed)), warnings: r.warnings };
    }
    const headerNode = r.one(header, 'MessageHeader');
    if (!headerNode) throw new EdxmlError('EDXML_NOT_EDXML', 'Thông điệp edXML không có MessageHeader hoặc Status');
    const trace = r.one(header, 'TraceHeaderList');
    const message = {
      header: messageHeader(r, headerNode),
      trace: {
        traceHeaders: r.all(trace, 'TraceHeader').map((hop) => ({
          organId: r.text(hop, 'OrganId') ?? '',
          timestamp: r.timestamp(hop, 'Timestamp'),
        })),
        business: business(r, trace),
      },
      attachments: attachments(r, root, envelope, bounds),
    };
    return { kind: 'document', message: checked(MessageSchema.safeParse(message)), warnings: r.warnings };
  } catch (error) {
    if (error instanceof EdxmlError) throw error;
    // A bug or a parser surprise must still reach the caller as a refusal, not a crash.
    throw new EdxmlError('EDXML_MALFORMED', 'Không đọc được thông điệp edXML', { cause: error });
  }
}
