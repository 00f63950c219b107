import type { Body, Ok, Query } from '../../api/types';

/** The shapes of the dossier and procedure operations the pages use, from the generated API types. */

export type DossierSummary = Ok<'listDossiers'>['items'][number];
export type Dossier = Ok<'getDossier'>;
export type DossierQueueCounts = Ok<'countDossierQueues'>;
export type DossierView = NonNullable<Query<'listDossiers'>['view']>;
export type DossierAction = Dossier['actions'][number];
export type ControlSlipRow = Dossier['controlSlip'][number];
export type Assignee = Dossier['nextAssignees'][number];
export type DossierPayment = Ok<'listDossierPayments'>['payments'][number];
export type Outcome = NonNullable<DossierSummary['outcome']>;

export type ProcedureSummary = Ok<'listProcedures'>['items'][number];
export type Procedure = Ok<'getProcedure'>;
export type ProcedureComponent = Procedure['components'][number];
export type ReusableResult = Ok<'listReusableResults'>['items'][number];
export type ReceiveBody = Body<'receiveDossier'>;
export type ReceiveOutcome = Ok<'receiveDossier'>;
export type ApplicantKind = ReceiveBody['applicant']['kind'];

/** TrangThaiHoSo of the national portal: 1 new … 10 result returned (the server sends it as a number). */
export type DossierStatus = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;
export const DOSSIER_STATUSES: DossierStatus[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
