import { and, eq, sql } from 'drizzle-orm';
import { newId } from '../server/db/columns.js';
import type { Database } from '../server/db/open.js';
import { agencies, tenants, users } from '../server/modules/org/tables.js';
import { documentRegisters, registerCounters } from '../server/modules/documents/tables.js';
import { rebuild } from '../server/modules/stats/rollup-engine.js';
import { DOCUMENT_ROLLUP } from '../server/modules/stats/rollups.js';

// Subjects as a provincial office receives them; each generated document takes one and a number.
const SUBJECTS = [
  'Về việc báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội',
  'Về việc quản lý đất đai và cấp giấy chứng nhận quyền sử dụng đất',
  'Về việc triển khai chuyển đổi số trong cơ quan nhà nước',
  'Về việc phòng, chống thiên tai và tìm kiếm cứu nạn mùa mưa bão',
  'Về việc giải ngân vốn đầu tư công',
  'Về việc tổ chức kỳ thi tốt nghiệp trung học phổ thông',
  'Về việc đảm bảo an toàn thực phẩm dịp Tết Nguyên đán',
  'Về việc cải cách thủ tục hành chính và dịch vụ công trực tuyến',
  'Về việc phòng cháy, chữa cháy tại khu dân cư',
  'Về việc kiểm tra công tác bảo vệ môi trường',
  'Về việc điều chỉnh quy hoạch xây dựng vùng huyện',
  'Về việc hỗ trợ hộ nghèo, hộ cận nghèo',
  'Về việc tiếp công dân định kỳ tháng',
  'Về việc thu hồi đất để thực hiện dự án giao thông',
  'Về việc quản lý trật tự xây dựng đô thị',
  'Về việc chi trả chính sách cho người có công với cách mạng',
  'Về việc tăng cường công tác phòng, chống dịch bệnh trên cây lúa',
  'Về việc bố trí kinh phí sự nghiệp giáo dục',
  'Về việc sắp xếp đơn vị hành chính cấp xã',
  'Về việc kiểm tra, giám sát hoạt động khai thác cát',
];
const SENDERS = ['Bộ Nội vụ', 'Bộ Tài chính', 'Văn phòng Chính phủ', 'Sở Tài chính', 'Sở Xây dựng', 'Sở Nông nghiệp và Môi trường', 'Ủy ban nhân dân phường Rạch Giá', 'Ủy ban nhân dân xã An Phú', 'Công an tỉnh', 'Bộ Giáo dục và Đào tạo'];
const NOTATIONS = ['UBND-VP', 'BNV-TCBC', 'BTC-NSNN', 'VPCP-KSTT', 'STC-NS', 'SXD-QLN', 'SNNMT-QLĐĐ', 'UBND-KT', 'CAT-PV01', 'BGDĐT-QLCL'];
const TYPES = ['CV', 'CV', 'CV', 'QĐ', 'BC', 'TB', 'KH', 'TTr', 'GM', 'CV'];

/**
 * `count` incoming documents spread over every agency of the province and three years (arrival numbers
 * are unique, not dense), inserted by PostgreSQL itself (generate_series) in batches; the trigram indexes are
 * dropped during the load and built once at the end, as one would restore a large office's archive.
 */
