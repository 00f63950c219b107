/** The leaders' weekly schedule: the Office's page and the public one (no login). */
export const SCHEDULE_PATH = '/lich-cong-tac';
export const PUBLIC_SCHEDULE_PATH = '/cong-khai/lich-cong-tac';
export const publicSchedulePath = (tenantCode: string): string => `${PUBLIC_SCHEDULE_PATH}/${tenantCode}`;
