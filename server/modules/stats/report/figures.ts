/**
 * What the periodic report (báo cáo sơ kết / tổng kết) says, already counted: the stats service fills it
 * from its rollups; the report only writes it out. Rates are 0..1 and null when their denominator is zero.
 */
export interface PeriodicReportFigures {
  /** 'Ủy ban nhân dân tỉnh An Giang' */
  tenantName: string;
  /** 'Văn phòng Ủy ban nhân dân tỉnh': the issuing body, under the tenant in the header */
  officeName: string;
  /** 'An Giang': the place of issue */
  provinceName: string;
  /** 'YYYY-MM-DD' inclusive; label e.g. 'từ ngày 01/7/2025 đến ngày 31/8/2025' */
  period: { from: string; to: string; label: string };
  /** sơ kết (part of a period) / tổng kết (a whole year) */
  kind: 'so-ket' | 'tong-ket';
  /** ISO instant the figures were read */
  generatedAt: string;
  workingDays: number;
  documents: { incoming: number; outgoing: number; electronicRate: number | null; signedRate: number | null };
  meetings: {
    total: number;
    perWorkingDay: number | null;
    online: number;
    connectedSites: number;
    delegations: number;
    byKind: { label: string; count: number }[];
  };
  tasks: { assigned: number; doneOnTime: number; doneLate: number; overdue: number; inProgress: number };
  procedures: { published: number; provinceLevel: number; communeLevel: number };
  dossiers: { received: number; online: number; resolved: number; onTimeRate: number | null; overdueOpen: number };
  serviceIndex: {
    total: number | null;
    grade: string | null;
    rank: number | null;
    rankOf: number | null;
    groups: { name: string; points: number | null; max: number }[];
  } | null;
  agencies: {
    name: string;
    incoming: number;
    outgoing: number;
    tasksAssigned: number;
    tasksOverdue: number;
    dossiersReceived: number;
    dossiersOnTimeRate: number | null;
  }[];
  /** month 'YYYY-MM', for the trend chart */
  monthly: { month: string; incoming: number; outgoing: number; dossiers: number; meetings: number }[];
  /**
   * The symbol after "Số: …/" (Decree 30, art. 15: type abbreviation + agency abbreviation); 'BC-UBND' when
   * absent. The number itself is left blank: the clerk gives it when the report is issued.
   */
  codeNotation?: string;
}
