import type { Body, Ok, Query } from '../../api/types';

export type StatsQuery = Query<'getOfficeDashboard'>;
export type OfficeDashboard = Ok<'getOfficeDashboard'>;
export type AgencyFigures = OfficeDashboard['agencies'][number];
export type MonthFigures = OfficeDashboard['months'][number];

export type ServiceIndexResponse = Ok<'getServiceIndex'>;
export type ServiceIndexGroup = ServiceIndexResponse['groups'][number];
export type IndicatorResult = ServiceIndexGroup['indicators'][number];

export type ServiceIndexSnapshots = Ok<'listServiceIndexSnapshots'>;
export type ServiceIndexSnapshot = ServiceIndexSnapshots['items'][number];

export type NationalRankingResponse = Ok<'importNationalRanking'>;

export type ReportRequest = Body<'generatePeriodicReport'>;
export type ReportKind = NonNullable<ReportRequest['kind']>;
export type ReportFormat = NonNullable<ReportRequest['format']>;
