import { DomainError } from '../../platform/http/errors.js';
import type { DossierStatus } from './tables.js';

/** TrangThaiHoSo of the national portal with the labels it uses (domain file §2.4). */
export const DOSSIER_STATUS_LABELS: Record<DossierStatus, string> = {
  1: 'Mới đăng ký',
  2: 'Được tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
};

/** Statuses after which nothing more happens to the dossier (its end of processing is set). */
export const FINAL_STATUSES: readonly DossierStatus[] = [3, 7, 8, 10];

/**
 * What a dossier may do from each status, as one table. A step hand-off inside "processing" is the action
 * `advance` (4 → 4), and the last counted step's completion is `advance` to 9. Stopping (form 05) and the
 * applicant's withdrawal end a dossier that has not been processed yet; once processed (9) only the return
 * of the result remains.
 */
export const DOSSIER_ACTIONS = {
  receive: { from: [1], to: [2, 4] },
  refuse: { from: [1], to: [3] },
  start: { from: [2], to: [4] },
  assign: { from: [2, 4, 9], to: null },
  advance: { from: [4], to: [4, 9] },
  request_supplement: { from: [4], to: [5] },
  complete_supplement: { from: [5], to: [4] },
  request_payment: { from: [4], to: [6] },
  confirm_payment: { from: [6], to: [4] },
  extend: { from: [4, 5, 6], to: null },
  stop: { from: [2, 4, 5, 6], to: [8] },
  withdraw: { from: [1, 2, 4, 5, 6], to: [7] },
  return_result: { from: [9], to: [10] },
} as const satisfies Record<string, { from: readonly DossierStatus[]; to: readonly DossierStatus[] | null }>;
export type DossierAction = keyof typeof DOSSIER_ACTIONS;

/** Vietnamese name of each action, for the messages of refused transitions. */
const ACTION_LABELS: Record<DossierAction, string> = {
  receive: 'tiếp nhận hồ sơ',
  refuse: 'từ chối tiếp nhận',
  start: 'chuyển xử lý',
  assign: 'phân công người xử lý',
  advance: 'chuyển bước xử lý',
  request_supplement: 'yêu cầu bổ sung hồ sơ',
  complete_supplement: 'ghi nhận đã bổ sung hồ sơ',
  request_payment: 'yêu cầu thực hiện nghĩa vụ tài chính',
  confirm_payment: 'ghi nhận đã thực hiện nghĩa vụ tài chính',
  extend: 'gia hạn (văn bản xin lỗi và hẹn lại)',
  stop: 'dừng giải quyết hồ sơ',
  withdraw: 'rút hồ sơ theo yêu cầu của người nộp',
  return_result: 'trả kết quả',
};

/** Whether the action may be taken from the status (and, when given, lead to `to`). */
export function allows(action: DossierAction, from: DossierStatus, to?: DossierStatus): boolean {
  const rule: { from: readonly DossierStatus[]; to: readonly DossierStatus[] | null } = DOSSIER_ACTIONS[action];
  if (!rule.from.includes(from)) return false;
  if (to === undefined) return true;
  return rule.to === null ? to === from : rule.to.includes(to);
}

/** Throws 409 INVALID_STATE with a Vietnamese message unless the action is allowed from the status. */
export function assertTransition(action: DossierAction, from: DossierStatus, to?: DossierStatus): void {
  if (allows(action, from, to)) return;
  const target = to !== undefined && to !== from ? ` sang "${DOSSIER_STATUS_LABELS[to]}"` : '';
  throw new DomainError('INVALID_STATE', `Không thể ${ACTION_LABELS[action]}${target} khi hồ sơ đang ở trạng thái "${DOSSIER_STATUS_LABELS[from]}"`, {
    extra: { dossierStatus: from, action },
  });
}

/** 409 when the caller acted on an older copy of the dossier (someone changed it since). */
export function assertVersion(current: number, expected: number | undefined): void {
  if (expected === undefined || expected === current) return;
  throw new DomainError('CONFLICT', 'Hồ sơ vừa được người khác cập nhật; vui lòng tải lại trang và thực hiện lại', { extra: { currentVersion: current } });
}
