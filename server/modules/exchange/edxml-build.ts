/**
 * Writes edXML messages. Strict in what we send (edxml-outgoing.ts checks first):
 * - every element carries the `edXML:` prefix bound to the QCVN 102 namespace, as the VNPT SDK, the
 *   gateway and Bkav do (domain §2.4), even though a default namespace would mean the same;
 * - elements in the order observed in those implementations (domain §2.3);
 * - `Bussiness` / `BussinessDocType`, the VNPT SDK's spelling (`com.vnpt.xml.base.header.Bussiness`),
 *   because the national axis (NDXP) is VNPT's and its readers expect it; we read both spellings;
 * - dates `yyyy/MM/dd`, timestamps `yyyy/MM/dd HH:mm:ss` in Việt Nam time;
 * - attachments as plain Base64 of the file bytes. Two gateways zip before Base64, but nothing says the
 *   standard requires it (domain §5) and every reader we know accepts plain Base64.
 * No XML-DSig `Signature` element: the PDFs carry PAdES signatures (signing module).
 */
import { create } from 'xmlbuilder2';
import { formatEdxmlDate, formatEdxmlTimestamp } from './edxml-dates.js';
import { checkOutgoingMessage, checkOutgoingStatus, cleanText } from './edxml-outgoing.js';
import {
  EDXML_NAMESPACE,
  type EdxmlAttachment,
  type EdxmlBusiness,
  type EdxmlMessage,
  type EdxmlMessageHeader,
  type EdxmlOrganization,
  type EdxmlResponseFor,
  type EdxmlStaffInfo,
  type EdxmlStatus,
} from './edxml-types.js';

// The builder type is not exported from the package root; every node is what `create` returns.
type XMLBuilder = ReturnType<typeof create>;
type Leaf = string | number | undefined;

/** Appends `<edXML:name>` and returns it. */
function add(parent: XMLBuilder, name: string): XMLBuilder {
  return parent.ele(EDXML_NAMESPACE, `edXML:${name}`);
}

/**
 * Appends `<edXML:name>value</edXML:name>` unless the value is absent or empty.
 * xmlbuilder2 (4.0.3) does not escape a `&` that starts something shaped like a reference (`&amp;`,
 * `&foo;`, `&#65;`), so "R&D;" would go out as an undeclared entity and "&amp;" would come back as "&".
 * We escape every `&` first; its pass-through then leaves our `&amp;` alone. The property test
 * (edxml-property.test.ts) fails if a later version changes this.
 */
function leaf(parent: XMLBuilder, name: string, value: Leaf): void {
  if (value === undefined) return;
  const text = typeof value === 'number' ? String(value) : cleanText(value);
  if (text !== '') add(parent, name).txt(text.replaceAll('&', '&amp;'));
}

function organization(parent: XMLBuilder, name: 'From' | 'To', org: EdxmlOrganization): void {
  const el = add(parent, name);
  leaf(el, 'OrganId', org.organId);
  leaf(el, 'OrganizationInCharge', org.organizationInCharge);
  leaf(el, 'OrganName', org.organName);
  leaf(el, 'OrganAdd', org.organAdd);
  leaf(el, 'Email', org.email);
  leaf(el, 'Telephone', org.telephone);
  leaf(el, 'Fax', org.fax);
  leaf(el, 'Website', org.website);
}

function responseFor(parent: XMLBuilder, value: EdxmlResponseFor): void {
  const el = add(parent, 'ResponseFor');
  leaf(el, 'OrganId', value.organId);
  leaf(el, 'Code', value.code);
  leaf(el, 'PromulgationDate', value.promulgationDate && formatEdxmlDate(value.promulgationDate));
  leaf(el, 'DocumentId', value.documentId);
}

function staffInfo(parent: XMLBuilder, value: EdxmlStaffInfo): void {
  const el = add(parent, 'StaffInfo');
  leaf(el, 'Department', value.department);
  leaf(el, 'Staff', value.staff);
  leaf(el, 'Mobile', value.mobile);
  leaf(el, 'Email', value.email);
}

function messageHeader(parent: XMLBuilder, h: EdxmlMessageHeader): void {
  const el = add(parent, 'MessageHeader');
  organization(el, 'From', h.from);
  for (const to of h.to) organization(el, 'To', to);
  leaf(el, 'DocumentId', h.documentId);
  const code = add(el, 'Code');
  leaf(code, 'CodeNumber', h.code.codeNumber);
  leaf(code, 'CodeNotation', h.code.codeNotation);
  const promulgation = add(el, 'PromulgationInfo');
  leaf(promulgation, 'Place', h.promulgationInfo.place);
  const date = h.promulgationInfo.promulgationDate;
  leaf(promulgation, 'PromulgationDate', date && formatEdxmlDate(date));
  const type = add(el, 'DocumentType');
  leaf(type, 'Type', h.documentType.type);
  leaf(type, 'TypeDetail', h.documentType.typeDetail);
  leaf(type, 'TypeName', h.documentType.typeName);
  leaf(el, 'Subject', h.subject);
  leaf(el, 'Content', h.content);
  if (h.signerInfo) {
    const signer = add(el, 'SignerInfo');
    leaf(signer, 'Competence', h.signerInfo.competence);
    leaf(signer, 'Position', h.signerInfo.position);
    leaf(signer, 'FullName', h.signerInfo.fullName);
  }
  leaf(el, 'DueDate', h.dueDate && formatEdxmlDate(h.dueDate));
  if (h.toPlaces.length > 0) {
    const places = add(el, 'ToPlaces');
    for (const place of h.toPlaces) leaf(places, 'Place', place);
  }
  if (h.otherInfo) {
    const other = add(el, 'OtherInfo');
    leaf(other, 'Priority', h.otherInfo.priority);
    leaf(other, 'SphereOfPromulgation', h.otherInfo.sphereOfPromulgation);
    leaf(other, 'TyperNotation', h.otherInfo.typerNotation);
    leaf(other, 'PromulgationAmount', h.otherInfo.promulgationAmount);
    leaf(other, 'PageAmount', h.otherInfo.pageAmount);
    if (h.otherInfo.appendixes.length > 0) {
      const appendixes = add(other, 'Appendixes');
      for (const appendix of h.otherInfo.appendixes) leaf(appendixes, 'Appendix', appendix);
    }
  }
  leaf(el, 'SteeringType', h.steeringType);
  for (const value of h.responseFor) responseFor(el, value);
}

