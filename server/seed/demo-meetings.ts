import { and, eq, inArray } from 'drizzle-orm';
import { newId } from '../db/columns.js';
import type { Db } from '../db/open.js';
import { newRoomName } from '../modules/meetings/jitsi.js';
import { meetingParticipants, meetings, meetingSites, rooms, type AgendaItem, type MeetingKind } from '../modules/meetings/tables.js';
import { agencies, users } from '../modules/org/tables.js';
import { addDays, dayOfWeek, instantFromVietnamLocalMs, toDayNumber, vietnamDate, MS_PER_DAY } from '../platform/calendar/date-only.js';

const SEAT = 'Trụ sở UBND tỉnh – Phường Rạch Giá';
const SECOND = 'Cơ sở 2 – Phường Long Xuyên';

const ROOMS = [
  { key: 'A', location: SEAT, name: 'Phòng họp A', capacity: 60, online: false },
  { key: 'B', location: SEAT, name: 'Phòng họp B', capacity: 30, online: false },
  { key: 'TT', location: SEAT, name: 'Phòng họp trực tuyến', capacity: 80, online: true },
  { key: 'A2', location: SECOND, name: 'Phòng họp số 1', capacity: 40, online: false },
  { key: 'TT2', location: SECOND, name: 'Phòng họp trực tuyến cơ sở 2', capacity: 50, online: true },
] as const;

interface DemoMeeting {
  /** working days from today: negative in the past */
  day: number;
  start: string;
  end: string;
  kind: MeetingKind;
  title: string;
  room: (typeof ROOMS)[number]['key'];
  chair: string;
  agenda: AgendaItem[];
  people: string[];
  agencies: string[];
  /** online: how many communes, from the first of the list */
  sites?: number;
}

