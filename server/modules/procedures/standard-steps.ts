import type { ProcedureLevel, StepRole } from './tables.js';

export interface StandardStep {
  name: string;
  role: StepRole;
  budgetHours: number;
  notCounted: boolean;
}

const half = (n: number) => Math.max(0.5, Math.round(n * 2) / 2);

/**
 * The generic internal process the provinces publish (domain file §2.1): the Center receives (4 h), the
 * unit leader assigns, the handler examines (the bulk of the time), the unit head reviews, the leader signs,
 * the clerk issues, and the Center returns outside the clock. The counted budgets add up to `totalHours`
 * exactly. A commune has no unit level: receive, examine, sign, issue. Very short limits (≤ 1 day) split
 * evenly between receiving, examining, signing and issuing.
 */
export function standardSteps(totalHours: number, level: ProcedureLevel): StandardStep[] {
  const approver = level === 'province' ? 'Lãnh đạo cơ quan xem xét, ký duyệt' : 'Chủ tịch (Phó Chủ tịch) UBND cấp xã ký duyệt';
  const reception = { name: 'Tiếp nhận, kiểm tra, số hóa hồ sơ và chuyển xử lý', role: 'reception' as const, notCounted: false };
  const handling = { name: level === 'province' ? 'Chuyên viên thẩm định, dự thảo kết quả' : 'Công chức chuyên môn thẩm định, dự thảo kết quả', role: 'handling' as const, notCounted: false };
  const approval = { name: approver, role: 'approval' as const, notCounted: false };
  const issuance = { name: 'Văn thư vào số, đóng dấu, phát hành, chuyển kết quả về bộ phận một cửa', role: 'issuance' as const, notCounted: false };
  const back = { name: 'Trả kết quả cho tổ chức, cá nhân', role: 'return' as const, budgetHours: 0, notCounted: true };
  if (totalHours <= 8) {
    const q = totalHours / 4;
    return [
      { ...reception, budgetHours: q },
      { ...handling, budgetHours: q },
      { ...approval, budgetHours: q },
      { ...issuance, budgetHours: totalHours - 3 * q },
      back,
    ];
  }
  const receive = Math.min(4, half(totalHours * 0.1));
  const sign = Math.min(16, half(totalHours * 0.1));
  const issue = Math.min(8, half(totalHours * 0.05));
  if (level === 'commune') {
    return [{ ...reception, budgetHours: receive }, { ...handling, budgetHours: totalHours - receive - sign - issue }, { ...approval, budgetHours: sign }, { ...issuance, budgetHours: issue }, back];
  }
  const assign = Math.min(4, half(totalHours * 0.05));
  const review = Math.min(24, half(totalHours * 0.1));
  return [
    { ...reception, budgetHours: receive },
    { name: 'Lãnh đạo phòng chuyên môn phân công xử lý', role: 'assignment', budgetHours: assign, notCounted: false },
    { ...handling, budgetHours: totalHours - receive - assign - review - sign - issue },
    { name: 'Lãnh đạo phòng xem xét, trình ký', role: 'review', budgetHours: review, notCounted: false },
    { ...approval, budgetHours: sign },
    { ...issuance, budgetHours: issue },
    back,
  ];
}
