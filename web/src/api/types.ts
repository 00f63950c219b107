import type { operations } from './schema';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
/** The success body of an operation (200 or 201). */
export type Ok<K extends keyof operations> = operations[K]['responses'] extends { 200: infer R }
  ? JsonOf<R>
  : operations[K]['responses'] extends { 201: infer R }
    ? JsonOf<R>
    : never;
/** The JSON request body of an operation. */
export type Body<K extends keyof operations> = JsonOf<NonNullable<operations[K]['requestBody']>>;
/** The query parameters of an operation. */
export type Query<K extends keyof operations> = NonNullable<operations[K]['parameters']['query']>;

export type CurrentUser = Ok<'getCurrentUser'>['user'];
export type Permission = keyof CurrentUser['permissions'];
export type Role = CurrentUser['roles'][number];

export type Agency = Ok<'listAgencies'>['items'][number];
export type AgencyType = Agency['type'];
export type Unit = Ok<'listUnits'>['items'][number];
export type Position = Ok<'listPositions'>['items'][number];
export type User = Ok<'listUsers'>['items'][number];
export type Holiday = Ok<'listHolidays'>['holidays'][number];
export type CalendarOverride = Ok<'listCalendarOverrides'>['items'][number];
export type AuditEntry = Ok<'listAuditEntries'>['items'][number];

// The server's enums, listed once for selects and filters. A Record over the generated union makes a role
// or agency type added on the server a compile error here until it is listed (and labelled in the catalogs).
const roleSet: Record<Role, true> = {
  admin: true,
  clerk: true,
  leader: true,
  specialist: true,
  one_stop_officer: true,
  department_staff: true,
  commune_staff: true,
};
export const ROLES = Object.keys(roleSet) as Role[];

const agencyTypeSet: Record<AgencyType, true> = {
  province_committee: true,
  provincial_office: true,
  department: true,
  service_center: true,
  service_center_location: true,
  commune_committee: true,
  ward_committee: true,
  special_zone_committee: true,
};
export const AGENCY_TYPES = Object.keys(agencyTypeSet) as AgencyType[];

export type DocumentSummary = Ok<'listIncomingDocuments'>['items'][number];
export type IncomingDocument = Ok<'getDocument'>;
export type DocumentFile = IncomingDocument['files'][number];
export type DocumentEvent = IncomingDocument['events'][number];
export type DocumentTypeCode = Body<'registerIncomingDocument'>['typeCode'];
export type Urgency = DocumentSummary['urgency'];
export type Confidentiality = DocumentSummary['confidentiality'];
export type ReceiptChannel = DocumentSummary['channel'];

// Listed in order of rising weight, as the selects offer them (Decree 30/2020, App. I §III.2).
const urgencySet: Record<Urgency, true> = { normal: true, urgent: true, very_urgent: true, flash: true };
export const URGENCIES = Object.keys(urgencySet) as Urgency[];

const confidentialitySet: Record<Confidentiality, true> = { normal: true, confidential: true, secret: true, top_secret: true };
export const CONFIDENTIALITIES = Object.keys(confidentialitySet) as Confidentiality[];

export type DocumentRouting = IncomingDocument['routing'];
export type Assignment = DocumentRouting['assignments'][number];
export type AssignmentRole = Assignment['role'];
export type AssignmentStatus = Assignment['status'];
export type AssignmentAction = Assignment['actions'][number];
export type InboxView = NonNullable<Query<'listDocumentInbox'>['view']>;
export type InboxItem = Ok<'listDocumentInbox'>['items'][number];
export type InboxCounts = Ok<'getDocumentInboxCounts'>;
/** Someone a document is routed to: a whole unit, or one person. */
export type RoutingTarget = Body<'assignDocument'>['lead'];

// In the order the inbox shows its views: what waits for me first; documents nobody has routed yet, which
// only clerks and leaders see, last.
const inboxViewSet: Record<InboxView, true> = { mine: true, unit: true, info: true, overdue: true, done: true, unassigned: true };
export const INBOX_VIEWS = Object.keys(inboxViewSet) as InboxView[];

const assignmentRoleSet: Record<AssignmentRole, true> = { direct: true, lead: true, coordinate: true, info: true };
export const ASSIGNMENT_ROLES = Object.keys(assignmentRoleSet) as AssignmentRole[];
