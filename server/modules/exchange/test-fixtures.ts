/**
 * Test data for edXML: a complete message, and hand-written XML in the shapes other systems send
 * (domain §2.3–2.4). Not used outside tests.
 */
import { zipSync } from 'fflate';
import type { EdxmlMessage, EdxmlStatus } from './edxml-types.js';

export const NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';

/** A small but real-looking PDF header plus Vietnamese bytes, so equality checks cover every byte value. */
export const PDF_BYTES = new Uint8Array([
  ...Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Title (Công văn) >>\nendobj\n', 'utf8'),
  ...Array.from({ length: 256 }, (_, i) => i),
]);

export function sampleMessage(): EdxmlMessage {
  return {
    header: {
      from: { organId: '000.00.00.H41', organName: 'UBND tỉnh Nghệ An', organAdd: 'Số 3 Trường Thi, TP Vinh', email: 'vanthu@nghean.gov.vn' },
      to: [
        { organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' },
        { organId: '000.00.00.H01', organName: 'UBND tỉnh An Giang' },
      ],
      documentId: '000.00.00.H41,2025/03/10,345/UBND-VP',
      code: { codeNumber: '345', codeNotation: 'UBND-VP' },
      promulgationInfo: { place: 'Nghệ An', promulgationDate: '2025-03-10' },
      documentType: { type: 1, typeDetail: 0, typeName: 'Công văn' },
      subject: 'V/v báo cáo tình hình thực hiện nhiệm vụ quý I năm 2025 & kế hoạch <quý II>',
      content: 'Đề nghị các cơ quan báo cáo trước ngày 20/3/2025.',
      signerInfo: { competence: 'KT. CHỦ TỊCH', position: 'Phó Chủ tịch', fullName: 'Nguyễn Văn A' },
      dueDate: '2025-03-20',
      toPlaces: ['Như trên;', 'Lưu: VT, VP.'],
      otherInfo: { priority: 1, sphereOfPromulgation: 'Liên thông văn bản quốc gia', typerNotation: 'NVA', promulgationAmount: 2, pageAmount: 3, appendixes: ['Phụ lục I'] },
      steeringType: 0,
      responseFor: [{ organId: '000.00.00.G22', code: '7816/VPCP-TTĐT', promulgationDate: '2018-09-20', documentId: '000.00.00.G22,2018/09/20,7816/VPCP-TTĐT' }],
    },
    trace: {
      traceHeaders: [{ organId: '000.00.00.H41', timestamp: new Date('2025-03-10T08:02:11Z') }],
      business: { businessDocType: 0, paper: false, staffInfo: [{ department: 'Văn thư', staff: 'Trần Thị B', mobile: '0912345678' }], replacements: [] },
    },
    attachments: [
      { contentId: '3f2a9c1e-0000-4000-8000-000000000001', attachmentName: '345-UBND-VP.pdf', contentType: 'application/pdf', description: 'Văn bản chính', bytes: PDF_BYTES },
      { contentId: '3f2a9c1e-0000-4000-8000-000000000002', attachmentName: 'Phụ lục I.pdf', contentType: 'application/pdf', bytes: new Uint8Array([1, 2, 3]) },
    ],
  };
}

export function sampleStatus(code: EdxmlStatus['statusCode'], description?: string): EdxmlStatus {
  return {
    responseFor: { organId: '000.00.00.H41', code: '345/UBND-VP', promulgationDate: '2025-03-10', documentId: '000.00.00.H41,2025/03/10,345/UBND-VP' },
    from: { organId: '000.00.00.H01', organName: 'UBND tỉnh An Giang' },
    statusCode: code,
    description,
    timestamp: new Date('2025-03-10T09:15:00Z'),
    staffInfo: { department: 'Văn thư', staff: 'Lê Văn C' },
  };
}

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** A one-entry ZIP, as the VNPT SDK and the vpcp gateway wrap attachments. */
export function zipped(name: string, bytes: Uint8Array, level: 0 | 9 = 9): Uint8Array {
  return zipSync({ [name]: [bytes, { level }] });
}

/**
 * The domain file's illustration (§2.4): default namespace on the root, `edXML:` prefix on the envelope
 * and the payload, Bkav's `Business` spelling and `dd/MM/yyyy` dates when asked.
 */
export function handWritten(options: {
  root?: string;
  prefix?: string;
  business?: 'Bussiness' | 'Business';
  timestamp?: string;
  promulgationDate?: string;
  payload?: string;
  docType?: string;
  extraAttachments?: number;
} = {}): string {
  const p = options.prefix === undefined ? '' : `${options.prefix}:`;
  const bus = options.business ?? 'Bussiness';
  const payload = options.payload ?? b64(PDF_BYTES);
  const docType = options.docType === undefined ? '' : `<${p}${bus}DocType>${options.docType}</${p}${bus}DocType>`;
  const extra = Array.from({ length: options.extraAttachments ?? 0 }, (_, i) =>
    `<${p}Attachment><${p}ContentId>cid:x${i}</${p}ContentId><${p}AttachmentName>x${i}.txt</${p}AttachmentName><${p}ContentTransferEncoded>QQ==</${p}ContentTransferEncoded></${p}Attachment>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
${options.root ?? `<${p}edXML xmlns${p ? `:${p.slice(0, -1)}` : ''}="${NS}">`}
 <${p}edXMLEnvelope>
  <${p}edXMLHeader>
   <${p}MessageHeader>
    <${p}From><${p}OrganId>000.00.00.H41</${p}OrganId><${p}OrganName>UBND tỉnh Nghệ An</${p}OrganName></${p}From>
    <${p}To><${p}OrganId>000.00.00.G22</${p}OrganId><${p}OrganName>Văn phòng Chính phủ</${p}OrganName></${p}To>
    <${p}DocumentId>000.00.00.H41,2025/03/10,345/UBND-VP</${p}DocumentId>
    <${p}Code><${p}CodeNumber>345</${p}CodeNumber><${p}CodeNotation>UBND-VP</${p}CodeNotation></${p}Code>
    <${p}PromulgationInfo><${p}Place>Nghệ An</${p}Place><${p}PromulgationDate>${options.promulgationDate ?? '2025/03/10'}</${p}PromulgationDate></${p}PromulgationInfo>
    <${p}DocumentType><${p}Type>1</${p}Type><${p}TypeName>Công văn</${p}TypeName></${p}DocumentType>
    <${p}Subject>  V/v báo cáo tình hình &amp; kế hoạch  </${p}Subject>
    <${p}SignerInfo><${p}Competence>KT. CHỦ TỊCH</${p}Competence><${p}FullName>Nguyễn Văn A</${p}FullName></${p}SignerInfo>
    <${p}DueDate>2025/03/20</${p}DueDate>
    <${p}OtherInfo><${p}Priority>1</${p}Priority></${p}OtherInfo>
    <${p}SteeringType>0</${p}SteeringType>
   </${p}MessageHeader>
   <${p}TraceHeaderList>
    <${p}TraceHeader><${p}OrganId>000.00.00.H41</${p}OrganId><${p}Timestamp>${options.timestamp ?? '2025/03/10 15:02:11'}</${p}Timestamp></${p}TraceHeader>
    <${p}${bus}>${docType}<${p}Paper>0</${p}Paper></${p}${bus}>
   </${p}TraceHeaderList>
   <Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignatureValue>AAAA</SignatureValue></Signature>
  </${p}edXMLHeader>
  <${p}edXMLBody><${p}edXMLManifest version="1.0">
   <${p}Reference><${p}ContentId>cid:3f2a</${p}ContentId><${p}ContentType>application/pdf</${p}ContentType><${p}AttachmentName>345-UBND-VP.pdf</${p}AttachmentName><${p}Description>Văn bản chính</${p}Description></${p}Reference>
  </${p}edXMLManifest></${p}edXMLBody>
 </${p}edXMLEnvelope>
 <${p}AttachmentEncoded><${p}Attachment><${p}ContentId>cid:3f2a</${p}ContentId><${p}AttachmentName>345-UBND-VP.pdf</${p}AttachmentName><${p}ContentType>application/pdf</${p}ContentType>
  <${p}ContentTransferEncoded>${payload}</${p}ContentTransferEncoded></${p}Attachment>${extra}</${p}AttachmentEncoded>
</${p}edXML>`;
}

/** The domain file's exact mix: default namespace on the root, `edXML:` declared again on inner elements. */
export function domainIllustration(): string {
  return handWritten()
    .replace(/<edXMLEnvelope>/, `<edXML:edXMLEnvelope xmlns:edXML="${NS}">`)
    .replace(/<\/edXMLEnvelope>/, '</edXML:edXMLEnvelope>')
    .replace(/<ContentTransferEncoded>([^<]*)<\/ContentTransferEncoded>/, `<edXML:ContentTransferEncoded xmlns:edXML="${NS}">$1</edXML:ContentTransferEncoded>`);
}

export function statusXml(code: string, timestamp = '10/03/2025 16:15:00'): string {
  return `<edXML:edXML xmlns:edXML="${NS}"><edXML:edXMLEnvelope><edXML:edXMLHeader><edXML:Status>
<edXML:ResponseFor><edXML:OrganId>000.00.00.H41</edXML:OrganId><edXML:Code>345/UBND-VP</edXML:Code><edXML:PromulgationDate>2025/03/10</edXML:PromulgationDate><edXML:DocumentId>000.00.00.H41,2025/03/10,345/UBND-VP</edXML:DocumentId></edXML:ResponseFor>
<edXML:From><edXML:OrganId>000.00.00.G22</edXML:OrganId><edXML:OrganName>Văn phòng Chính phủ</edXML:OrganName></edXML:From>
<edXML:StatusCode>${code}</edXML:StatusCode><edXML:Description>Đã tiếp nhận văn bản</edXML:Description>
<edXML:Timestamp>${timestamp}</edXML:Timestamp>
<edXML:StaffInfo><edXML:Department>Phòng Hành chính</edXML:Department><edXML:Staff>Phạm D</edXML:Staff></edXML:StaffInfo>
</edXML:Status></edXML:edXMLHeader></edXML:edXMLEnvelope></edXML:edXML>`;
}
