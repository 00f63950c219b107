import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import { newId } from '../db/columns.js';
import type { Db } from '../db/open.js';
import { newRoomName } from '../modules/meetings/jitsi.js';
import { mondayOf, weekWindow } from '../modules/meetings/schedule-rules.js';
import { delegations, meetings, meetingSites, rooms, scheduleEntries, scheduleEntryLeaders, scheduleWeeks, type MeetingKind } from '../modules/meetings/tables.js';
import { agencies, users } from '../modules/org/tables.js';
import { addDays, vietnamDate } from '../platform/calendar/date-only.js';
import { loadWorkCalendar } from '../platform/calendar/service.js';

interface DemoEntry {
  /** 0 = Monday */
  day: number;
  start: string;
  end: string;
  leaders: string[];
  content: string;
  room?: string;
  place?: string;
  agency?: string;
  participants?: string;
}

const THIS_WEEK: DemoEntry[] = [
  { day: 0, start: '07:30', end: '09:00', leaders: ['lanhdao', 'chanhvanphong'], content: 'Giao ban lãnh đạo UBND tỉnh đầu tuần', room: 'Phòng họp B', agency: 'vp', participants: 'Lãnh đạo Văn phòng UBND tỉnh, Trưởng phòng Tổng hợp' },
  { day: 0, start: '14:00', end: '16:30', leaders: ['lanhdao'], content: 'Tiếp công dân định kỳ tháng 12', place: 'Trụ sở Tiếp công dân tỉnh', agency: 'vp', participants: 'Ban Tiếp công dân tỉnh, Thanh tra tỉnh, các sở có liên quan' },
  { day: 1, start: '08:00', end: '11:00', leaders: ['lanhdao'], content: 'Kiểm tra tiến độ dự án đường ven biển Rạch Giá – Hòn Đất', place: 'Phường Rạch Giá, xã Hòn Đất', agency: 'SXD', participants: 'Sở Xây dựng, Sở Tài chính, Ban Quản lý dự án, UBND các xã có dự án' },
  { day: 2, start: '08:00', end: '10:00', leaders: ['chanhvanphong'], content: 'Làm việc với Trung tâm Phục vụ hành chính công về Chỉ số phục vụ người dân, doanh nghiệp', room: 'Phòng họp số 1', agency: 'center', participants: 'Ban Giám đốc Trung tâm, Phòng Kiểm soát thủ tục hành chính' },
  { day: 3, start: '14:00', end: '16:00', leaders: ['lanhdao', 'truongphong'], content: 'Nghe báo cáo dự thảo Kế hoạch phát triển kinh tế – xã hội năm 2027', room: 'Phòng họp B', agency: 'STC', participants: 'Sở Tài chính, Văn phòng UBND tỉnh (Phòng Tổng hợp)' },
  { day: 4, start: '08:00', end: '09:30', leaders: ['chanhvanphong', 'truongphong'], content: 'Họp Văn phòng UBND tỉnh đánh giá công tác tuần', room: 'Phòng họp B', agency: 'vp', participants: 'Lãnh đạo Văn phòng, trưởng các phòng' },
];

const NEXT_WEEK: DemoEntry[] = [
  { day: 0, start: '07:30', end: '09:00', leaders: ['lanhdao', 'chanhvanphong'], content: 'Giao ban lãnh đạo UBND tỉnh đầu tuần', room: 'Phòng họp B', agency: 'vp', participants: 'Lãnh đạo Văn phòng UBND tỉnh' },
  { day: 1, start: '08:00', end: '11:00', leaders: ['lanhdao'], content: 'Làm việc tại đặc khu Phú Quốc về chuẩn bị APEC 2027', place: 'Đặc khu Phú Quốc', agency: 'vp', participants: 'Các sở, ngành thành viên Ban Chỉ đạo' },
  // drafted on top of the meeting above: the page flags it for the Office to sort out
  { day: 1, start: '09:30', end: '11:00', leaders: ['lanhdao'], content: 'Tiếp và làm việc với Đoàn công tác Bộ Tài chính', room: 'Phòng họp A', agency: 'STC', participants: 'Sở Tài chính, Văn phòng UBND tỉnh' },
  { day: 3, start: '14:00', end: '16:00', leaders: ['chanhvanphong'], content: 'Kiểm tra công tác văn thư, lưu trữ tại Sở Nội vụ', place: 'Sở Nội vụ', agency: 'SNV', participants: 'Phòng Hành chính – Tổ chức Văn phòng UBND tỉnh' },
];