export async function generateDocuments(database: Database, count: number, log: (msg: string) => void): Promise<void> {
  const db = database.db;
  const [tenant] = await db.select().from(tenants).where(eq(tenants.code, 'an-giang'));
  const tenantId = tenant!.id;
  const allAgencies = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.tenantId, tenantId)).orderBy(agencies.sortOrder, agencies.id);
  const [clerk] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'vanthu'));
  // one incoming register per agency; their ids in agency order
  const registerIds: string[] = [];
  for (const a of allAgencies) {
    await db.insert(documentRegisters).values({ id: newId(), tenantId, agencyId: a.id, direction: 'incoming', name: 'Sổ văn bản đến', secret: false }).onConflictDoNothing();
    const [r] = await db
      .select({ id: documentRegisters.id })
      .from(documentRegisters)
      .where(and(eq(documentRegisters.agencyId, a.id), eq(documentRegisters.direction, 'incoming'), eq(documentRegisters.name, 'Sổ văn bản đến')));
    registerIds.push(r!.id);
  }
  // the provincial office gets a third of everything, as the real one does
  const [vp] = await db.select({ id: agencies.id }).from(agencies).where(and(eq(agencies.tenantId, tenantId), eq(agencies.shortName, 'VP')));
  const vpIndex = allAgencies.findIndex((a) => a.id === vp!.id);

  await database.exec('drop index if exists documents_search_trgm_idx; drop index if exists documents_content_trgm_idx');
  const A = allAgencies.length;
  const YEARS = 3;
  const batch = 100_000;
  const arr = (xs: string[]) => `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`;
  // the dashboard's rollup is recounted once at the end instead of document by document through the outbox
  await database.exec('ALTER TABLE documents DISABLE TRIGGER USER');
  for (let start = 0; start < count; start += batch) {
    const end = Math.min(count, start + batch) - 1;
    // i → agency (a third to the office), year, number unique per (register, year)
    await db.execute(
      sql.raw(`
      insert into documents (id, tenant_id, agency_id, direction, register_id, arrival_number, arrival_year, received_at, channel,
        sender_name, code_number, code_notation, issued_date, type_code, subject, urgency, confidentiality, due_date, status,
        content_extracted_at, created_by, created_at, updated_at)
      select gen_random_uuid(), '${tenantId}', (${arr(allAgencies.map((a) => a.id))})[g.ag + 1]::uuid, 'incoming',
        (${arr(registerIds)})[g.ag + 1]::uuid, g.num, g.yr, g.at, case when g.i % 5 = 0 then 'paper' else 'electronic' end,
        (${arr(SENDERS)})[g.i % 10 + 1], (g.i % 9000 + 1)::text, (${arr(NOTATIONS)})[g.i % 10 + 1], (g.at at time zone 'Asia/Ho_Chi_Minh')::date - 2,
        (${arr(TYPES)})[g.i % 10 + 1], (${arr(SUBJECTS)})[g.i % ${SUBJECTS.length} + 1] || ' (đợt ' || g.i || ')',
        case when g.i % 50 = 0 then 'urgent' else 'normal' end, 'normal',
        case when g.i % 3 = 0 then (g.at at time zone 'Asia/Ho_Chi_Minh')::date + 10 end,
        case when g.i % 4 = 0 then 'registered' else 'done' end, g.at, '${clerk!.id}', g.at, g.at
      from (
        select i,
          case when i % 3 = 0 then ${vpIndex} else i % ${A} end as ag,
          2024 + (i / ${A}) % ${YEARS} as yr,
          i + 1 as num,
          make_timestamptz(2024 + (i / ${A}) % ${YEARS}, 1, 2, 8, 0, 0, 'Asia/Ho_Chi_Minh') + ((i / (${A} * ${YEARS})) % 350) * interval '1 day' + (i % 480) * interval '1 minute' as at
        from generate_series(${start}, ${end}) as i
      ) g`),
    );
    log(`  ${(end + 1).toLocaleString('vi-VN')} văn bản`);
  }
  await database.exec('ALTER TABLE documents ENABLE TRIGGER USER');
  await rebuild(db, DOCUMENT_ROLLUP);
  log('  tạo lại chỉ mục tìm kiếm (trigram)…');
  await database.exec('CREATE INDEX documents_search_trgm_idx ON documents USING gin (search_text gin_trgm_ops); CREATE INDEX documents_content_trgm_idx ON documents USING gin (content_key gin_trgm_ops)');
  // counters continue after the generated numbers
  await db.execute(sql`insert into ${registerCounters} (register_id, year, last_number)
    select register_id, arrival_year, max(arrival_number) from documents where register_id is not null and arrival_number is not null group by register_id, arrival_year
    on conflict (register_id, year) do update set last_number = excluded.last_number`);
}
