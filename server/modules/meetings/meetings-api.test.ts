import { asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { multipart, samplePdf } from '../../../test/helpers/fixtures.js';
import { auditEntries } from '../../platform/audit/tables.js';
import { notifications } from '../../platform/notify/tables.js';
import { addDays, vietnamDate } from '../../platform/calendar/date-only.js';
import { meetings, meetingSites } from './tables.js';

let t: TestApp;
let leader: Session; // lanhdao: Vice-Chairman (UBND), chairs
let officeSpecialist: Session; // chuyenvien: organizes for the Office
let deptStaff: Session; // so: Department of Finance, not invited
let deptClerk: Session; // vanthuso: organizer of the Department of Finance
let commune: Session; // xa: staff of Phường Rạch Giá, a site
let admin: Session;
let otherTenant: Session;

type Meeting = {
  id: string;
  state: string;
  online: boolean;
  siteCount: number;
  roomName: string | null;
  invitationDocumentId: string | null;
  warnings?: string[];
  participants: { id: string; userId: string | null; agencyId: string | null; name: string; role: string; attendance: string | null; attendanceNote: string | null }[];
  sites: { agencyId: string; name: string; state: string; attendees: number | null; canRecord: boolean }[];
  documents: { id: string; title: string; readCount: number; readByMe: boolean; readers: { name: string }[] }[];
  actions: string[];
};
type Agency = { id: string; name: string; type: string };

let officeId: string;
let communes: Agency[];
let rooms: { id: string; name: string; location: string; online: boolean }[];
// far enough ahead that no demo meeting is there
const day = addDays(vietnamDate(new Date()), 45);
const at = (hhmm: string, d = day) => `${d}T${hhmm}:00+07:00`;
const q = (hhmm: string) => encodeURIComponent(at(hhmm));
/** Field paths of a 400, without the 'body.' the request validation puts first. */
const paths = (body: { errors: { path: string }[] }) => body.errors.map((e) => e.path.replace(/^body\./, ''));

const post = (s: Session, url: string, payload: object = {}) => t.as(s, { method: 'POST', url, payload });
const get = (s: Session, url: string) => t.as(s, { method: 'GET', url });
const meetingCount = async () => (await t.database.db.select({ n: count() }).from(meetings))[0]!.n;

function draft(extra: Record<string, unknown> = {}) {
  return {
    kind: 'online_conference',
    title: 'Hội nghị trực tuyến triển khai Đề án 06 đến cấp xã',
    chairUserId: leader.user.id,
    organizerAgencyId: officeId,
    startsAt: at('08:00'),
    endsAt: at('10:00'),
    roomId: rooms.find((r) => r.online)!.id,
    agenda: [{ title: 'Quán triệt Đề án 06', presenter: 'Công an tỉnh', minutes: 30 }],
    participantUserIds: [officeSpecialist.user.id],
    secretaryUserIds: [officeSpecialist.user.id],
    participantAgencyIds: [],
    siteAgencyIds: [commune.user.agency.id, communes[0]!.id, communes[1]!.id],
    ...extra,
  };
}

async function create(s: Session, extra: Record<string, unknown> = {}): Promise<Meeting> {
  const res = await post(s, '/api/meetings', draft(extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  [leader, officeSpecialist, deptStaff, deptClerk, commune, admin, otherTenant] = (await Promise.all(['lanhdao', 'chuyenvien', 'so', 'vanthuso', 'xa', 'admin', 'tn.chuyenvien'].map((u) => t.login(u)))) as Session[] as [Session, Session, Session, Session, Session, Session, Session];
  officeId = officeSpecialist.user.agency.id;
  communes = ((await get(leader, '/api/agencies?type=commune_committee&pageSize=5')).json() as { items: Agency[] }).items;
  rooms = ((await get(commune, '/api/meeting-rooms')).json() as { items: typeof rooms }).items;
});
afterAll(() => t.close());

describe('rooms', () => {
  it('are listed to everyone and kept by the administrator or a leader', async () => {
    expect(rooms.map((r) => r.name)).toEqual(expect.arrayContaining(['Phòng họp A', 'Phòng họp B', 'Phòng họp trực tuyến', 'Phòng họp số 1']));
    const room = { agencyId: officeId, location: 'Trụ sở UBND tỉnh – Phường Rạch Giá', name: 'Phòng họp C', capacity: 20 };
    expect((await post(officeSpecialist, '/api/meeting-rooms', room)).statusCode).toBe(403);
    const made = await post(admin, '/api/meeting-rooms', room);
    expect(made.statusCode, made.body).toBe(201);
    expect((await post(leader, '/api/meeting-rooms', room)).statusCode).toBe(409);
    const off = await t.as(admin, { method: 'PATCH', url: `/api/meeting-rooms/${made.json().id}`, payload: { ...room, active: false } });
    expect(off.json()).toMatchObject({ active: false });
    expect(((await get(commune, '/api/meeting-rooms')).json() as { items: { id: string }[] }).items.some((r) => r.id === made.json().id)).toBe(false);
    expect(((await get(otherTenant, '/api/meeting-rooms')).json() as { items: unknown[] }).items).toEqual([]);
  });
});

describe('an online conference', () => {
  let m: Meeting;

  it('is created with its sites and an unguessable Jitsi room; the join link goes only to those who see it', async () => {
    m = await create(leader);
    expect(m).toMatchObject({ state: 'planned', online: true, siteCount: 3, warnings: [] });
    expect(m.sites.map((s) => s.agencyId).sort()).toEqual([commune.user.agency.id, communes[0]!.id, communes[1]!.id].sort());
    expect(m.participants).toEqual([expect.objectContaining({ userId: officeSpecialist.user.id, role: 'secretary' })]);
    const [row] = await t.database.db.select().from(meetings).where(eq(meetings.id, m.id));
    expect(row!.onlineRoom).toMatch(/^vps-[a-z2-7]{20}$/);
    const link = await get(commune, `/api/meetings/${m.id}/join`);
    expect(link.statusCode, link.body).toBe(200);
    expect(link.json()).toEqual({ url: `https://meet.jit.si/${row!.onlineRoom}`, room: row!.onlineRoom, expiresAt: null });
    for (const outsider of [deptStaff, deptClerk, otherTenant]) {
      expect((await get(outsider, `/api/meetings/${m.id}/join`)).statusCode).toBe(404);
      expect((await get(outsider, `/api/meetings/${m.id}`)).statusCode).toBe(404);
    }
    // the person invited is told in the app; the creator (who chairs) is not told of their own meeting
    const told = await t.database.db.select().from(notifications).where(eq(notifications.entityId, m.id));
    expect(told.map((n) => [n.userId, n.kind, n.link])).toEqual([[officeSpecialist.user.id, 'meeting.invited', `/hop/${m.id}`]]);
    const audit = await t.database.db.select().from(auditEntries).where(eq(auditEntries.entityId, m.id)).orderBy(asc(auditEntries.seq));
    expect(audit.map((a) => a.action)).toEqual(['meeting.created']);
  });

  it('is listed to its people, found without accents, and hidden from others', async () => {
    const ids = async (s: Session, extra = '') => ((await get(s, `/api/meetings?from=${q('00:00')}&to=${q('23:59')}${extra}`)).json() as { items: { id: string }[] }).items.map((i) => i.id);
    expect(await ids(leader)).toContain(m.id);
    expect(await ids(commune)).toContain(m.id);
    expect(await ids(commune, '&mine=true')).toContain(m.id);
    expect(await ids(officeSpecialist, '&q=de an 06 cap xa')).toContain(m.id);
    expect(await ids(leader, '&q=phien hop thuong ky')).not.toContain(m.id);
    expect(await ids(leader, '&kind=ubnd_session')).not.toContain(m.id);
    expect(await ids(deptStaff)).not.toContain(m.id);
    expect(await ids(otherTenant)).toEqual([]);
  });

  it('refuses the same room at an overlapping time, naming the other meeting, and only warns about the chair', async () => {
    const before = await meetingCount();
    const clash = await post(officeSpecialist, '/api/meetings', draft({ title: 'Họp khác', startsAt: at('09:30'), endsAt: at('11:00') }));
    expect(clash.statusCode).toBe(409);
    expect(clash.json().detail).toContain('Hội nghị trực tuyến triển khai Đề án 06 đến cấp xã');
    expect(clash.json().detail).toContain('08:00–10:00');
    expect(await meetingCount()).toBe(before);
    // right after it in the same room is fine; the chair in two places at once is a warning
    const next = await create(officeSpecialist, { title: 'Họp nối tiếp', startsAt: at('10:00'), endsAt: at('11:00'), siteAgencyIds: [] });
    expect(next.warnings).toEqual([]);
    const elsewhere = await create(officeSpecialist, { kind: 'working_session', title: 'Làm việc cùng giờ', roomId: rooms.find((r) => r.name === 'Phòng họp B')!.id, siteAgencyIds: [], startsAt: at('09:00'), endsAt: at('09:45') });
    expect(elsewhere.warnings).toEqual([expect.stringContaining('Hội nghị trực tuyến triển khai Đề án 06 đến cấp xã')]);
  });

  it('answers 400 with the field for bad input, 403 to those who do not organize, and changes nothing', async () => {
    const before = await meetingCount();
    const bad = async (extra: Record<string, unknown>, path: string, s = leader) => {
      const res = await post(s, '/api/meetings', draft({ startsAt: at('15:00'), endsAt: at('16:00'), ...extra }));
      expect(res.statusCode, res.body).toBe(400);
      expect(paths(res.json())).toContain(path);
    };
    await bad({ chairUserId: officeSpecialist.user.id }, 'chairUserId');
    await bad({ siteAgencyIds: [deptStaff.user.agency.id] }, 'siteAgencyIds.0');
    await bad({ kind: 'conference' }, 'siteAgencyIds');
    await bad({ endsAt: at('14:00') }, 'endsAt');
    await bad({ roomId: undefined, place: undefined }, 'roomId');
    await bad({ participantAgencyIds: ['00000000-0000-7000-8000-000000000000'] }, 'participantAgencyIds.0');
    expect((await post(deptStaff, '/api/meetings', draft({ startsAt: at('15:00'), endsAt: at('16:00') }))).statusCode).toBe(403);
    expect((await post(deptClerk, '/api/meetings', draft({ startsAt: at('15:00'), endsAt: at('16:00') }))).statusCode).toBe(403);
    expect(await meetingCount()).toBe(before);
    // an edit refused changes nothing either
    const patch = await t.as(leader, { method: 'PATCH', url: `/api/meetings/${m.id}`, payload: { title: 'Đổi tên', chairUserId: officeSpecialist.user.id } });
    expect(patch.statusCode).toBe(400);
    expect(paths(patch.json())).toEqual(['chairUserId']);
    const [row] = await t.database.db.select().from(meetings).where(eq(meetings.id, m.id));
    expect(row).toMatchObject({ title: 'Hội nghị trực tuyến triển khai Đề án 06 đến cấp xã', chairUserId: leader.user.id });
    expect((await t.as(deptClerk, { method: 'PATCH', url: `/api/meetings/${m.id}`, payload: { title: 'Đổi tên' } })).statusCode).toBe(404);
  });

  it('takes each site\'s connection from the organizer or the site itself', async () => {
    const own = await post(commune, `/api/meetings/${m.id}/sites/${commune.user.agency.id}`, { state: 'connected', attendees: 18, note: 'Đường truyền ổn định' });
    expect(own.statusCode, own.body).toBe(200);
    const me = (own.json() as Meeting).sites.find((s) => s.agencyId === commune.user.agency.id)!;
    expect(me).toMatchObject({ state: 'connected', attendees: 18, canRecord: true });
    expect((own.json() as Meeting).sites.filter((s) => s.canRecord)).toHaveLength(1);
    expect((await post(commune, `/api/meetings/${m.id}/sites/${communes[1]!.id}`, { state: 'connected' })).statusCode).toBe(403);
    expect((await post(deptStaff, `/api/meetings/${m.id}/sites/${communes[1]!.id}`, { state: 'connected' })).statusCode).toBe(404);
    const byOrganizer = await post(officeSpecialist, `/api/meetings/${m.id}/sites/${communes[1]!.id}`, { state: 'not_connected', note: 'Mất điện' });
    expect(byOrganizer.statusCode).toBe(200);
    expect((await post(officeSpecialist, `/api/meetings/${m.id}/sites/${deptStaff.user.agency.id}`, { state: 'connected' })).statusCode).toBe(404);
    const rows = await t.database.db.select().from(meetingSites).where(eq(meetingSites.meetingId, m.id));
    expect(rows.find((r) => r.agencyId === communes[1]!.id)).toMatchObject({ state: 'not_connected', attendees: null, note: 'Mất điện' });
  });

  it('keeps paperless documents: who read each is seen by the organizer; only the organizer removes them', async () => {
    const fileId = (await t.as(officeSpecialist, { method: 'POST', url: '/api/files', ...multipart('de-an-06.pdf', samplePdf('De an 06')) })).json().id as string;
    const strangerFile = (await t.as(deptStaff, { method: 'POST', url: '/api/files', ...multipart('khac.pdf', samplePdf('Khac')) })).json().id as string;
    expect((await post(officeSpecialist, `/api/meetings/${m.id}/documents`, { fileId: strangerFile })).statusCode).toBe(400);
    expect((await post(commune, `/api/meetings/${m.id}/documents`, { fileId })).statusCode).toBe(403);
    const added = await post(officeSpecialist, `/api/meetings/${m.id}/documents`, { fileId, title: 'Đề án 06 – tài liệu họp' });
    expect(added.statusCode, added.body).toBe(200);
    const doc = (added.json() as Meeting).documents[0]!;
    expect(doc).toMatchObject({ title: 'Đề án 06 – tài liệu họp', readCount: 0 });
    expect((await get(deptStaff, `/api/meetings/${m.id}/documents/${doc.id}/content`)).statusCode).toBe(404);
    for (let i = 0; i < 2; i++) {
      const read = await get(commune, `/api/meetings/${m.id}/documents/${doc.id}/content`);
      expect(read.statusCode).toBe(200);
      expect(read.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    const seenByCommune = ((await get(commune, `/api/meetings/${m.id}/documents`)).json() as { items: Meeting['documents'] }).items[0]!;
    expect(seenByCommune).toMatchObject({ readCount: 1, readByMe: true, readers: [] });
    const seenByOrganizer = ((await get(officeSpecialist, `/api/meetings/${m.id}`)).json() as Meeting).documents[0]!;
    expect(seenByOrganizer).toMatchObject({ readCount: 1, readByMe: false, readers: [{ name: 'Lý Hoàng Nam' }] });
    expect((await t.as(commune, { method: 'DELETE', url: `/api/meetings/${m.id}/documents/${doc.id}` })).statusCode).toBe(403);
    const removed = await t.as(officeSpecialist, { method: 'DELETE', url: `/api/meetings/${m.id}/documents/${doc.id}` });
    expect((removed.json() as Meeting).documents).toEqual([]);
  });

  it('records attendance by the organizer or the secretary, only for those invited', async () => {
    const withAgency = await t.as(leader, { method: 'PATCH', url: `/api/meetings/${m.id}`, payload: { participantAgencyIds: [deptClerk.user.agency.id] } });
    expect(withAgency.statusCode, withAgency.body).toBe(200);
    const agencyRow = (withAgency.json() as Meeting).participants.find((p) => p.agencyId === deptClerk.user.agency.id)!;
    const person = (withAgency.json() as Meeting).participants.find((p) => p.userId === officeSpecialist.user.id)!;
    // the Department is now invited: its people see the meeting
    expect((await get(deptStaff, `/api/meetings/${m.id}`)).statusCode).toBe(200);
    expect((await post(deptStaff, `/api/meetings/${m.id}/attendance`, { entries: [{ participantId: agencyRow.id, attendance: 'present' }] })).statusCode).toBe(403);
    const wrong = await post(officeSpecialist, `/api/meetings/${m.id}/attendance`, { entries: [{ participantId: agencyRow.id, attendance: 'present' }, { participantId: '00000000-0000-7000-8000-000000000000', attendance: 'absent' }] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([expect.objectContaining({ path: 'entries.1.participantId' })]);
    expect(((await get(leader, `/api/meetings/${m.id}`)).json() as Meeting).participants.every((p) => p.attendance === null)).toBe(true);
    const done = await post(officeSpecialist, `/api/meetings/${m.id}/attendance`, { entries: [{ participantId: agencyRow.id, attendance: 'present', note: 'Phó Giám đốc Nguyễn Văn A dự' }, { participantId: person.id, attendance: 'present' }] });
    expect(done.statusCode, done.body).toBe(200);
    expect((done.json() as Meeting).participants.find((p) => p.id === agencyRow.id)).toMatchObject({ attendance: 'present', attendanceNote: 'Phó Giám đốc Nguyễn Văn A dự' });
  });

  it('drafts its invitation as an outgoing document to the invited agencies and the sites', async () => {
    expect((await post(commune, `/api/meetings/${m.id}/invitation`, {})).statusCode).toBe(403);
    const res = await post(officeSpecialist, `/api/meetings/${m.id}/invitation`, { signerId: leader.user.id });
    expect(res.statusCode, res.body).toBe(201);
    const documentId = res.json().documentId as string;
    const doc = await get(officeSpecialist, `/api/documents/${documentId}`);
    expect(doc.statusCode, doc.body).toBe(200);
    const body = doc.json();
    expect(body).toMatchObject({ typeCode: 'GM', status: 'draft', subject: 'Mời dự Hội nghị trực tuyến triển khai Đề án 06 đến cấp xã' });
    expect(JSON.stringify(body)).toContain(deptClerk.user.agency.id);
    expect(JSON.stringify(body)).toContain(commune.user.agency.id);
    expect(((await get(leader, `/api/meetings/${m.id}`)).json() as Meeting).invitationDocumentId).toBe(documentId);
    expect((await post(officeSpecialist, `/api/meetings/${m.id}/invitation`, {})).statusCode).toBe(409);
  });

  it('is not held before it starts; once cancelled it cannot be changed', async () => {
    expect((await post(leader, `/api/meetings/${m.id}/held`)).statusCode).toBe(409);
    expect((await post(deptStaff, `/api/meetings/${m.id}/cancel`, { reason: 'Thử' })).statusCode).toBe(403);
    expect((await post(leader, `/api/meetings/${m.id}/cancel`, { reason: '' })).statusCode).toBe(400);
    const cancelled = await post(leader, `/api/meetings/${m.id}/cancel`, { reason: 'Lùi sang tuần sau theo chỉ đạo' });
    expect(cancelled.json()).toMatchObject({ state: 'cancelled', cancelReason: 'Lùi sang tuần sau theo chỉ đạo', actions: [] });
    expect((await t.as(leader, { method: 'PATCH', url: `/api/meetings/${m.id}`, payload: { title: 'Mới' } })).statusCode).toBe(409);
    expect((await get(commune, `/api/meetings/${m.id}/join`)).statusCode).toBe(409);
    // the room is free again
    await create(officeSpecialist, { title: 'Họp thay thế', siteAgencyIds: [] });
  });
});