/** Six central delegations since the two-level government began (1 July 2025), all received. */
const DELEGATIONS = [
  { arrivesOn: '2025-07-15', days: 1, name: 'Đoàn công tác của Bộ Nội vụ', organization: 'Bộ Nội vụ', headName: 'Thứ trưởng Bộ Nội vụ', members: 7, content: 'Khảo sát vận hành chính quyền địa phương hai cấp sau sắp xếp', host: 'SNV', leader: 'lanhdao', outcome: 'Đoàn ghi nhận bộ máy cấp xã vận hành ổn định; đề nghị tỉnh bố trí đủ công chức chuyên môn cho các xã đảo.' },
  { arrivesOn: '2025-08-06', days: 2, name: 'Đoàn kiểm tra của Bộ Tài chính', organization: 'Bộ Tài chính', headName: 'Thứ trưởng Bộ Tài chính', members: 9, content: 'Kiểm tra tình hình giải ngân vốn đầu tư công 7 tháng năm 2025', host: 'STC', leader: 'lanhdao', outcome: 'Đề nghị tỉnh đẩy nhanh giải phóng mặt bằng các dự án trọng điểm, điều chuyển vốn từ dự án chậm giải ngân.' },
  { arrivesOn: '2025-09-18', days: 1, name: 'Đoàn công tác của Bộ Khoa học và Công nghệ', organization: 'Bộ Khoa học và Công nghệ', headName: 'Thứ trưởng Bộ Khoa học và Công nghệ', members: 6, content: 'Làm việc về chuyển đổi số, Đề án 06 và dịch vụ công trực tuyến', host: 'SKHCN', leader: 'chanhvanphong', outcome: 'Đoàn đánh giá cao tỷ lệ hồ sơ trực tuyến toàn trình; đề nghị tích hợp thêm dịch vụ công trên Cổng quốc gia.' },
  { arrivesOn: '2025-10-09', days: 2, name: 'Đoàn công tác của Bộ Nông nghiệp và Môi trường', organization: 'Bộ Nông nghiệp và Môi trường', headName: 'Thứ trưởng Bộ Nông nghiệp và Môi trường', members: 10, content: 'Kiểm tra công tác phòng, chống hạn mặn và sạt lở bờ biển', host: 'SNNMT', leader: 'lanhdao', outcome: 'Đề nghị rà soát, sửa chữa các cống ngăn mặn; xây dựng phương án di dời dân ở khu vực sạt lở.' },
  { arrivesOn: '2025-11-20', days: 1, name: 'Đoàn công tác của Bộ Y tế', organization: 'Bộ Y tế', headName: 'Thứ trưởng Bộ Y tế', members: 5, content: 'Làm việc về cung ứng thuốc, vật tư y tế và y tế cơ sở', host: 'SYT', leader: 'lanhdao', outcome: 'Đoàn đề nghị tỉnh kiện toàn trạm y tế cấp xã sau sắp xếp.' },
  { arrivesOn: '2026-03-12', days: 2, name: 'Đoàn công tác của Văn phòng Chính phủ', organization: 'Văn phòng Chính phủ', headName: 'Phó Chủ nhiệm Văn phòng Chính phủ', members: 8, content: 'Kiểm tra công tác cải cách thủ tục hành chính và Hệ thống thông tin giải quyết thủ tục hành chính', host: 'vp', leader: 'chanhvanphong', outcome: 'Đoàn ghi nhận tỉnh cắt giảm thời gian giải quyết thủ tục; đề nghị số hóa kết quả giải quyết còn tồn đọng.' },
];

const at = (day: string, hm: string) => new Date(`${day}T${hm}:00+07:00`);

/** Topics of the first months of the two-level government, for the meetings of that period. */
const TOPICS: [MeetingKind, string][] = [
  ['ubnd_session', 'Phiên họp UBND tỉnh thường kỳ'],
  ['online_conference', 'Hội nghị trực tuyến hướng dẫn vận hành chính quyền địa phương hai cấp'],
  ['working_session', 'Làm việc với Sở Nội vụ về sắp xếp công chức cấp xã'],
  ['conference', 'Hội nghị triển khai Trung tâm Phục vụ hành chính công cấp xã'],
  ['online_conference', 'Hội nghị trực tuyến về thu ngân sách và giải ngân đầu tư công'],
  ['working_session', 'Làm việc với Sở Tài chính về bàn giao tài sản, trụ sở sau sắp xếp'],
  ['online_conference', 'Hội nghị trực tuyến về phòng, chống thiên tai'],
  ['working_session', 'Làm việc với Sở Xây dựng về dự án trọng điểm'],
  ['conference', 'Hội nghị sơ kết chuyển đổi số'],
  ['online_conference', 'Hội nghị trực tuyến về cấp đổi giấy tờ cho người dân sau sắp xếp'],
];
/** The period the Office reported on: 50 meetings in 54 working days from 1 July 2025 (0,93 a working day). */
const REPORT_MEETINGS = 50;
const REPORT_WORKING_DAYS = 54;

