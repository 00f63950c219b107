import type { Multipart } from '@fastify/multipart';
import type { AnonymousContext } from '../../platform/context.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { DomainError } from '../../platform/http/errors.js';
import { loadProcedureForIntake } from '../procedures/index.js';
import { submitOnlineDossier } from './intake-online.js';
import { SubmitOnlineDossierRequest } from './intake-schemas.js';
import { publicAgencies, tenantByCode } from './public-repo.js';
import { CITIZEN_UPLOAD_KINDS, discardSpooled, keepSpooled, spoolUpload, type SpooledUpload } from './public-upload.js';
import { DOSSIER_STATUS_LABELS } from './state-machine.js';
import type { MailSettings } from '../../platform/notify/index.js';

/** What the citizen sends besides the files: DA's online request without the components (they are the files). */
export const OnlineSubmissionData = SubmitOnlineDossierRequest.omit({ components: true });

/** A citizen's upload: at most this many files, each at most this large. */
export const ONLINE_UPLOAD_LIMITS = { maxFiles: 20, maxBytes: 10 * 1024 * 1024 };

const COMPONENT_FIELD = /^component\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

const invalid = (path: string, message: string) => new DomainError('VALIDATION_FAILED', message, { errors: [{ path, message }] });

/** Reads the multipart body: the `data` JSON field and one file per component (`component.<id>`), spooled. */
async function readParts(parts: AsyncIterable<Multipart>, store: BlobStore, uploads: { componentId: string; upload: SpooledUpload }[]): Promise<string> {
  let data: string | null = null;
  for await (const part of parts) {
    if (part.type === 'file') {
      const match = COMPONENT_FIELD.exec(part.fieldname);
      if (!match) {
        part.file.resume();
        throw invalid(part.fieldname, 'Tệp phải gửi trong trường "component.<mã thành phần hồ sơ>"');
      }
      const componentId = match[1]!.toLowerCase();
      if (uploads.some((u) => u.componentId === componentId)) {
        part.file.resume();
        throw invalid(part.fieldname, 'Mỗi thành phần hồ sơ đính kèm một tệp');
      }
      uploads.push({ componentId, upload: await spoolUpload(store, { stream: part.file, filename: part.filename }, { maxBytes: ONLINE_UPLOAD_LIMITS.maxBytes, kinds: CITIZEN_UPLOAD_KINDS }) });
    } else if (part.fieldname === 'data' && typeof part.value === 'string') {
      data = part.value;
    }
  }
  if (data === null) throw invalid('data', 'Thiếu thông tin hồ sơ (trường "data")');
  return data;
}

function parseData(text: string) {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid('data', 'Thông tin hồ sơ không phải JSON hợp lệ');
  }
  const parsed = OnlineSubmissionData.safeParse(json);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ path: ['data', ...i.path.map(String)].join('.'), message: i.message }));
    throw new DomainError('VALIDATION_FAILED', errors[0]?.message, { errors });
  }
  return parsed.data;
}

/**
 * `submitOnlineDossier` (channel 2, no login): the procedure must be offered online (full or partial), each
 * file is checked and kept, and DA's intake service records the dossier (status 1, no code yet: the code comes
 * when an officer receives it). The citizen keeps the dossier id as the reference — a UUIDv7 whose 74 random
 * bits cannot be guessed — and follows it with the lookup.
 */
export async function submitOnline(ctx: AnonymousContext, store: BlobStore, tenantCode: string, parts: AsyncIterable<Multipart>, mail?: MailSettings) {
  const tenant = await tenantByCode(ctx.db, tenantCode);
  if (!tenant) throw new DomainError('NOT_FOUND', 'Không tìm thấy tỉnh, thành phố này');
  const uploads: { componentId: string; upload: SpooledUpload }[] = [];
  try {
    const data = parseData(await readParts(parts, store, uploads));
    const procedure = await loadProcedureForIntake(ctx.db, tenant.id, data.procedureId);
    if (!procedure || !procedure.active) throw invalid('data.procedureId', 'Không tìm thấy thủ tục hành chính đã chọn');
    if (procedure.onlineService === 'none') throw invalid('data.procedureId', `Thủ tục "${procedure.name}" chưa cung cấp dịch vụ công trực tuyến; vui lòng nộp trực tiếp`);
    const known = new Set(procedure.components.map((c) => c.id));
    const stray = uploads.find((u) => !known.has(u.componentId));
    if (stray) throw invalid(`component.${stray.componentId}`, 'Tệp đính kèm không thuộc thành phần hồ sơ của thủ tục');
    return await ctx.db.transaction(async (tx) => {
      const components = [];
      for (const u of uploads) components.push({ procedureComponentId: u.componentId, fileId: await keepSpooled(tx, store, tenant.id, u.upload), digitized: true, fromCitizenStore: false });
      // nobody verified this applicant's identity online: the flag stays false whatever was sent
      const result = await submitOnlineDossier({ db: tx, ip: ctx.ip }, tenantCode, { ...data, applicant: { ...data.applicant, verified: false }, components }, mail ? { mail } : {});
      return {
        reference: result.id,
        status: result.status,
        statusLabel: DOSSIER_STATUS_LABELS[result.status as keyof typeof DOSSIER_STATUS_LABELS],
        procedureName: result.procedureName,
        submittedAt: result.submittedAt,
        receiveDueAt: result.receiveDueAt,
      };
    });
  } finally {
    await discardSpooled(uploads.map((u) => u.upload));
  }
}

/** Agency types a citizen may choose: a department, the Center, or a commune, ward or special zone. */
export const PUBLIC_AGENCY_TYPES = ['department', 'service_center', 'commune_committee', 'ward_committee', 'special_zone_committee'] as const;

/** `listPublicAgencies`: for the commune that resolves a commune-level dossier, or the agency a feedback is about. */
export async function listPublicAgencies(ctx: AnonymousContext, tenantCode: string) {
  const tenant = await tenantByCode(ctx.db, tenantCode);
  if (!tenant) throw new DomainError('NOT_FOUND', 'Không tìm thấy tỉnh, thành phố này');
  return { tenantName: tenant.name, items: await publicAgencies(ctx.db, tenant.id, PUBLIC_AGENCY_TYPES) };
}
