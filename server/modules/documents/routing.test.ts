import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { auditEntries } from '../../platform/audit/tables.js';
import { vietnamDate } from '../../platform/calendar/date-only.js';
import { documentAssignments } from './tables.js';

let t: TestApp;
let clerk: Session;
let officeChief: Session;
let specialist: Session;
let viceChair: Session;
let department: Session;
let admin: Session;

type Doc = { id: string; numberNotation: string; status: string; dueDate: string | null; events: { kind: string; note: string; actorName: string }[]; routing: { assignments: Assignment[]; can: Record<string, boolean> } };
type Assignment = { id: string; role: string; status: string; userId: string | null; unitId: string; dueDate: string | null; originalDueDate: string | null; actions: string[]; parentId: string | null };

let seq = 0;
async function registered(extra: Record<string, unknown> = {}): Promise<Doc> {
  seq += 1;
  const res = await t.as(clerk, {
    method: 'POST',
    url: '/api/documents/incoming',
    payload: { channel: 'electronic', senderName: 'Bộ Nội vụ', numberNotation: `${seq}/BNV-VP`, issuedDate: '2026-03-02', typeCode: 'CV', subject: `Về việc rà soát tổ chức bộ máy lần ${seq}`, ...extra },
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}
const get = (s: Session, id: string) => t.as(s, { method: 'GET', url: `/api/documents/${id}` });
const post = (s: Session, url: string, payload: object) => t.as(s, { method: 'POST', url, payload });
const inbox = async (s: Session, view: string) => (await t.as(s, { method: 'GET', url: `/api/documents/inbox?view=${view}` })).json() as { items: { id: string; assignment: { role: string; overdue: boolean } | null }[]; total: number };
const counts = async (s: Session) => (await t.as(s, { method: 'GET', url: '/api/documents/inbox/counts' })).json() as Record<string, number>;
const mine = (doc: Doc, s: Session, role: string) => doc.routing.assignments.find((a) => a.role === role && (a.userId === s.user.id || (a.userId === null && a.unitId === s.user.unit.id)))!;

beforeAll(async () => {
  t = await createTestApp();
  [clerk, officeChief, specialist, viceChair, department, admin] = (await Promise.all(['vanthu', 'chanhvanphong', 'chuyenvien', 'lanhdao', 'so', 'admin'].map((u) => t.login(u)))) as [Session, Session, Session, Session, Session, Session];
});
afterAll(() => t.close());

describe('direction and routing of an incoming document', () => {
  it('goes clerk → leader → unit → done, each step on the timeline, in the inboxes and in the audit log', async () => {
    const doc = await registered();
    expect((await get(specialist, doc.id)).statusCode).toBe(404);
    expect((await inbox(clerk, 'unassigned')).items.map((d) => d.id)).toContain(doc.id);
    // the inbox's search box: words without accents, the number and symbol
    const found = await inbox(clerk, `unassigned&q=${encodeURIComponent(`ra soat to chuc ${doc.numberNotation}`)}`);
    expect(found.items.map((d) => d.id)).toEqual([doc.id]);
    expect(found.total).toBe(1);
    expect((await inbox(clerk, 'unassigned&q=khong%20co%20van%20ban%20nay')).total).toBe(0);

    // only a leader of the agency gives directions: not a specialist, not another agency's leader
    for (const who of [specialist, department]) {
      const refused = await post(clerk, `/api/documents/${doc.id}/present`, { leaderId: who.user.id });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors[0]).toEqual({ path: 'leaderId', message: 'Chỉ trình được lãnh đạo của cơ quan' });
    }
    const presented = await post(clerk, `/api/documents/${doc.id}/present`, { leaderId: officeChief.user.id, note: 'Kính trình Chánh Văn phòng' });
    expect(presented.statusCode).toBe(200);
    expect(presented.json().status).toBe('presented');
    expect((await inbox(officeChief, 'mine')).items.find((d) => d.id === doc.id)?.assignment?.role).toBe('direct');
    // on the row presented to him, the leader answers; taking it back is the clerk's
    expect(mine(presented.json(), officeChief, 'direct').actions).toEqual(['recall']);
    expect(mine((await get(officeChief, doc.id)).json(), officeChief, 'direct').actions).toEqual(['complete']);

    const assigned = await post(officeChief, `/api/documents/${doc.id}/assignments`, {
      instruction: 'Giao Phòng Tổng hợp chủ trì tham mưu văn bản trả lời',
      lead: { unitId: specialist.user.unit.id },
      coordinators: [{ userId: department.user.id }],
      info: [{ userId: viceChair.user.id }],
      dueInWorkingDays: 5,
    });
    expect(assigned.statusCode).toBe(200);
    const after: Doc = assigned.json();
    expect(after.status).toBe('in_progress');
    expect(after.dueDate).not.toBeNull();
    expect(after.dueDate! > vietnamDate(new Date())).toBe(true);
    expect(after.routing.assignments.map((a) => [a.role, a.status])).toEqual([
      ['direct', 'done'],
      ['lead', 'pending'],
      ['coordinate', 'pending'],
      ['info', 'pending'],
    ]);
    expect(after.routing.can).toEqual({ present: false, assign: false, reassign: true });
    expect(after.events.at(-1)).toMatchObject({ kind: 'assigned', actorName: 'Phạm Thanh Hải' });
    expect(after.events.at(-1)!.note).toContain('Chủ trì: Phòng Tổng hợp');

    // the unit, the coordinator (another agency) and the reader now see it; the leader's direction is done
    expect((await inbox(officeChief, 'mine')).items.map((d) => d.id)).not.toContain(doc.id);
    expect((await inbox(specialist, 'unit')).items.map((d) => d.id)).toContain(doc.id);
    const unitFound = await inbox(specialist, `unit&q=${encodeURIComponent('Rà soát bộ máy')}`);
    expect(unitFound.items.map((d) => d.id)).toContain(doc.id);
    expect(unitFound.total).toBe(unitFound.items.length);
    expect((await inbox(specialist, 'unit&q=khong%20co%20van%20ban%20nay')).total).toBe(0);
    expect((await counts(specialist)).unit).toBeGreaterThan(0);
    expect((await inbox(department, 'mine')).items.map((d) => d.id)).toContain(doc.id);
    expect((await inbox(viceChair, 'info')).items.map((d) => d.id)).toContain(doc.id);
    const unread = (await counts(viceChair)).info;
    const read: Doc = (await get(viceChair, doc.id)).json();
    expect(mine(read, viceChair, 'info').status).toBe('done');
    // still listed, no longer counted as unread
    expect((await inbox(viceChair, 'info')).items.map((d) => d.id)).toContain(doc.id);
    expect((await counts(viceChair)).info).toBe(unread! - 1);

    const seen: Doc = (await get(specialist, doc.id)).json();
    const lead = mine(seen, specialist, 'lead');
    expect(lead.actions).toEqual(['accept', 'forward', 'report', 'complete']);
    expect((await post(specialist, `/api/documents/${doc.id}/assignments/${lead.id}/accept`, {})).json().routing.assignments.find((a: Assignment) => a.id === lead.id).status).toBe('accepted');
    expect((await post(specialist, `/api/documents/${doc.id}/assignments/${lead.id}/report`, { note: 'Đã dự thảo văn bản trả lời' })).statusCode).toBe(200);
    const done = await post(specialist, `/api/documents/${doc.id}/assignments/${lead.id}/complete`, { result: 'Đã phát hành Công văn 15/VP-TH' });
    expect(done.statusCode).toBe(200);
    expect(done.json().status).toBe('done');
    expect((await inbox(specialist, 'done')).items.map((d) => d.id)).toContain(doc.id);

    const final: Doc = (await get(officeChief, doc.id)).json();
    expect(final.events.map((e) => e.kind)).toEqual(['registered', 'presented', 'read', 'assigned', 'read', 'read', 'accepted', 'progress', 'completed']);
    const trail = await t.database.db.select().from(auditEntries).where(eq(auditEntries.entityId, doc.id)).orderBy(asc(auditEntries.seq));
    expect(trail.map((e) => e.action)).toEqual(['document.registered', 'document.presented', 'document.assigned', 'document.accepted', 'document.progress', 'document.completed']);
  });

  it('forwards inside the unit; the forwarded person finishing finishes the unit', async () => {
    const doc = await registered();
    const res = await post(officeChief, `/api/documents/${doc.id}/assignments`, { instruction: 'Phòng Hành chính xử lý', lead: { unitId: clerk.user.unit.id }, dueInWorkingDays: 3 });
    const lead = mine(res.json(), clerk, 'lead');
    const outside = await post(clerk, `/api/documents/${doc.id}/assignments/${lead.id}/forward`, { userId: specialist.user.id, note: 'Xử lý giúp' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0]).toMatchObject({ path: 'userId', message: 'Chỉ chuyển được cho người trong cùng đơn vị' });
    const fwd = await post(clerk, `/api/documents/${doc.id}/assignments/${lead.id}/forward`, { userId: admin.user.id, note: 'Anh kiểm tra và trả lời' });
    expect(fwd.statusCode).toBe(200);
    const child = (fwd.json() as Doc).routing.assignments.find((a) => a.parentId === lead.id)!;
    expect(child).toMatchObject({ userId: admin.user.id, role: 'lead', status: 'pending', dueDate: lead.dueDate });
    expect((await inbox(admin, 'mine')).items.map((d) => d.id)).toContain(doc.id);
    const finished: Doc = (await post(admin, `/api/documents/${doc.id}/assignments/${child.id}/complete`, { result: 'Đã trả lời' })).json();
    expect(finished.routing.assignments.find((a) => a.id === lead.id)!.status).toBe('done');
    expect(finished.status).toBe('done');
    const again = await post(admin, `/api/documents/${doc.id}/assignments/${child.id}/complete`, { result: 'Lần nữa' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_STATE');
  });

  it('lets the leader extend (keeping the first deadline), recall and reassign', async () => {
    const doc = await registered();
    const first: Doc = (await post(officeChief, `/api/documents/${doc.id}/assignments`, { instruction: 'Sở Tài chính phối hợp', lead: { unitId: specialist.user.unit.id }, coordinators: [{ userId: department.user.id }], dueInWorkingDays: 2 })).json();
    const lead = mine(first, specialist, 'lead');
    const coord = mine(first, department, 'coordinate');
    expect(coord.actions).toEqual(['recall', 'extend']);
    expect(mine((await get(department, doc.id)).json(), department, 'coordinate').actions).toEqual(['accept', 'forward', 'report', 'complete']);

    const later = await post(officeChief, `/api/documents/${doc.id}/assignments/${lead.id}/extend`, { dueInWorkingDays: 10, note: 'Chờ số liệu của các sở' });
    expect(later.statusCode).toBe(200);
    const extended = (later.json() as Doc).routing.assignments.find((a) => a.id === lead.id)!;
    expect(extended.originalDueDate).toBe(lead.dueDate);
    expect(extended.dueDate! > lead.dueDate!).toBe(true);
    expect((later.json() as Doc).dueDate).toBe(extended.dueDate);
    const earlier = await post(officeChief, `/api/documents/${doc.id}/assignments/${lead.id}/extend`, { dueDate: lead.dueDate, note: 'Rút ngắn' });
    expect(earlier.statusCode).toBe(400);

    expect((await post(department, `/api/documents/${doc.id}/assignments/${lead.id}/recall`, { note: 'Không phải việc của tôi' })).statusCode).toBe(403);
    expect((await post(officeChief, `/api/documents/${doc.id}/assignments/${coord.id}/recall`, { note: 'Không cần phối hợp' })).statusCode).toBe(200);
    expect((await get(department, doc.id)).statusCode).toBe(404);

    const twice = await post(officeChief, `/api/documents/${doc.id}/assignments`, { instruction: 'Giao lại', lead: { userId: specialist.user.id } });
    expect(twice.statusCode).toBe(409);
    const reassigned = await post(officeChief, `/api/documents/${doc.id}/assignments`, { instruction: 'Giao lại cho chị Ánh trực tiếp', lead: { userId: specialist.user.id }, reassign: true });
    expect(reassigned.statusCode).toBe(200);
    const rows = (reassigned.json() as Doc).routing.assignments;
    expect(rows.find((a) => a.id === lead.id)!.status).toBe('recalled');
    expect(rows.filter((a) => a.role === 'lead' && a.status === 'pending').map((a) => a.userId)).toEqual([specialist.user.id]);
    expect((reassigned.json() as Doc).events.map((e) => e.kind)).toEqual(['registered', 'assigned', 'read', 'extended', 'recalled', 'reassigned']);
  });

  it('lets the leader file a presented document with an opinion, without assigning it', async () => {
    const doc = await registered();
    const presented: Doc = (await post(clerk, `/api/documents/${doc.id}/present`, { leaderId: officeChief.user.id })).json();
    const direct = presented.routing.assignments[0]!;
    const filed = await post(officeChief, `/api/documents/${doc.id}/assignments/${direct.id}/complete`, { result: 'Lưu, để biết' });
    expect(filed.statusCode).toBe(200);
    expect(filed.json().status).toBe('done');
    expect(filed.json().events.at(-1)).toMatchObject({ kind: 'completed', assignmentId: direct.id });
  });

  it('refuses bad directions with a Vietnamese message and saves nothing', async () => {
    const doc = await registered();
    const cases: [Session, object, number, string][] = [
      [officeChief, { instruction: 'Không có chủ trì' }, 400, 'VALIDATION_FAILED'],
      [officeChief, { instruction: 'Hai chủ trì', lead: { unitId: specialist.user.unit.id, userId: specialist.user.id } }, 400, 'VALIDATION_FAILED'],
      [officeChief, { instruction: 'Hạn trước ngày văn bản', lead: { unitId: specialist.user.unit.id }, dueDate: '2026-03-01' }, 400, 'BAD_REQUEST'],
      [officeChief, { instruction: 'Trùng người', lead: { userId: specialist.user.id }, coordinators: [{ userId: specialist.user.id }] }, 400, 'BAD_REQUEST'],
      [specialist, { instruction: 'Tôi tự giao', lead: { userId: specialist.user.id } }, 404, 'NOT_FOUND'],
      [viceChair, { instruction: 'Lãnh đạo cơ quan khác', lead: { userId: specialist.user.id } }, 404, 'NOT_FOUND'],
    ];
    for (const [who, body, status, code] of cases) {
      const res = await post(who, `/api/documents/${doc.id}/assignments`, body);
      expect([res.statusCode, res.json().code], JSON.stringify(body)).toEqual([status, code]);
    }
    const dueTooEarly = await post(officeChief, `/api/documents/${doc.id}/assignments`, { instruction: 'x', lead: { unitId: specialist.user.unit.id }, dueDate: '2026-03-01' });
    expect(dueTooEarly.json().errors[0].message).toBe('Hạn xử lý không được trước ngày văn bản (02/03/2026)');
    expect(await t.database.db.select().from(documentAssignments).where(eq(documentAssignments.documentId, doc.id))).toEqual([]);
    expect((await get(officeChief, doc.id)).json().status).toBe('registered');
  });

  it('routes a secret document only to named people, who then see it', async () => {
    const doc = await registered({ confidentiality: 'confidential', viewerIds: [officeChief.user.id] });
    const toUnit = await post(officeChief, `/api/documents/${doc.id}/assignments`, { instruction: 'Xử lý', lead: { unitId: specialist.user.unit.id } });
    expect(toUnit.statusCode).toBe(400);
    expect((await get(specialist, doc.id)).statusCode).toBe(404);
    expect((await post(officeChief, `/api/documents/${doc.id}/assignments`, { instruction: 'Chị Ánh xử lý', lead: { userId: specialist.user.id } })).statusCode).toBe(200);
    expect((await get(specialist, doc.id)).statusCode).toBe(200);
    expect((await get(department, doc.id)).statusCode).toBe(404);
  });
});