/**
 * The leaders' weekly schedule of this week (published) and next week (a draft the Office is still working
 * on), with the entries of the demo meetings chaired by leaders in those weeks; and six central
 * delegations received since 1 July 2025. Runs after seedDemoMeetings (its rooms and meetings).
 */
export async function seedDemoSchedule(tx: Db, tenantId: string, now: Date = new Date()) {
  const people = await tx.select({ id: users.id, username: users.username }).from(users).where(and(eq(users.tenantId, tenantId), inArray(users.username, ['lanhdao', 'chanhvanphong', 'truongphong', 'chuyenvien'])));
  const person = (u: string) => people.find((p) => p.username === u)!.id;
  const agencyRows = await tx.select({ id: agencies.id, shortName: agencies.shortName, type: agencies.type }).from(agencies).where(eq(agencies.tenantId, tenantId));
  const agencyOf = (key: string) =>
    key === 'vp' ? agencyRows.find((a) => a.type === 'provincial_office')!.id : key === 'center' ? agencyRows.find((a) => a.type === 'service_center')!.id : agencyRows.find((a) => a.type === 'department' && a.shortName === key)?.id ?? null;
  const roomRows = await tx.select({ id: rooms.id, name: rooms.name }).from(rooms).where(eq(rooms.tenantId, tenantId));
  const roomOf = (name: string | undefined) => (name ? (roomRows.find((r) => r.name === name)?.id ?? null) : null);

  const thisWeek = mondayOf(vietnamDate(now));
  for (const [weekStart, list, published] of [[thisWeek, THIS_WEEK, true], [addDays(thisWeek, 7), NEXT_WEEK, false]] as const) {
    const weekId = newId();
    const approvedAt = at(addDays(weekStart, -3), '16:00');
    await tx.insert(scheduleWeeks).values({
      id: weekId,
      tenantId,
      weekStart,
      state: published ? 'published' : 'draft',
      approvedBy: published ? person('lanhdao') : null,
      approvedByName: published ? 'Lê Minh Đức' : null,
      approvedAt: published ? approvedAt : null,
      publishedAt: published ? at(addDays(weekStart, -3), '16:30') : null,
    });
    const stamp = published ? at(addDays(weekStart, -3), '10:00') : now;
    const add = async (e: { startsAt: Date; endsAt: Date; leaders: string[]; content: string; roomId: string | null; place: string | null; agencyId: string | null; participants: string | null; meetingId: string | null }) => {
      const id = newId();
      await tx.insert(scheduleEntries).values({ id, tenantId, weekId, startsAt: e.startsAt, endsAt: e.endsAt, roomId: e.roomId, place: e.place, content: e.content, preparingAgencyId: e.agencyId, participants: e.participants, meetingId: e.meetingId, createdAt: stamp, updatedAt: stamp });
      await tx.insert(scheduleEntryLeaders).values([...new Set(e.leaders)].map((userId) => ({ tenantId, entryId: id, userId })));
    };
    const { from, to } = weekWindow(weekStart);
    const held = await tx.select().from(meetings).where(and(eq(meetings.tenantId, tenantId), gte(meetings.startsAt, from), lt(meetings.startsAt, to)));
    for (const e of list) {
      const day = addDays(weekStart, e.day);
      const [startsAt, endsAt] = [at(day, e.start), at(day, e.end)];
      // the published week is a clean one: an entry that would clash with a demo meeting is left out
      if (published && held.some((m) => m.startsAt < endsAt && startsAt < m.endsAt && (e.leaders.map(person).includes(m.chairUserId) || (m.roomId && m.roomId === roomOf(e.room))))) continue;
      await add({ startsAt, endsAt, leaders: e.leaders.map(person), content: e.content, roomId: roomOf(e.room), place: e.place ?? null, agencyId: e.agency ? agencyOf(e.agency) : null, participants: e.participants ?? null, meetingId: null });
    }
    // the demo meetings of the week chaired by a leader are on the schedule too
    for (const m of held) {
      await add({ startsAt: m.startsAt, endsAt: m.endsAt, leaders: [m.chairUserId], content: `Chủ trì: ${m.title}`, roomId: m.roomId, place: m.place, agencyId: m.organizerAgencyId, participants: null, meetingId: m.id });
    }
  }

  for (const d of DELEGATIONS) {
    await tx.insert(delegations).values({
      tenantId,
      kind: 'central',
      name: d.name,
      organization: d.organization,
      headName: d.headName,
      composition: 'Lãnh đạo các cục, vụ chuyên môn của bộ, ngành',
      memberCount: d.members,
      arrivesOn: d.arrivesOn,
      departsOn: addDays(d.arrivesOn, d.days - 1),
      content: d.content,
      receivingLeaderId: person(d.leader),
      receivingLeaderName: d.leader === 'lanhdao' ? 'Lê Minh Đức' : 'Phạm Thanh Hải',
      hostAgencyId: agencyOf(d.host) ?? agencyOf('vp')!,
      state: 'received',
      outcome: d.outcome,
      createdBy: person('chuyenvien'),
    });
  }
  await seedReportPeriod(tx, tenantId, { person, agencyOf, roomOf });

  // the delegation on next week's draft schedule, not come yet
  const tuesday = addDays(thisWeek, 8);
  await tx.insert(delegations).values({ tenantId, kind: 'central', name: 'Đoàn công tác của Bộ Tài chính', organization: 'Bộ Tài chính', headName: 'Thứ trưởng Bộ Tài chính', composition: 'Cục Quản lý nợ, Vụ Ngân sách nhà nước', memberCount: 6, arrivesOn: tuesday, departsOn: tuesday, content: 'Làm việc về dự toán ngân sách năm 2027 và cơ chế tài chính đặc thù cho đặc khu', receivingLeaderId: person('lanhdao'), receivingLeaderName: 'Lê Minh Đức', hostAgencyId: agencyOf('STC') ?? agencyOf('vp')!, createdBy: person('chuyenvien') });
}

