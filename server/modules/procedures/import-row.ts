import { searchKey } from '../../platform/search/normalize.js';
import { CreateProcedureRequest, type CreateProcedureInput } from './schemas.js';
import { parseFeeKind, parseForm, parseLevel, parseNumber, parseOnline, parseRole, parseSubject, parseUnit, parseVnDate, splitItems, type Cells } from './layout.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COLUMN_PATHS: Record<string, string> = {
  code: 'Mã thủ tục',
  name: 'Tên thủ tục',
  field: 'Lĩnh vực',
  level: 'Cấp thực hiện',
  competentAgencyId: 'Cơ quan có thẩm quyền',
  competentAgencyName: 'Cơ quan có thẩm quyền',
  receivingAgencyName: 'Cơ quan tiếp nhận',
  timeLimit: 'Thời hạn giải quyết',
  timeUnit: 'Đơn vị thời hạn',
  subjects: 'Đối tượng thực hiện',
  components: 'Thành phần hồ sơ',
  fees: 'Phí, lệ phí',
  steps: 'Quy trình nội bộ',
  result: 'Kết quả thực hiện',
};

/**
 * One row of the layout as the input of createProcedure, or the reasons it cannot be (in Vietnamese, for
 * the rejected rows' report). The province-level agency is matched by name, short name or code.
 */
