import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, updatedAt } from '../../db/columns.js';
import { files } from '../../platform/files/tables.js';
import { documents } from '../documents/tables.js';
import { agencies, tenants, users } from '../org/tables.js';

/** Meeting rooms at the Office's locations (trụ sở, cơ sở 2, …). */
export const rooms = pgTable(
  'meeting_rooms',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    /** the agency that owns the room (the Office, the People's Committee, the Center) */
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    /** the location's name, e.g. "Trụ sở UBND tỉnh – 82 Tôn Đức Thắng" */
    location: text('location').notNull(),
    name: text('name').notNull(),
    capacity: integer('capacity').notNull(),
    /** a room with cameras and the line to the communes */
    online: boolean('online').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('meeting_rooms_name_uq').on(t.tenantId, t.location, t.name)],
);

export const MEETING_KINDS = ['ubnd_session', 'conference', 'working_session', 'online_conference'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_STATES = ['planned', 'held', 'cancelled'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

/** One agenda item: what is discussed, who presents it, how long. */
export interface AgendaItem {
  title: string;
  presenter?: string;
  minutes?: number;
}

/** Họp, hội nghị: phiên họp UBND, hội nghị, buổi làm việc, hội nghị trực tuyến. */
export const meetings = pgTable(
  'meetings',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    kind: text('kind', { enum: MEETING_KINDS }).notNull(),
    title: text('title').notNull(),
    /** the agency that organizes and prepares it (cơ quan chuẩn bị) */
    organizerAgencyId: uuid('organizer_agency_id').notNull().references(() => agencies.id),
    chairUserId: uuid('chair_user_id').notNull().references(() => users.id),
    chairName: text('chair_name').notNull(),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    roomId: uuid('room_id').references(() => rooms.id),
    /** a place outside the rooms (a commune's hall, a site visit) */
    place: text('place'),
    agenda: jsonb('agenda').$type<AgendaItem[]>().notNull().default([]),
    /** online meetings: the Jitsi room name (the link is built from the configured base URL) */
    onlineRoom: text('online_room'),
    state: text('state', { enum: MEETING_STATES }).notNull().default('planned'),
    cancelReason: text('cancel_reason'),
    /** the invitation (giấy mời), drafted as an outgoing document */
    invitationDocumentId: uuid('invitation_document_id').references(() => documents.id),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    searchText: text('search_text').generatedAlwaysAs(sql`f_unaccent(title)`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('meetings_time_order', sql`ends_at > starts_at`),
    index('meetings_time_idx').on(t.tenantId, t.startsAt),
    index('meetings_room_idx').on(t.tenantId, t.roomId, t.startsAt),
    uniqueIndex('meetings_online_room_uq').on(t.onlineRoom).where(sql`online_room is not null`),
  ],
);

export const ATTENDANCE = ['present', 'absent', 'excused'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

/** Who is invited: a person, or an agency that sends someone; attendance is recorded on the row. */
export const meetingParticipants = pgTable(
  'meeting_participants',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    meetingId: uuid('meeting_id').notNull().references(() => meetings.id),
    userId: uuid('user_id').references(() => users.id),
    agencyId: uuid('agency_id').references(() => agencies.id),
    /** participant, presenter, secretary (thư ký) */
    role: text('role').notNull().default('participant'),
    attendance: text('attendance', { enum: ATTENDANCE }),
    /** who came on the agency's behalf, or why absent */
    attendanceNote: text('attendance_note'),
    recordedAt: instant('recorded_at'),
  },
  (t) => [
    check('meeting_participants_one', sql`(user_id is null) <> (agency_id is null)`),
    index('meeting_participants_meeting_idx').on(t.tenantId, t.meetingId),
    index('meeting_participants_user_idx').on(t.tenantId, t.userId),
    uniqueIndex('meeting_participants_user_uq').on(t.tenantId, t.meetingId, t.userId).where(sql`user_id is not null`),
    uniqueIndex('meeting_participants_agency_uq').on(t.tenantId, t.meetingId, t.agencyId).where(sql`agency_id is not null`),
  ],
);

export const SITE_STATES = ['invited', 'connected', 'not_connected'] as const;
export type SiteState = (typeof SITE_STATES)[number];

/** Online meetings: the connected sites (communes, wards, special zones), their connection and attendance. */
export const meetingSites = pgTable(
  'meeting_sites',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    meetingId: uuid('meeting_id').notNull().references(() => meetings.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    state: text('state', { enum: SITE_STATES }).notNull().default('invited'),
    connectedAt: instant('connected_at'),
    attendees: integer('attendees'),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.meetingId, t.agencyId] }), index('meeting_sites_agency_idx').on(t.tenantId, t.agencyId)],
);