/**
 * The meetings of the Office's report on the first months of the two-level government: one a working day
 * from 1 July 2025 except four days, a third of them online conferences that together reach all communes,
 * wards and special zones — so the statistics page shows the report's figures for that period.
 */
async function seedReportPeriod(tx: Db, tenantId: string, refs: { person: (u: string) => string; agencyOf: (k: string) => string | null; roomOf: (n: string | undefined) => string | null }) {
  const calendar = await loadWorkCalendar(tx, tenantId);
  const communes = await tx.select({ id: agencies.id }).from(agencies).where(and(eq(agencies.tenantId, tenantId), inArray(agencies.type, ['commune_committee', 'ward_committee', 'special_zone_committee']))).orderBy(agencies.sortOrder);
  const office = refs.agencyOf('vp')!;
  let day = calendar.isWorkingDay('2025-07-01').workingDay ? '2025-07-01' : calendar.addWorkingDays('2025-07-01', 1);
  let made = 0;
  let online = 0;
  for (let i = 0; i < REPORT_WORKING_DAYS && made < REPORT_MEETINGS; i++, day = calendar.addWorkingDays(day, 1)) {
    // four working days of the period without a meeting the Office served
    if (i % 13 === 6) continue;
    const [kind, title] = TOPICS[made % TOPICS.length]!;
    const chair = made % 3 === 2 ? 'chanhvanphong' : 'lanhdao';
    const id = newId();
    const isOnline = kind === 'online_conference';
    await tx.insert(meetings).values({
      id,
      tenantId,
      kind,
      title: `${title} (${day.slice(8, 10)}/${day.slice(5, 7)})`,
      organizerAgencyId: office,
      chairUserId: refs.person(chair),
      chairName: chair === 'lanhdao' ? 'Lê Minh Đức' : 'Phạm Thanh Hải',
      startsAt: at(day, made % 2 ? '14:00' : '08:00'),
      endsAt: at(day, made % 2 ? '16:30' : '11:00'),
      roomId: refs.roomOf(isOnline ? 'Phòng họp trực tuyến' : made % 2 ? 'Phòng họp B' : 'Phòng họp A'),
      onlineRoom: isOnline ? newRoomName() : null,
      state: 'held',
      createdBy: refs.person('chuyenvien'),
    });
    if (isOnline && communes.length > 0) {
      // each online conference reaches a window of 40 communes; over the period every one of them is reached
      const sites = Array.from({ length: Math.min(40, communes.length) }, (_, k) => communes[(online * 40 + k) % communes.length]!.id);
      await tx.insert(meetingSites).values([...new Set(sites)].map((agencyId) => ({ tenantId, meetingId: id, agencyId, state: 'connected' as const, connectedAt: at(day, '08:00'), attendees: 15 })));
      online++;
    }
    made++;
  }
}
