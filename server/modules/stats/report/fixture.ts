import type { PeriodicReportFigures } from './figures.js';

/**
 * Test data: the figures of the seed article (An Giang, July–August 2025: 12.996 incoming, 4.397 outgoing,
 * 0,93 meetings a working day, 68 online meetings with 102 communes, 2.175 procedures of which 1.854 at
 * province level, index 82,08 points, 16th of 34), the rest made up so that the parts add up. The article's
 * 52 meetings at 0,93 a working day imply 56 working days, more than July and August have: kept as written.
 */
export function articleFigures(): PeriodicReportFigures {
  return {
    tenantName: 'Ủy ban nhân dân tỉnh An Giang',
    officeName: 'Văn phòng Ủy ban nhân dân tỉnh',
    provinceName: 'An Giang',
    period: { from: '2025-07-01', to: '2025-08-31', label: 'từ ngày 01/7/2025 đến ngày 31/8/2025' },
    kind: 'so-ket',
    generatedAt: '2025-09-01T03:30:00.000Z',
    workingDays: 56,
    documents: { incoming: 12_996, outgoing: 4_397, electronicRate: 1, signedRate: 1 },
    meetings: {
      total: 52,
      perWorkingDay: 52 / 56,
      online: 68,
      connectedSites: 102,
      delegations: 6,
      byKind: [
        { label: 'Phiên họp Ủy ban nhân dân tỉnh', count: 3 },
        { label: 'Hội nghị', count: 15 },
        { label: 'Họp làm việc', count: 34 },
      ],
    },
    tasks: { assigned: 420, doneOnTime: 310, doneLate: 25, overdue: 12, inProgress: 73 },
    procedures: { published: 2_175, provinceLevel: 1_854, communeLevel: 321 },
    dossiers: { received: 45_210, online: 18_032, resolved: 43_870, onTimeRate: 0.9852, overdueOpen: 137 },
    serviceIndex: {
      total: 82.08,
      grade: 'Khá',
      rank: 16,
      rankOf: 34,
      groups: [
        { name: 'Công khai, minh bạch', points: 16.5, max: 18 },
        { name: 'Tiến độ, kết quả giải quyết', points: 18.2, max: 20 },
        { name: 'Dịch vụ công trực tuyến', points: 7.4, max: 12 },
        { name: 'Thanh toán trực tuyến', points: 6.1, max: 10 },
        { name: 'Số hóa hồ sơ', points: 17.88, max: 22 },
        { name: 'Mức độ hài lòng', points: 16, max: 18 },
      ],
    },
    agencies: [
      { name: 'Sở Tài chính', incoming: 1_204, outgoing: 388, tasksAssigned: 46, tasksOverdue: 4, dossiersReceived: 2_310, dossiersOnTimeRate: 0.9712 },
      { name: 'Sở Xây dựng', incoming: 986, outgoing: 301, tasksAssigned: 38, tasksOverdue: 5, dossiersReceived: 1_874, dossiersOnTimeRate: 0.9421 },
      { name: 'Sở Nông nghiệp và Môi trường', incoming: 1_530, outgoing: 422, tasksAssigned: 52, tasksOverdue: 3, dossiersReceived: 3_905, dossiersOnTimeRate: 0.9655 },
      { name: 'Phường Rạch Giá', incoming: 640, outgoing: 215, tasksAssigned: 12, tasksOverdue: 0, dossiersReceived: 5_120, dossiersOnTimeRate: 1 },
    ],
    monthly: [
      { month: '2025-07', incoming: 6_410, outgoing: 2_150, dossiers: 22_730, meetings: 25 },
      { month: '2025-08', incoming: 6_586, outgoing: 2_247, dossiers: 22_480, meetings: 27 },
    ],
  };
}

/** Everything zero or missing: what a new tenant's first report looks like. */
export function emptyFigures(): PeriodicReportFigures {
  return {
    ...articleFigures(),
    workingDays: 0,
    documents: { incoming: 0, outgoing: 0, electronicRate: null, signedRate: null },
    meetings: { total: 0, perWorkingDay: null, online: 0, connectedSites: 0, delegations: 0, byKind: [] },
    tasks: { assigned: 0, doneOnTime: 0, doneLate: 0, overdue: 0, inProgress: 0 },
    procedures: { published: 0, provinceLevel: 0, communeLevel: 0 },
    dossiers: { received: 0, online: 0, resolved: 0, onTimeRate: null, overdueOpen: 0 },
    serviceIndex: null,
    agencies: [],
    monthly: [],
  };
}
