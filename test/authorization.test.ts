import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from './helpers/app.js';
import { multipart, samplePdf } from './helpers/fixtures.js';

/**
 * Route × role: who may call what. Every operation of the OpenAPI document must appear here, so a new
 * route cannot ship without deciding its access. Allowed callers get past authorization (any status but
 * 401/403; destructive calls aim at a missing id and get 404); everyone else gets 403 FORBIDDEN.
 */
const ROLES = { admin: 'admin', clerk: 'vanthu', leader: 'lanhdao', specialist: 'chuyenvien', one_stop_officer: 'motcua', department_staff: 'so', commune_staff: 'xa' } as const;
type RoleName = keyof typeof ROLES;
const ALL = Object.keys(ROLES) as RoleName[];
const ADMIN: RoleName[] = ['admin'];
const MISSING = '01900000-0000-7000-8000-000000000000';

interface Case {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  allowed: RoleName[] | 'public';
  /** the call ends the caller's session, so it gets a session of its own */
  consumesSession?: boolean;
}

const CASES: Record<string, Case> = {
  login: { method: 'POST', url: '/api/auth/login', body: { username: 'khongco', password: 'x' }, allowed: 'public' },
  getHealth: { method: 'GET', url: '/api/health', allowed: 'public' },
  logout: { method: 'POST', url: '/api/auth/logout', allowed: ALL, consumesSession: true },
  logoutEverywhere: { method: 'POST', url: '/api/auth/logout-all', allowed: ALL, consumesSession: true },
  getCurrentUser: { method: 'GET', url: '/api/auth/me', allowed: ALL },
  changePassword: { method: 'POST', url: '/api/auth/password', body: { currentPassword: 'sai', newPassword: 'Kh0ng@DoiDuoc' }, allowed: ALL },
  listApiTokens: { method: 'GET', url: '/api/auth/tokens', allowed: ADMIN },
  createApiToken: { method: 'POST', url: '/api/auth/tokens', body: { name: 'Thử quyền' }, allowed: ADMIN },
  revokeApiToken: { method: 'DELETE', url: `/api/auth/tokens/${MISSING}`, allowed: ADMIN },
  listAgencies: { method: 'GET', url: '/api/agencies', allowed: ALL },
  getAgency: { method: 'GET', url: `/api/agencies/${MISSING}`, allowed: ALL },
  createAgency: { method: 'POST', url: '/api/agencies', body: { type: 'department', name: 'Sở Thử', shortName: 'ST', parentId: MISSING }, allowed: ADMIN },
  updateAgency: { method: 'PATCH', url: `/api/agencies/${MISSING}`, body: { name: 'Mới' }, allowed: ADMIN },
  deleteAgency: { method: 'DELETE', url: `/api/agencies/${MISSING}`, allowed: ADMIN },
  listUnits: { method: 'GET', url: '/api/units', allowed: ALL },
  createUnit: { method: 'POST', url: '/api/units', body: { agencyId: MISSING, name: 'Phòng Thử' }, allowed: ADMIN },
  updateUnit: { method: 'PATCH', url: `/api/units/${MISSING}`, body: { name: 'Mới' }, allowed: ADMIN },
  deleteUnit: { method: 'DELETE', url: `/api/units/${MISSING}`, allowed: ADMIN },
  listPositions: { method: 'GET', url: '/api/positions', allowed: ALL },
  createPosition: { method: 'POST', url: '/api/positions', body: { name: 'Chuyên viên' }, allowed: ADMIN },
  updatePosition: { method: 'PATCH', url: `/api/positions/${MISSING}`, body: { name: 'Mới' }, allowed: ADMIN },
  deletePosition: { method: 'DELETE', url: `/api/positions/${MISSING}`, allowed: ADMIN },
  listUsers: { method: 'GET', url: '/api/users', allowed: ALL },
  getUser: { method: 'GET', url: `/api/users/${MISSING}`, allowed: ALL },
  createUser: { method: 'POST', url: '/api/users', body: { username: 'moi', fullName: 'Người Mới', unitId: MISSING, roles: ['specialist'], password: 'Mk@2025-ThuNghiem' }, allowed: ADMIN },
  updateUser: { method: 'PATCH', url: `/api/users/${MISSING}`, body: { fullName: 'Tên Mới' }, allowed: ADMIN },
  deactivateUser: { method: 'POST', url: `/api/users/${MISSING}/deactivate`, allowed: ADMIN },
  activateUser: { method: 'POST', url: `/api/users/${MISSING}/activate`, allowed: ADMIN },
  resetUserPassword: { method: 'POST', url: `/api/users/${MISSING}/password`, body: { password: 'Mk@2025-ThuNghiem' }, allowed: ADMIN },
  deleteUser: { method: 'DELETE', url: `/api/users/${MISSING}`, allowed: ADMIN },
  isWorkingDay: { method: 'GET', url: '/api/calendar/working-day?date=2026-02-17', allowed: ALL },
  addWorkingDays: { method: 'GET', url: '/api/calendar/add-working-days?from=2026-02-13&days=1', allowed: ALL },
  countWorkingDays: { method: 'GET', url: '/api/calendar/count-working-days?from=2026-02-01&to=2026-02-28', allowed: ALL },
  addWorkingHours: { method: 'GET', url: '/api/calendar/add-working-hours?from=2026-02-13T08:00:00%2B07:00&hours=8', allowed: ALL },
  listHolidays: { method: 'GET', url: '/api/calendar/holidays?year=2026', allowed: ALL },
  convertLunar: { method: 'GET', url: '/api/calendar/lunar?date=2026-02-17', allowed: ALL },
  convertSolar: { method: 'GET', url: '/api/calendar/solar?year=2026&month=3&day=10', allowed: ALL },
  listCalendarOverrides: { method: 'GET', url: '/api/calendar/overrides?year=2026', allowed: ALL },
  createCalendarOverride: { method: 'POST', url: '/api/calendar/overrides', body: { date: '2025-01-27', kind: 'day_off', name: 'Trùng' }, allowed: ADMIN },
  deleteCalendarOverride: { method: 'DELETE', url: `/api/calendar/overrides/${MISSING}`, allowed: ADMIN },
  listAuditEntries: { method: 'GET', url: '/api/audit', allowed: ADMIN },
  registerIncomingDocument: { method: 'POST', url: '/api/documents/incoming', body: { channel: 'paper', senderName: 'Sở Thử', numberNotation: '1/ST-VP', issuedDate: '2026-01-05', typeCode: 'CV', subject: 'Thử quyền', registerId: MISSING }, allowed: ['clerk'] },
  listIncomingDocuments: { method: 'GET', url: '/api/documents/incoming', allowed: ALL },
  getDocument: { method: 'GET', url: `/api/documents/${MISSING}`, allowed: ALL },
  downloadDocumentFile: { method: 'GET', url: `/api/documents/${MISSING}/files/${MISSING}/content`, allowed: ALL },
  // routing is decided per document (a missing one is 404 for everybody); routing.test.ts walks the roles on real ones
  listDocumentInbox: { method: 'GET', url: '/api/documents/inbox', allowed: ALL },
  getDocumentInboxCounts: { method: 'GET', url: '/api/documents/inbox/counts', allowed: ALL },
  presentDocument: { method: 'POST', url: `/api/documents/${MISSING}/present`, body: { leaderId: MISSING }, allowed: ALL },
  assignDocument: { method: 'POST', url: `/api/documents/${MISSING}/assignments`, body: { instruction: 'Thử', lead: { unitId: MISSING } }, allowed: ALL },
  acceptAssignment: { method: 'POST', url: `/api/documents/${MISSING}/assignments/${MISSING}/accept`, body: {}, allowed: ALL },
  forwardAssignment: { method: 'POST', url: `/api/documents/${MISSING}/assignments/${MISSING}/forward`, body: { userId: MISSING, note: 'Thử' }, allowed: ALL },
  reportAssignmentProgress: { method: 'POST', url: `/api/documents/${MISSING}/assignments/${MISSING}/report`, body: { note: 'Thử' }, allowed: ALL },
  completeAssignment: { method: 'POST', url: `/api/documents/${MISSING}/assignments/${MISSING}/complete`, body: { result: 'Thử' }, allowed: ALL },
  recallAssignment: { method: 'POST', url: `/api/documents/${MISSING}/assignments/${MISSING}/recall`, body: { note: 'Thử' }, allowed: ALL },
  extendAssignment: { method: 'POST', url: `/api/documents/${MISSING}/assignments/${MISSING}/extend`, body: { note: 'Thử', dueInWorkingDays: 3 }, allowed: ALL },
  createOutgoingDraft: { method: 'POST', url: '/api/documents/outgoing', body: { typeCode: 'CV', subject: 'Thử quyền', signerId: MISSING }, allowed: ['clerk', 'leader', 'specialist', 'one_stop_officer', 'department_staff', 'commune_staff'] },
  listOutgoingDocuments: { method: 'GET', url: '/api/documents/outgoing', allowed: ALL },
  updateOutgoingDraft: { method: 'PATCH', url: `/api/documents/outgoing/${MISSING}`, body: { subject: 'Thử' }, allowed: ALL },
  addOutgoingVersion: { method: 'POST', url: `/api/documents/outgoing/${MISSING}/versions`, body: { fileId: MISSING }, allowed: ALL },
  submitOutgoingDocument: { method: 'POST', url: `/api/documents/outgoing/${MISSING}/submit`, body: { toUserId: MISSING }, allowed: ALL },
  returnOutgoingDocument: { method: 'POST', url: `/api/documents/outgoing/${MISSING}/return`, body: { note: 'Thử' }, allowed: ALL },
  commentOutgoingDocument: { method: 'POST', url: `/api/documents/outgoing/${MISSING}/comments`, body: { note: 'Thử' }, allowed: ALL },
  approveOutgoingDocument: { method: 'POST', url: `/api/documents/outgoing/${MISSING}/approve`, body: {}, allowed: ALL },
  signOutgoingDocument: { method: 'POST', url: `/api/documents/outgoing/${MISSING}/sign`, body: {}, allowed: ALL },
  issueOutgoingDocument: { method: 'POST', url: `/api/documents/outgoing/${MISSING}/issue`, body: {}, allowed: ALL },
  recallOutgoingDocument: { method: 'POST', url: `/api/documents/outgoing/${MISSING}/recall`, body: { note: 'Thử' }, allowed: ALL },
  searchDocuments: { method: 'GET', url: '/api/documents/search?q=ubnd', allowed: ALL },
  getDocumentStats: { method: 'GET', url: '/api/documents/stats?from=2026-01-01&to=2026-01-31', allowed: ['clerk', 'leader'] },
  createDocumentRegister: { method: 'POST', url: '/api/document-registers', body: { direction: 'outgoing', name: 'Sổ thử quyền' }, allowed: ['clerk'] },
  updateDocumentRegister: { method: 'PATCH', url: `/api/document-registers/${MISSING}`, body: { name: 'Sổ thử' }, allowed: ['clerk'] },
  getRegisterEntries: { method: 'GET', url: `/api/document-registers/${MISSING}/entries?from=2026-01-01&to=2026-01-31`, allowed: ['clerk', 'leader'] },
  exportRegister: { method: 'GET', url: `/api/document-registers/${MISSING}/export?from=2026-01-01&to=2026-01-31`, allowed: ['clerk', 'leader'] },
  listRegisterClosings: { method: 'GET', url: `/api/document-registers/${MISSING}/closings`, allowed: ['clerk', 'leader'] },
  closeRegister: { method: 'POST', url: `/api/document-registers/${MISSING}/closings`, body: { from: '2026-01-01', to: '2026-01-31' }, allowed: ['clerk'] },
  downloadRegisterClosing: { method: 'GET', url: `/api/document-registers/${MISSING}/closings/${MISSING}/content`, allowed: ['clerk', 'leader'] },
  previewDocumentFileAsPdf: { method: 'GET', url: `/api/documents/${MISSING}/files/${MISSING}/pdf`, allowed: ALL },
  searchPeople: { method: 'GET', url: '/api/people?q=pham', allowed: ALL },
  listDocumentRegisters: { method: 'GET', url: '/api/document-registers', allowed: ['clerk', 'leader'] },
  listDocumentTypes: { method: 'GET', url: '/api/document-types', allowed: ALL },
  signDocument: { method: 'POST', url: `/api/documents/outgoing/${MISSING}/signatures`, body: { certificateId: MISSING, passphrase: 'x' }, allowed: ALL },
  addOrganizationSignature: { method: 'POST', url: `/api/documents/outgoing/${MISSING}/organization-signature`, body: { certificateId: MISSING, passphrase: 'x' }, allowed: ALL },
  verifyDocumentFileSignatures: { method: 'GET', url: `/api/documents/${MISSING}/files/${MISSING}/signatures`, allowed: ALL },
  listSigningCertificates: { method: 'GET', url: '/api/signing/certificates', allowed: ALL },
  listRemoteSigningServices: { method: 'GET', url: '/api/signing/remote-services', allowed: ALL },
  // a personal certificate is the signer's (leaders), the agency's is kept by its clerks
  addSigningCertificate: { method: 'POST', url: '/api/signing/certificates', body: { kind: 'personal', label: 'Thử', pkcs12: 'AAAA', passphrase: 'x' }, allowed: ['leader'] },
  removeSigningCertificate: { method: 'DELETE', url: `/api/signing/certificates/${MISSING}`, allowed: ALL },
  listTrustAnchors: { method: 'GET', url: '/api/signing/trust-anchors', allowed: ADMIN },
  addTrustAnchor: { method: 'POST', url: '/api/signing/trust-anchors', body: { content: 'AAAA' }, allowed: ADMIN },
  removeTrustAnchor: { method: 'DELETE', url: `/api/signing/trust-anchors/${MISSING}`, allowed: ADMIN },
  verifyPdfSignatures: { method: 'POST', url: '/api/signing/verify', body: 'multipart', allowed: ALL },
  importEdxml: { method: 'POST', url: '/api/exchange/messages/import', body: 'multipart', allowed: ['clerk'] },
  listExchangeMessages: { method: 'GET', url: '/api/exchange/messages', allowed: ['clerk'] },
  registerExchangeMessage: { method: 'POST', url: `/api/exchange/messages/${MISSING}/register`, body: {}, allowed: ['clerk'] },
  downloadExchangeMessageFile: { method: 'GET', url: `/api/exchange/messages/${MISSING}/files/${MISSING}`, allowed: ['clerk'] },
  rejectExchangeMessage: { method: 'POST', url: `/api/exchange/messages/${MISSING}/reject`, body: { reason: 'Không đúng thẩm quyền' }, allowed: ['clerk'] },
  receiveExchangeMessage: { method: 'POST', url: '/api/exchange/inbox', body: { not: 'xml' }, allowed: ['admin', 'clerk'] },
  listExchangeOutbox: { method: 'GET', url: '/api/exchange/outbox', allowed: ['admin', 'clerk'] },
  retryExchangeOutbox: { method: 'POST', url: `/api/exchange/outbox/${MISSING}/retry`, allowed: ['admin', 'clerk'] },
  exportEdxml: { method: 'GET', url: `/api/documents/${MISSING}/edxml`, allowed: ['clerk'] },
  listExchangePeers: { method: 'GET', url: '/api/exchange/peers', allowed: ADMIN },
  addExchangePeer: { method: 'POST', url: '/api/exchange/peers', body: { name: 'Tỉnh khác', url: 'http://127.0.0.1:9', organIds: ['000.00.00.H98'], token: 'vps_'.padEnd(40, 'x') }, allowed: ADMIN },
  removeExchangePeer: { method: 'DELETE', url: `/api/exchange/peers/${MISSING}`, allowed: ADMIN },
  uploadFile: { method: 'POST', url: '/api/files', body: 'multipart', allowed: ALL },
  getFile: { method: 'GET', url: `/api/files/${MISSING}`, allowed: ALL },
  downloadFile: { method: 'GET', url: `/api/files/${MISSING}/content`, allowed: ALL },
  // tasks: only leaders give them; every step is decided per task (a missing one is 404 for everybody), tasks-api.test.ts walks the sides on real ones
  createTask: { method: 'POST', url: '/api/tasks', body: { content: 'Thử quyền', source: { kind: 'instruction', reference: 'Chỉ đạo' }, primaryAgencyId: MISSING, dueInWorkingDays: 5 }, allowed: ['leader'] },
  listTasks: { method: 'GET', url: '/api/tasks?view=mine', allowed: ALL },
  getTask: { method: 'GET', url: `/api/tasks/${MISSING}`, allowed: ALL },
  downloadTaskFile: { method: 'GET', url: `/api/tasks/${MISSING}/files/${MISSING}/content`, allowed: ALL },
  acceptTask: { method: 'POST', url: `/api/tasks/${MISSING}/accept`, body: {}, allowed: ALL },
  reportTaskProgress: { method: 'POST', url: `/api/tasks/${MISSING}/progress`, body: { percent: 10, note: 'Thử' }, allowed: ALL },
  reportTaskDone: { method: 'POST', url: `/api/tasks/${MISSING}/done`, body: { note: 'Thử' }, allowed: ALL },
  confirmTaskDone: { method: 'POST', url: `/api/tasks/${MISSING}/confirm`, body: {}, allowed: ALL },
  returnTask: { method: 'POST', url: `/api/tasks/${MISSING}/return`, body: { reason: 'Thử' }, allowed: ALL },
  requestTaskExtension: { method: 'POST', url: `/api/tasks/${MISSING}/extensions`, body: { dueDate: '2030-01-02', reason: 'Thử' }, allowed: ALL },
  decideTaskExtension: { method: 'POST', url: `/api/tasks/${MISSING}/extensions/decision`, body: { approve: true }, allowed: ALL },
  urgeTask: { method: 'POST', url: `/api/tasks/${MISSING}/urge`, body: { note: 'Thử' }, allowed: ALL },
  // notifications: each person's own (another's answers 404)
  listNotifications: { method: 'GET', url: '/api/notifications', allowed: ALL },
  markNotificationRead: { method: 'POST', url: `/api/notifications/${MISSING}/read`, allowed: ALL },
  markAllNotificationsRead: { method: 'POST', url: '/api/notifications/read-all', allowed: ALL },
  getTaskScoreboard: { method: 'GET', url: '/api/tasks/scoreboard?group=all', allowed: ALL },
  exportTaskScoreboard: { method: 'GET', url: '/api/tasks/scoreboard.xlsx', allowed: ALL },
  listScoreboardTasks: { method: 'GET', url: `/api/tasks/scoreboard/tasks?agencyId=${MISSING}`, allowed: ['leader'] },
  createTasksBulk: { method: 'POST', url: '/api/tasks/bulk', body: { source: { kind: 'instruction', reference: 'Chỉ đạo' }, items: [{ content: 'Thử quyền', primaryAgencyId: MISSING, dueInWorkingDays: 5 }] }, allowed: ['leader'] },
  downloadTaskImportTemplate: { method: 'GET', url: '/api/tasks/import-template.xlsx', allowed: ALL },
  importTasks: { method: 'POST', url: '/api/tasks/import?sourceKind=instruction&reference=Thu', body: {}, allowed: ['leader'] },
  // meetings: rooms are kept by the administrator and leaders; organizing needs meeting.manage; every step on a meeting is decided per meeting (404 for a missing one), meetings-api.test.ts walks the sides
  listMeetingRooms: { method: 'GET', url: '/api/meeting-rooms', allowed: ALL },
  createMeetingRoom: { method: 'POST', url: '/api/meeting-rooms', body: { agencyId: MISSING, location: 'Trụ sở', name: 'Phòng thử', capacity: 10 }, allowed: ['admin', 'leader'] },
  updateMeetingRoom: { method: 'PATCH', url: `/api/meeting-rooms/${MISSING}`, body: { agencyId: MISSING, location: 'Trụ sở', name: 'Phòng thử', capacity: 10 }, allowed: ['admin', 'leader'] },
  listMeetings: { method: 'GET', url: '/api/meetings', allowed: ALL },
  createMeeting: { method: 'POST', url: '/api/meetings', body: { kind: 'conference', title: 'Thử quyền', chairUserId: MISSING, startsAt: '2030-01-02T08:00:00+07:00', endsAt: '2030-01-02T09:00:00+07:00', place: 'Hội trường' }, allowed: ['leader', 'clerk', 'specialist'] },
  getMeeting: { method: 'GET', url: `/api/meetings/${MISSING}`, allowed: ALL },
  updateMeeting: { method: 'PATCH', url: `/api/meetings/${MISSING}`, body: { title: 'Mới' }, allowed: ['leader', 'clerk', 'specialist'] },
  cancelMeeting: { method: 'POST', url: `/api/meetings/${MISSING}/cancel`, body: { reason: 'Thử' }, allowed: ALL },
  markMeetingHeld: { method: 'POST', url: `/api/meetings/${MISSING}/held`, allowed: ALL },
  getMeetingJoinLink: { method: 'GET', url: `/api/meetings/${MISSING}/join`, allowed: ALL },
  recordSiteConnection: { method: 'POST', url: `/api/meetings/${MISSING}/sites/${MISSING}`, body: { state: 'connected' }, allowed: ALL },
  recordAttendance: { method: 'POST', url: `/api/meetings/${MISSING}/attendance`, body: { entries: [{ participantId: MISSING, attendance: 'present' }] }, allowed: ALL },
  listMeetingDocuments: { method: 'GET', url: `/api/meetings/${MISSING}/documents`, allowed: ALL },
  addMeetingDocument: { method: 'POST', url: `/api/meetings/${MISSING}/documents`, body: { fileId: MISSING }, allowed: ALL },
  downloadMeetingDocument: { method: 'GET', url: `/api/meetings/${MISSING}/documents/${MISSING}/content`, allowed: ALL },
  removeMeetingDocument: { method: 'DELETE', url: `/api/meetings/${MISSING}/documents/${MISSING}`, allowed: ALL },
  createMeetingInvitation: { method: 'POST', url: `/api/meetings/${MISSING}/invitation`, body: {}, allowed: ['clerk', 'leader', 'specialist', 'one_stop_officer', 'department_staff', 'commune_staff'] },
  recordConclusion: { method: 'POST', url: `/api/meetings/${MISSING}/conclusion`, body: { summary: 'Thử', items: [] }, allowed: ['leader'] },
  // weekly schedule: drafted by the People's Committee and the Office (schedule.manage, and the agency checked), approved by leaders; the public page and feed need no login
  getWeeklySchedule: { method: 'GET', url: '/api/schedule/weeks/2030-01-09', allowed: ALL },
  listScheduleLeaders: { method: 'GET', url: '/api/schedule/leaders', allowed: ALL },
  getScheduleFeedLink: { method: 'GET', url: '/api/schedule/feed-link', allowed: ALL },
  createScheduleEntry: { method: 'POST', url: '/api/schedule/entries', body: { startsAt: '2030-01-07T08:00:00+07:00', endsAt: '2030-01-07T09:00:00+07:00', leaderIds: [MISSING], content: 'Thử quyền' }, allowed: ['clerk', 'leader', 'specialist'] },
  updateScheduleEntry: { method: 'PATCH', url: `/api/schedule/entries/${MISSING}`, body: { content: 'Mới' }, allowed: ['clerk', 'leader', 'specialist'] },
  deleteScheduleEntry: { method: 'DELETE', url: `/api/schedule/entries/${MISSING}`, allowed: ['clerk', 'leader', 'specialist'] },
  approveWeeklySchedule: { method: 'POST', url: '/api/schedule/weeks/2030-01-07/approve', allowed: ['leader'] },
  publishWeeklySchedule: { method: 'POST', url: '/api/schedule/weeks/2030-01-07/publish', allowed: ['clerk', 'leader', 'specialist'] },
  getPublicWeeklySchedule: { method: 'GET', url: '/api/public/schedule/an-giang/weeks/2030-01-07', allowed: 'public' },
  getScheduleCalendar: { method: 'GET', url: '/api/public/schedule/an-giang/calendar.ics', allowed: 'public' },
  // delegations: organizers enter and close them (meeting.manage), leaders give their follow-up tasks; everyone of the province reads them
  createDelegation: { method: 'POST', url: '/api/delegations', body: { kind: 'central', name: 'Đoàn thử', organization: 'Bộ', headName: 'Thứ trưởng', arrivesOn: '2030-01-07', departsOn: '2030-01-07', content: 'Thử', receivingLeaderId: MISSING, hostAgencyId: MISSING }, allowed: ['clerk', 'leader', 'specialist'] },
  listDelegations: { method: 'GET', url: '/api/delegations', allowed: ALL },
  getDelegation: { method: 'GET', url: `/api/delegations/${MISSING}`, allowed: ALL },
  updateDelegation: { method: 'PATCH', url: `/api/delegations/${MISSING}`, body: { name: 'Mới' }, allowed: ['clerk', 'leader', 'specialist'] },
  recordDelegationOutcome: { method: 'POST', url: `/api/delegations/${MISSING}/outcome`, body: { state: 'received', outcome: 'Thử' }, allowed: ['clerk', 'leader', 'specialist'] },
  createDelegationTask: { method: 'POST', url: `/api/delegations/${MISSING}/tasks`, body: { content: 'Thử', primaryAgencyId: MISSING, dueInWorkingDays: 3 }, allowed: ['leader'] },
  getMeetingStats: { method: 'GET', url: '/api/meetings/stats?from=2030-01-01&to=2030-01-31', allowed: ['clerk', 'leader', 'specialist'] },
  // procedure catalog (P): everyone logged in reads it; administrators keep it (procedure.manage); the public catalog needs no login
  listProcedures: { method: 'GET', url: '/api/procedures?q=khai%20sinh', allowed: ALL },
  listProcedureFields: { method: 'GET', url: '/api/procedures/fields', allowed: ALL },
  getProcedure: { method: 'GET', url: `/api/procedures/${MISSING}`, allowed: ALL },
  createProcedure: { method: 'POST', url: '/api/procedures', body: { code: '1.999999', name: 'Thử quyền', field: 'Thử', level: 'commune', competentAgencyId: null, timeLimit: 1, timeUnit: 'working_days', result: 'Thử', steps: [{ name: 'Tiếp nhận', role: 'reception', budgetHours: 8 }, { name: 'Trả', role: 'return', budgetHours: 0, notCounted: true }] }, allowed: ADMIN },
  updateProcedure: { method: 'PATCH', url: `/api/procedures/${MISSING}`, body: { name: 'Mới' }, allowed: ADMIN },
  importProcedures: { method: 'POST', url: '/api/procedures/imports', body: 'multipart', allowed: ADMIN },
  getProcedureImport: { method: 'GET', url: `/api/procedures/imports/${MISSING}`, allowed: ADMIN },
  exportProcedures: { method: 'GET', url: '/api/procedures/export?format=csv', allowed: ADMIN },
  downloadProcedureImportTemplate: { method: 'GET', url: '/api/procedures/import-template', allowed: ADMIN },
  listPublicProcedures: { method: 'GET', url: '/api/public/procedures/an-giang?q=khai%20sinh', allowed: 'public' },
  getPublicProcedure: { method: 'GET', url: `/api/public/procedures/an-giang/${MISSING}`, allowed: 'public' },
  downloadProcedureTemplate: { method: 'GET', url: `/api/public/procedures/an-giang/${MISSING}/templates/${MISSING}`, allowed: 'public' },
  // dossier intake (DA): the desks receive (404 for a missing procedure or dossier); slips and reusable results for those who read dossiers
  receiveDossier: { method: 'POST', url: '/api/dossiers', body: { decision: 'guidance', procedureId: MISSING, applicant: { kind: 'person', name: 'Nguyễn Văn A', idNumber: '001100000000', phone: '0900000000', address: 'Rạch Giá' }, items: ['Tờ khai'] }, allowed: ['one_stop_officer', 'commune_staff'] },
  listReusableResults: { method: 'GET', url: '/api/dossiers/reusable-results?idNumber=001100000000', allowed: ['clerk', 'leader', 'one_stop_officer', 'department_staff', 'commune_staff'] },
  getIntakeSlip: { method: 'GET', url: `/api/dossiers/intake-slips/${MISSING}`, allowed: ['clerk', 'leader', 'one_stop_officer', 'department_staff', 'commune_staff'] },
  acceptOnlineDossier: { method: 'POST', url: `/api/dossiers/${MISSING}/accept`, body: {}, allowed: ['one_stop_officer', 'commune_staff'] },
  refuseOnlineDossier: { method: 'POST', url: `/api/dossiers/${MISSING}/refuse`, body: { reasons: ['Không thuộc thẩm quyền'] }, allowed: ['one_stop_officer', 'commune_staff'] },
  // dossier processing (DB)
  listDossiers: { method: 'GET', url: '/api/dossiers?view=agency', allowed: ['clerk', 'leader', 'one_stop_officer', 'department_staff', 'commune_staff'] },
  countDossierQueues: { method: 'GET', url: '/api/dossiers/queue-counts', allowed: ['clerk', 'leader', 'one_stop_officer', 'department_staff', 'commune_staff'] },
  getDossier: { method: 'GET', url: `/api/dossiers/${MISSING}`, allowed: ['clerk', 'leader', 'one_stop_officer', 'department_staff', 'commune_staff'] },
  advanceDossierStep: { method: 'POST', url: `/api/dossiers/${MISSING}/advance`, body: { version: 0 }, allowed: ['clerk', 'leader', 'one_stop_officer', 'department_staff', 'commune_staff'] },
  assignDossier: { method: 'POST', url: `/api/dossiers/${MISSING}/assignee`, body: { assigneeId: MISSING }, allowed: ['clerk', 'leader', 'one_stop_officer', 'department_staff', 'commune_staff'] },
  requestSupplement: { method: 'POST', url: `/api/dossiers/${MISSING}/supplements`, body: { reason: 'Thiếu giấy tờ', items: ['Bản sao CCCD'] }, allowed: ['clerk', 'leader', 'one_stop_officer', 'department_staff', 'commune_staff'] },
  completeSupplement: { method: 'POST', url: `/api/dossiers/${MISSING}/supplements/complete`, body: {}, allowed: ['clerk', 'leader', 'one_stop_officer', 'department_staff', 'commune_staff'] },
  extendDossier: { method: 'POST', url: `/api/dossiers/${MISSING}/extension`, body: { reason: 'Cần xác minh', faultAgencyId: MISSING, newAppointmentAt: '2030-01-02T08:00:00+07:00' }, allowed: ['clerk', 'leader', 'one_stop_officer', 'department_staff', 'commune_staff'] },
  stopDossier: { method: 'POST', url: `/api/dossiers/${MISSING}/stop`, body: { reason: 'Không đủ điều kiện' }, allowed: ['clerk', 'leader', 'one_stop_officer', 'department_staff', 'commune_staff'] },
  withdrawDossier: { method: 'POST', url: `/api/dossiers/${MISSING}/withdraw`, body: { reason: 'Người nộp xin rút' }, allowed: ['one_stop_officer', 'commune_staff'] },
  returnDossierResult: { method: 'POST', url: `/api/dossiers/${MISSING}/result`, body: { resultSummary: 'Giấy phép số 1', resultElectronic: true, resultDigitized: true }, allowed: ['one_stop_officer', 'commune_staff'] },
  // dossier forms (F): PDF forms for those who read dossiers (404 for a missing dossier or slip); the ledger of one's own agency, or of the province with tenant scope
  getDossierForm: { method: 'GET', url: `/api/dossiers/${MISSING}/forms/receipt`, allowed: ['clerk', 'leader', 'one_stop_officer', 'department_staff', 'commune_staff'] },
  getIntakeSlipForm: { method: 'GET', url: `/api/dossiers/intake-slips/${MISSING}/pdf`, allowed: ['clerk', 'leader', 'one_stop_officer', 'department_staff', 'commune_staff'] },
  getDossierLedger: { method: 'GET', url: '/api/dossiers/ledger?from=2030-01-01&to=2030-01-31', allowed: ['clerk', 'leader', 'one_stop_officer', 'department_staff', 'commune_staff'] },
  // dossier statistics, national sync, fees (S): statistics for those with dossier.stats; the national export is the administrator's; cash is taken by the receiving desk (404 for a missing dossier); the citizen's payment and the gateway's callback need no login
  getDossierStats: { method: 'GET', url: '/api/dossiers/stats?from=2030-01-01&to=2030-01-31', allowed: ['admin', 'leader', 'one_stop_officer'] },
  exportDossierStats: { method: 'GET', url: '/api/dossiers/stats/export?from=2030-01-01&to=2030-01-31', allowed: ['admin', 'leader', 'one_stop_officer'] },
  getOfficeDashboard: { method: 'GET', url: '/api/stats/dashboard?from=2030-01-01&to=2030-01-31', allowed: ['admin', 'leader'] },
  exportOfficeDashboard: { method: 'GET', url: '/api/stats/dashboard/export?from=2030-01-01&to=2030-01-31', allowed: ['admin', 'leader'] },
  getServiceIndex: { method: 'GET', url: '/api/stats/service-index?from=2030-01-01&to=2030-01-31', allowed: ['admin', 'leader'] },
  exportServiceIndex: { method: 'GET', url: '/api/stats/service-index/export?from=2030-01-01&to=2030-01-31', allowed: ['admin', 'leader'] },
  listServiceIndexSnapshots: { method: 'GET', url: '/api/stats/service-index/snapshots', allowed: ['admin', 'leader'] },
  importNationalRanking: { method: 'POST', url: '/api/stats/national-ranking', body: 'multipart', allowed: ['admin', 'leader'] },
  generatePeriodicReport: { method: 'POST', url: '/api/stats/reports/periodic', body: { from: '2030-01-01', to: '2030-01-31', format: 'pdf' }, allowed: ['admin', 'leader'] },
  listStatsDossiers: { method: 'GET', url: '/api/stats/dossiers?from=2030-01-01&to=2030-01-31&measure=late', allowed: ['admin', 'leader'] },
  listStatsDocuments: { method: 'GET', url: '/api/stats/documents?from=2030-01-01&to=2030-01-31&direction=incoming', allowed: ['admin', 'leader'] },
  exportDossiersNational: { method: 'POST', url: '/api/dossiers/national-sync', body: { mode: 'period', from: '2030-01-01', to: '2030-01-31' }, allowed: ADMIN },
  listDossierPayments: { method: 'GET', url: `/api/dossiers/${MISSING}/payments`, allowed: ['clerk', 'leader', 'one_stop_officer', 'department_staff', 'commune_staff'] },
  recordDossierPayment: { method: 'POST', url: `/api/dossiers/${MISSING}/payments`, body: { kind: 'charge', name: 'Lệ phí', amount: 1000 }, allowed: ['one_stop_officer', 'commune_staff'] },
  startOnlinePayment: { method: 'POST', url: '/api/public/dossiers/an-giang/payments', body: { code: 'KHONG-CO', contact: '0900000000' }, allowed: 'public' },
  confirmOnlinePayment: { method: 'POST', url: '/api/public/payments/national_platform/callback', body: { reference: 'QG00', transactionId: 'X', amount: 1, status: 'paid', signature: '00' }, allowed: 'public' },
  // citizen side (no login) and the feedback desk (feedback.handle: the Center for the province, others their agency)
  lookupDossierPublic: { method: 'GET', url: '/api/public/dossiers/an-giang/lookup?code=KHONG-CO&contact=0900000000', allowed: 'public' },
  listRatingCriteria: { method: 'GET', url: '/api/public/dossiers/rating-criteria', allowed: 'public' },
  listPublicAgencies: { method: 'GET', url: '/api/public/dossiers/an-giang/agencies', allowed: 'public' },
  rateDossier: { method: 'POST', url: '/api/public/dossiers/an-giang/rating', body: { code: 'KHONG-CO', contact: '0900000000', satisfied: true }, allowed: 'public' },
  submitOnlineDossier: { method: 'POST', url: '/api/public/dossiers/an-giang', body: 'multipart', allowed: 'public' },
  submitFeedback: { method: 'POST', url: '/api/public/feedback/khong-co', body: { kind: 'regulation', sender: { name: 'Người Thử', phone: '0900000000' }, title: 'Thử quyền', content: 'Nội dung thử quyền truy cập' }, allowed: 'public' },
  getFeedbackPublic: { method: 'GET', url: '/api/public/feedback/an-giang/lookup?code=PAKN-000000-0000&phone=0900000000', allowed: 'public' },
  supplyFeedbackInfo: { method: 'POST', url: '/api/public/feedback/an-giang/information', body: { code: 'PAKN-000000-0000', phone: '0900000000', content: 'Bổ sung thử' }, allowed: 'public' },
  rateFeedbackAnswer: { method: 'POST', url: '/api/public/feedback/an-giang/satisfaction', body: { code: 'PAKN-000000-0000', phone: '0900000000', satisfied: true }, allowed: 'public' },
  listPublishedFeedback: { method: 'GET', url: '/api/public/feedback/an-giang', allowed: 'public' },
  listFeedback: { method: 'GET', url: '/api/feedback', allowed: ['leader', 'one_stop_officer', 'department_staff', 'commune_staff'] },
  getFeedback: { method: 'GET', url: `/api/feedback/${MISSING}`, allowed: ['leader', 'one_stop_officer', 'department_staff', 'commune_staff'] },
  refuseFeedback: { method: 'POST', url: `/api/feedback/${MISSING}/refuse`, body: { reason: 'Không thuộc thẩm quyền' }, allowed: ['leader', 'one_stop_officer', 'department_staff', 'commune_staff'] },
  requestFeedbackInfo: { method: 'POST', url: `/api/feedback/${MISSING}/request-info`, body: { request: 'Đề nghị bổ sung' }, allowed: ['leader', 'one_stop_officer', 'department_staff', 'commune_staff'] },
  resolveFeedback: { method: 'POST', url: `/api/feedback/${MISSING}/resolve`, body: { answer: 'Trả lời phản ánh thử' }, allowed: ['leader', 'one_stop_officer', 'department_staff', 'commune_staff'] },
  publishFeedback: { method: 'POST', url: `/api/feedback/${MISSING}/publish`, allowed: ['leader', 'one_stop_officer', 'department_staff', 'commune_staff'] },
};