function business(parent: XMLBuilder, b: EdxmlBusiness): void {
  const el = add(parent, 'Bussiness');
  leaf(el, 'BussinessDocType', b.businessDocType);
  leaf(el, 'BussinessDocReason', b.businessDocReason);
  leaf(el, 'DocumentId', b.documentId);
  leaf(el, 'Paper', b.paper ? 1 : 0);
  for (const staff of b.staffInfo) staffInfo(el, staff);
  if (b.documentInfo) {
    const info = add(el, 'BussinessDocumentInfo');
    leaf(info, 'DocumentInfo', b.documentInfo.documentInfo);
    leaf(info, 'DocumentReceiver', b.documentInfo.documentReceiver);
    const list = add(info, 'ReceiverList');
    for (const receiver of b.documentInfo.receivers) {
      const r = add(list, 'Receiver');
      leaf(r, 'ReceiverType', receiver.receiverType);
      leaf(r, 'OrganId', receiver.organId);
    }
  }
  if (b.replacements.length > 0) {
    const list = add(el, 'ReplacementInfoList');
    for (const replacement of b.replacements) {
      const info = add(list, 'ReplacementInfo');
      leaf(info, 'DocumentId', replacement.documentId);
      const organs = add(info, 'OrganIdList');
      for (const organId of replacement.organIds) leaf(organs, 'OrganId', organId);
    }
  }
}

function attachmentFields(el: XMLBuilder, a: EdxmlAttachment, withDescription: boolean): void {
  leaf(el, 'ContentId', `cid:${a.contentId}`);
  leaf(el, 'AttachmentName', a.attachmentName);
  leaf(el, 'ContentType', a.contentType);
  if (withDescription) leaf(el, 'Description', a.description);
}

function envelope(): { doc: XMLBuilder; root: XMLBuilder; header: XMLBuilder; env: XMLBuilder } {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = add(doc, 'edXML');
  const env = add(root, 'edXMLEnvelope');
  return { doc, root, env, header: add(env, 'edXMLHeader') };
}

const serialize = (doc: XMLBuilder): string => doc.end({ prettyPrint: false, wellFormed: true });

const PAYLOAD_MARK = 'payload#';
const PAYLOAD_OPEN = '<edXML:ContentTransferEncoded>';
const PAYLOAD_CLOSE = '</edXML:ContentTransferEncoded>';
const PAYLOAD_ELEMENT = new RegExp(`${PAYLOAD_OPEN}${PAYLOAD_MARK}(\\d+)${PAYLOAD_CLOSE}`, 'g');

/** One edXML document message, with its attachments embedded. Throws EdxmlError when not sendable. */
export function buildEdxml(message: EdxmlMessage): string {
  checkOutgoingMessage(message);
  const { doc, root, env, header } = envelope();
  messageHeader(header, message.header);
  const trace = add(header, 'TraceHeaderList');
  for (const hop of message.trace.traceHeaders) {
    const el = add(trace, 'TraceHeader');
    leaf(el, 'OrganId', hop.organId);
    leaf(el, 'Timestamp', formatEdxmlTimestamp(hop.timestamp));
  }
  business(trace, message.trace.business);
  const manifest = add(add(env, 'edXMLBody'), 'edXMLManifest').att('version', '1.0');
  const payloads: string[] = [];
  for (const attachment of message.attachments) attachmentFields(add(manifest, 'Reference'), attachment, true);
  if (message.attachments.length > 0) {
    const encoded = add(root, 'AttachmentEncoded');
    for (const attachment of message.attachments) {
      const el = add(encoded, 'Attachment');
      attachmentFields(el, attachment, false);
      add(el, 'ContentTransferEncoded').txt(`${PAYLOAD_MARK}${payloads.length}`);
      payloads.push(Buffer.from(attachment.bytes).toString('base64'));
    }
  }
  // Base64 needs no escaping, and passing megabytes through the builder costs ~20 ms per MB; so the
  // payloads go in after serialising. The whole-element pattern cannot match text a user wrote, whose
  // `<` is escaped.
  return serialize(doc).replace(PAYLOAD_ELEMENT, (_match, index: string) => `${PAYLOAD_OPEN}${payloads[Number(index)]}${PAYLOAD_CLOSE}`);
}

/** A status message (01 arrived … 16 recall refused) about a document we received. */
export function buildStatusEdxml(status: EdxmlStatus): string {
  checkOutgoingStatus(status);
  const { doc, header } = envelope();
  const el = add(header, 'Status');
  responseFor(el, status.responseFor);
  organization(el, 'From', status.from);
  leaf(el, 'StatusCode', status.statusCode);
  leaf(el, 'Description', status.description);
  leaf(el, 'Timestamp', formatEdxmlTimestamp(status.timestamp));
  if (status.staffInfo) staffInfo(el, status.staffInfo);
  return serialize(doc);
}