/** Paperless meeting documents; participants read them in the app before the meeting. */
export const meetingDocuments = pgTable(
  'meeting_documents',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    meetingId: uuid('meeting_id').notNull().references(() => meetings.id),
    fileId: uuid('file_id').notNull().references(() => files.id),
    title: text('title').notNull(),
    addedBy: uuid('added_by').notNull().references(() => users.id),
    addedAt: instant('added_at').notNull().defaultNow(),
  },
  (t) => [index('meeting_documents_meeting_idx').on(t.tenantId, t.meetingId), uniqueIndex('meeting_documents_file_uq').on(t.tenantId, t.meetingId, t.fileId)],
);

/** Who opened which meeting document (first time), so the organizer sees who came prepared. */
export const meetingDocumentReads = pgTable(
  'meeting_document_reads',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    documentId: uuid('document_id').notNull().references(() => meetingDocuments.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    readAt: instant('read_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.documentId, t.userId] })],
);

/** The conclusion (kết luận) of a meeting; its notice is an outgoing draft, its action items are tasks. */
export const meetingConclusions = pgTable('meeting_conclusions', {
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  meetingId: uuid('meeting_id').primaryKey().references(() => meetings.id),
  summary: text('summary').notNull(),
  /** the conclusion notice (thông báo kết luận), drafted as an outgoing document */
  noticeDocumentId: uuid('notice_document_id').references(() => documents.id),
  recordedBy: uuid('recorded_by').notNull().references(() => users.id),
  recordedByName: text('recorded_by_name').notNull(),
  recordedAt: instant('recorded_at').notNull().defaultNow(),
});

export const SCHEDULE_STATES = ['draft', 'approved', 'published'] as const;
export type ScheduleState = (typeof SCHEDULE_STATES)[number];

/** Lịch công tác tuần of the province's leaders: one per week (Monday), draft → approved → published. */
export const scheduleWeeks = pgTable(
  'schedule_weeks',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    /** the Monday of the week (Vietnam date) */
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    state: text('state', { enum: SCHEDULE_STATES }).notNull().default('draft'),
    /** raised by every change after publication, so readers see "updated" */
    revision: integer('revision').notNull().default(0),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedByName: text('approved_by_name'),
    approvedAt: instant('approved_at'),
    publishedAt: instant('published_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('schedule_weeks_week_uq').on(t.tenantId, t.weekStart)],
);

/** One entry of the weekly schedule: time, place, leaders, content, preparing agency, participants. */
export const scheduleEntries = pgTable(
  'schedule_entries',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    weekId: uuid('week_id').notNull().references(() => scheduleWeeks.id),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    roomId: uuid('room_id').references(() => rooms.id),
    place: text('place'),
    content: text('content').notNull(),
    preparingAgencyId: uuid('preparing_agency_id').references(() => agencies.id),
    participants: text('participants'),
    /** set when the entry was made from a meeting */
    meetingId: uuid('meeting_id').references(() => meetings.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check('schedule_entries_time_order', sql`ends_at > starts_at`), index('schedule_entries_week_idx').on(t.tenantId, t.weekId, t.startsAt), index('schedule_entries_time_idx').on(t.tenantId, t.startsAt)],
);

export const scheduleEntryLeaders = pgTable(
  'schedule_entry_leaders',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    entryId: uuid('entry_id').notNull().references(() => scheduleEntries.id),
    userId: uuid('user_id').notNull().references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.entryId, t.userId] }), index('schedule_entry_leaders_user_idx').on(t.tenantId, t.userId)],
);

export const DELEGATION_KINDS = ['central', 'foreign', 'other_province'] as const;
export type DelegationKind = (typeof DELEGATION_KINDS)[number];

export const DELEGATION_STATES = ['planned', 'received', 'cancelled'] as const;
export type DelegationState = (typeof DELEGATION_STATES)[number];

/** Đoàn công tác received by the province: who came, when, what for, who received them; tasks follow. */
export const delegations = pgTable(
  'delegations',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    kind: text('kind', { enum: DELEGATION_KINDS }).notNull(),
    name: text('name').notNull(),
    /** the sending organization (a ministry, an embassy, …) */
    organization: text('organization').notNull(),
    headName: text('head_name').notNull(),
    composition: text('composition'),
    memberCount: integer('member_count'),
    arrivesOn: date('arrives_on', { mode: 'string' }).notNull(),
    departsOn: date('departs_on', { mode: 'string' }).notNull(),
    content: text('content').notNull(),
    receivingLeaderId: uuid('receiving_leader_id').notNull().references(() => users.id),
    receivingLeaderName: text('receiving_leader_name').notNull(),
    hostAgencyId: uuid('host_agency_id').notNull().references(() => agencies.id),
    state: text('state', { enum: DELEGATION_STATES }).notNull().default('planned'),
    outcome: text('outcome'),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    searchText: text('search_text').generatedAlwaysAs(sql`f_unaccent(name || ' ' || organization || ' ' || content)`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check('delegations_dates', sql`departs_on >= arrives_on`), index('delegations_time_idx').on(t.tenantId, t.arrivesOn)],
);