/** JSON bodies as they are; 'multipart' becomes a real PDF upload. */
function requestBody(c: Case) {
  if (c.body === 'multipart') return multipart('thu.pdf', samplePdf());
  return c.body ? { payload: c.body as object } : {};
}

let t: TestApp;
const sessions = new Map<RoleName, Session>();
beforeAll(async () => {
  t = await createTestApp();
  for (const role of ALL) sessions.set(role, await t.login(ROLES[role]));
});
afterAll(() => t.close());

describe('authorization matrix', () => {
  it('covers every operation of the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const ops = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(ops.sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [operationId, c] of Object.entries(CASES)) {
    it(`${operationId}: ${c.allowed === 'public' ? 'public' : c.allowed.join(', ')}`, async () => {
      if (c.allowed === 'public') {
        const res = await t.app.inject({ method: c.method, url: c.url, ...requestBody(c) });
        expect([401, 403]).not.toContain(res.statusCode === 401 && operationId === 'login' ? 0 : res.statusCode);
        return;
      }
      const anonymous = await t.app.inject({ method: c.method, url: c.url, ...requestBody(c) });
      expect(anonymous.statusCode, 'without a session').toBe(401);
      for (const role of ALL) {
        const session = c.consumesSession ? await t.login(ROLES[role]) : sessions.get(role)!;
        const res = await t.as(session, { method: c.method, url: c.url, ...requestBody(c) });
        if (c.allowed.includes(role)) {
          expect([401, 403], `${role} should be allowed (${res.statusCode} ${res.body.slice(0, 120)})`).not.toContain(res.statusCode);
          expect(res.statusCode, `${role}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        } else {
          expect(res.statusCode, `${role} should be refused`).toBe(403);
          expect(res.json().code).toBe('FORBIDDEN');
        }
        // logging out everywhere also ends the shared session of that user
        if (c.consumesSession) sessions.set(role, await t.login(ROLES[role]));
      }
    });
  }
});