export function cellsToInput(cells: Cells, matchDepartment: (name: string) => { agency?: { id: string }; error?: string }): { input?: CreateProcedureInput; errors: string[] } {
  const errors: string[] = [];
  const level = parseLevel(cells.level);
  if (!level) errors.push(`Cấp thực hiện "${cells.level}" phải là "Cấp tỉnh" hoặc "Cấp xã"`);
  let competentAgencyId: string | null = null;
  if (level === 'province') {
    if (!cells.competentAgency) errors.push('Thủ tục cấp tỉnh phải ghi cơ quan có thẩm quyền (một sở, ngành của tỉnh)');
    else {
      const m = matchDepartment(cells.competentAgency);
      if (m.error) errors.push(m.error);
      else competentAgencyId = m.agency!.id;
    }
  }
  const timeLimit = parseNumber(cells.timeLimit);
  if (timeLimit === null) errors.push(`Thời hạn giải quyết "${cells.timeLimit}" phải là một số`);
  const timeUnit = parseUnit(cells.timeUnit);
  if (!timeUnit) errors.push(`Đơn vị thời hạn "${cells.timeUnit}" phải là Ngày làm việc, Giờ làm việc, Ngày hoặc Tháng`);
  const subjects = cells.subjects
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const v = parseSubject(s);
      if (!v) errors.push(`Đối tượng thực hiện "${s}" phải là Công dân, Doanh nghiệp hoặc Tổ chức`);
      return v;
    });
  const components = splitItems(cells.components).map((parts, i) => {
    const [name = '', formText = '', copiesText = '', requiredText = '', templateName = '', templateFileId = ''] = parts;
    const form = formText ? parseForm(formText) : 'original';
    if (!form) errors.push(`Thành phần hồ sơ ${i + 1}: hình thức "${formText}" phải là Bản chính, Bản sao, Bản sao chứng thực hoặc Bản chính hoặc bản sao`);
    const copies = copiesText ? parseNumber(copiesText, true) : 1;
    if (copies === null || !Number.isInteger(copies)) errors.push(`Thành phần hồ sơ ${i + 1}: số lượng "${copiesText}" phải là số nguyên`);
    const required = requiredText === '' || searchKey(requiredText) !== 'khong bat buoc';
    if (templateFileId && !UUID.test(templateFileId)) errors.push(`Thành phần hồ sơ ${i + 1}: mã tệp mẫu "${templateFileId}" không hợp lệ`);
    return { name, form, copies, required, templateName: templateName || null, templateFileId: templateFileId || null };
  });
  const fees = splitItems(cells.fees).map((parts, i) => {
    const [kindText = '', name = '', amountText = '', note = ''] = parts;
    const kind = parseFeeKind(kindText);
    if (!kind) errors.push(`Phí, lệ phí ${i + 1}: loại "${kindText}" phải là Phí hoặc Lệ phí`);
    const amount = parseNumber(amountText, true);
    if (amount === null) errors.push(`Phí, lệ phí ${i + 1}: mức thu "${amountText}" phải là số đồng`);
    return { kind, name, amount, ...(note ? { note } : {}) };
  });
  const steps = splitItems(cells.steps).map((parts, i) => {
    const [name = '', roleText = '', hoursText = '', notCountedText = ''] = parts;
    const role = parseRole(roleText);
    if (!role) errors.push(`Bước ${i + 1}: vai trò "${roleText}" phải là Tiếp nhận, Phân công, Thẩm định, Xem xét, Phê duyệt, Phát hành hoặc Trả kết quả`);
    const budgetHours = parseNumber(hoursText);
    if (budgetHours === null) errors.push(`Bước ${i + 1}: số giờ "${hoursText}" phải là một số`);
    return { name, role, budgetHours, notCounted: notCountedText !== '' };
  });
  const forms = cells.resultForms.split(/[;,]/).map((s) => searchKey(s)).filter(Boolean);
  const noForm = forms.length === 1 && forms[0] === 'khong';
  if (!noForm) for (const f of forms) if (f !== 'giay' && f !== 'dien tu') errors.push(`Hình thức kết quả "${cells.resultForms}" chỉ gồm Giấy và/hoặc Điện tử (hoặc Không)`);
  const onlineService = cells.onlineService ? parseOnline(cells.onlineService) : 'none';
  if (!onlineService) errors.push(`Dịch vụ công trực tuyến "${cells.onlineService}" phải là Toàn trình, Một phần hoặc Không`);
  const dates = {} as Record<'legalEffectiveDate' | 'publicationDecisionDate' | 'publishedOn', string | null>;
  for (const [key, title] of [['legalEffectiveDate', 'Ngày hiệu lực căn cứ pháp lý'], ['publicationDecisionDate', 'Ngày quyết định công bố'], ['publishedOn', 'Ngày công khai']] as const) {
    const d = parseVnDate(cells[key]);
    if (d === undefined) errors.push(`${title} "${cells[key]}" không phải ngày dd/MM/yyyy`);
    dates[key] = d ?? null;
  }
  const status = searchKey(cells.status);
  if (status && status !== 'dang ap dung' && status !== 'bai bo') errors.push(`Tình trạng "${cells.status}" phải là "Đang áp dụng" hoặc "Bãi bỏ"`);
  if (errors.length) return { errors };
  const parsed = CreateProcedureRequest.safeParse({
    code: cells.code,
    name: cells.name,
    field: cells.field,
    level,
    competentAgencyId,
    competentAgencyName: cells.competentAgency || undefined,
    receivingAgencyName: cells.receivingAgency || undefined,
    timeLimit,
    timeUnit,
    sequence: cells.sequence,
    method: cells.method,
    subjects: subjects.length ? subjects : undefined,
    fees,
    result: cells.result,
    resultPaper: !noForm && (forms.length === 0 || forms.includes('giay')),
    resultElectronic: forms.includes('dien tu'),
    legalBasis: cells.legalBasis,
    requirements: cells.requirements,
    onlineService,
    publicationDecision: cells.publicationDecision || null,
    ...dates,
    active: status !== 'bai bo',
    components,
    steps,
  });
  if (!parsed.success) {
    return {
      errors: parsed.error.issues.map((issue) => {
        const [head, index, leaf] = issue.path.map(String);
        const column = COLUMN_PATHS[head ?? ''] ?? head ?? '';
        const where = index !== undefined && leaf !== undefined ? ` (mục ${Number(index) + 1})` : '';
        return `${column}${where}: ${issue.message}`;
      }),
    };
  }
  return { input: parsed.data, errors };
}