const MEETINGS: DemoMeeting[] = [
  { day: -14, start: '08:00', end: '11:00', kind: 'ubnd_session', title: 'Phiên họp UBND tỉnh thường kỳ tháng 11', room: 'A', chair: 'lanhdao', people: ['chanhvanphong', 'truongphong'], agencies: ['STC', 'SNV', 'STP'], agenda: [{ title: 'Tình hình kinh tế – xã hội tháng 11, nhiệm vụ tháng 12', presenter: 'Sở Tài chính', minutes: 60 }, { title: 'Dự thảo Nghị quyết về giá dịch vụ', presenter: 'Sở Tư pháp', minutes: 45 }] },
  { day: -12, start: '14:00', end: '16:30', kind: 'online_conference', title: 'Hội nghị trực tuyến triển khai chuyển đổi số cấp xã', room: 'TT', chair: 'lanhdao', people: ['truongphong'], agencies: ['SKHCN'], sites: 12, agenda: [{ title: 'Kết quả chuyển đổi số quý III', presenter: 'Sở Khoa học và Công nghệ', minutes: 30 }, { title: 'Ý kiến các điểm cầu', minutes: 60 }] },
  { day: -10, start: '08:30', end: '10:30', kind: 'working_session', title: 'Làm việc với Sở Xây dựng về tiến độ dự án nhà ở xã hội', room: 'B', chair: 'chanhvanphong', people: ['chuyenvien'], agencies: ['SXD'], agenda: [{ title: 'Báo cáo tiến độ các dự án', presenter: 'Sở Xây dựng', minutes: 40 }] },
  { day: -7, start: '08:00', end: '11:30', kind: 'conference', title: 'Hội nghị sơ kết công tác cải cách hành chính năm 2026', room: 'A2', chair: 'lanhdao', people: ['chanhvanphong', 'chuyenvien'], agencies: ['SNV', 'center'], agenda: [{ title: 'Báo cáo sơ kết', presenter: 'Sở Nội vụ', minutes: 45 }, { title: 'Chỉ số phục vụ người dân, doanh nghiệp', presenter: 'Trung tâm Phục vụ hành chính công', minutes: 30 }] },
  { day: -5, start: '14:00', end: '16:00', kind: 'online_conference', title: 'Hội nghị trực tuyến về phòng, chống thiên tai mùa mưa bão', room: 'TT', chair: 'lanhdao', people: ['truongphong'], agencies: ['SNNMT'], sites: 20, agenda: [{ title: 'Tình hình thời tiết, thủy văn', presenter: 'Sở Nông nghiệp và Môi trường', minutes: 20 }, { title: 'Phương án ứng phó của các xã ven biển', minutes: 60 }] },
  { day: -3, start: '08:00', end: '10:00', kind: 'working_session', title: 'Làm việc với Sở Y tế về cung ứng thuốc, vật tư y tế', room: 'B', chair: 'chanhvanphong', people: ['chuyenvien'], agencies: ['SYT'], agenda: [{ title: 'Tình hình đấu thầu thuốc', presenter: 'Sở Y tế', minutes: 45 }] },
  { day: -1, start: '14:00', end: '17:00', kind: 'ubnd_session', title: 'Phiên họp chuyên đề về giải ngân vốn đầu tư công', room: 'A', chair: 'lanhdao', people: ['chanhvanphong', 'truongphong'], agencies: ['STC', 'SXD', 'SNNMT'], agenda: [{ title: 'Tiến độ giải ngân đến tháng 11', presenter: 'Sở Tài chính', minutes: 60 }] },
  { day: 1, start: '08:00', end: '10:30', kind: 'online_conference', title: 'Hội nghị trực tuyến triển khai thu ngân sách những tháng cuối năm', room: 'TT', chair: 'lanhdao', people: ['truongphong', 'chuyenvien'], agencies: ['STC'], sites: 15, agenda: [{ title: 'Tình hình thu ngân sách', presenter: 'Sở Tài chính', minutes: 30 }, { title: 'Ý kiến các điểm cầu', minutes: 60 }] },
  { day: 2, start: '14:00', end: '16:00', kind: 'working_session', title: 'Làm việc với Sở Giáo dục và Đào tạo về chuẩn bị năm học mới', room: 'B', chair: 'chanhvanphong', people: ['chuyenvien'], agencies: ['SGDĐT'], agenda: [{ title: 'Báo cáo của Sở Giáo dục và Đào tạo', minutes: 45 }] },
  { day: 3, start: '08:00', end: '11:00', kind: 'conference', title: 'Hội nghị tổng kết công tác văn thư, lưu trữ', room: 'A2', chair: 'chanhvanphong', people: ['vanthu'], agencies: ['SNV', 'STC', 'STP'], agenda: [{ title: 'Báo cáo tổng kết', presenter: 'Văn phòng UBND tỉnh', minutes: 40 }] },
  { day: 5, start: '08:00', end: '11:30', kind: 'ubnd_session', title: 'Phiên họp UBND tỉnh thường kỳ tháng 12', room: 'A', chair: 'lanhdao', people: ['chanhvanphong', 'truongphong'], agencies: ['STC', 'SNV', 'STP', 'SXD'], agenda: [{ title: 'Tình hình kinh tế – xã hội năm 2026, kế hoạch năm 2027', presenter: 'Sở Tài chính', minutes: 90 }] },
];

/** The day `n` working days (Monday–Friday) from `today`; holidays are ignored, this is demo data. */
function workingDay(today: string, n: number): string {
  let day = today;
  let left = Math.abs(n);
  while (left > 0) {
    day = addDays(day, Math.sign(n));
    const wd = dayOfWeek(day);
    if (wd !== 0 && wd !== 6) left--;
  }
  return day;
}

const at = (day: string, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return instantFromVietnamLocalMs(toDayNumber(day) * MS_PER_DAY + (h! * 60 + m!) * 60_000);
};

/**
 * Meeting rooms at the two locations of the People's Committee, and meetings of the past three weeks
 * (held, with attendance and connected sites) and of the coming days, so the calendar is not empty.
 */
export async function seedDemoMeetings(tx: Db, tenantId: string, now: Date = new Date()) {
  const agencyRows = await tx.select({ id: agencies.id, shortName: agencies.shortName, type: agencies.type, name: agencies.name, sortOrder: agencies.sortOrder }).from(agencies).where(eq(agencies.tenantId, tenantId));
  const office = agencyRows.find((a) => a.type === 'provincial_office')!;
  const center = agencyRows.find((a) => a.type === 'service_center')!;
  const byKey = (k: string) => (k === 'center' ? center.id : agencyRows.find((a) => a.type === 'department' && a.shortName === k)?.id);
  const communes = agencyRows.filter((a) => ['commune_committee', 'ward_committee', 'special_zone_committee'].includes(a.type)).sort((a, b) => a.sortOrder - b.sortOrder);
  // the demo commune user's ward joins every online conference
  const rachGia = communes.find((c) => c.name.endsWith('phường Rạch Giá'));
  const sitePool = rachGia ? [rachGia, ...communes.filter((c) => c.id !== rachGia.id)] : communes;
  const people = await tx.select({ id: users.id, username: users.username, fullName: users.fullName }).from(users).where(and(eq(users.tenantId, tenantId), inArray(users.username, ['lanhdao', 'chanhvanphong', 'truongphong', 'chuyenvien', 'vanthu'])));
  const person = (u: string) => people.find((p) => p.username === u)!;

  const roomIds = new Map<string, string>();
  for (const r of ROOMS) {
    const id = newId();
    roomIds.set(r.key, id);
    await tx.insert(rooms).values({ id, tenantId, agencyId: office.id, location: r.location, name: r.name, capacity: r.capacity, online: r.online });
  }

  const today = vietnamDate(now);
  for (const [i, d] of MEETINGS.entries()) {
    const day = workingDay(today, d.day);
    const held = d.day < 0;
    const id = newId();
    const chair = person(d.chair);
    await tx.insert(meetings).values({
      id,
      tenantId,
      kind: d.kind,
      title: d.title,
      organizerAgencyId: office.id,
      chairUserId: chair.id,
      chairName: chair.fullName,
      startsAt: at(day, d.start),
      endsAt: at(day, d.end),
      roomId: roomIds.get(d.room)!,
      agenda: d.agenda,
      onlineRoom: d.kind === 'online_conference' ? newRoomName() : null,
      state: held ? 'held' : 'planned',
      createdBy: person('chuyenvien').id,
    });
    const recordedAt = held ? at(day, d.start) : null;
    const participantRows = [
      ...d.people.filter((u) => u !== d.chair).map((u, k) => ({ id: newId(), tenantId, meetingId: id, userId: person(u).id, role: u === 'chuyenvien' ? 'secretary' : 'participant', attendance: held ? (k === 1 && i % 3 === 0 ? ('excused' as const) : ('present' as const)) : null, attendanceNote: held && k === 1 && i % 3 === 0 ? 'Đi công tác' : null, recordedAt })),
      ...d.agencies.map((k, n) => ({ id: newId(), tenantId, meetingId: id, agencyId: byKey(k)!, role: 'participant', attendance: held ? ('present' as const) : null, attendanceNote: held ? (n === 0 ? 'Giám đốc dự' : 'Phó Giám đốc dự') : null, recordedAt })),
    ];
    await tx.insert(meetingParticipants).values(participantRows);
    if (d.sites) {
      await tx.insert(meetingSites).values(
        sitePool.slice(0, d.sites).map((c, n) => {
          // one site in ten could not connect (the line of a far commune): the stats show it
          const connected = held && n % 10 !== 9;
          return { tenantId, meetingId: id, agencyId: c.id, state: held ? (connected ? ('connected' as const) : ('not_connected' as const)) : ('invited' as const), connectedAt: connected ? at(day, d.start) : null, attendees: connected ? 12 + ((n * 7) % 20) : null, note: held && !connected ? 'Mất kết nối đường truyền' : null };
        }),
      );
    }
  }
}
