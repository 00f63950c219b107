import { t } from '../../i18n';
import { formatNumber } from '../../lib/format';

const pointsFormat = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A server percentage (already rounded to 2 decimals) in Vietnamese notation; a dash for an empty denominator. */
export const percent = (rate: number | null): string => (rate === null ? '—' : `${formatNumber(rate)}%`);

/** Index points always with 2 decimals, as the national portal shows them ("82,08"); N/A without a denominator. */
export const points = (n: number | null): string => (n === null ? t('index766.na') : pointsFormat.format(n));

export const count = (n: number | null): string => (n === null ? '—' : formatNumber(n));

// The national index asks for at least 90% on time; below 70% needs attention.
export const rateColor = (rate: number | null): string | undefined => (rate === null ? undefined : rate >= 90 ? '#389e0d' : rate >= 70 ? '#d48806' : '#cf1322');

// The grade labels come from the server's configuration; unknown ones (a renamed label) stay neutral.
const GRADE_COLORS: Record<string, string> = { 'Tốt': 'green', 'Khá': 'blue', 'Trung bình': 'gold', 'Yếu kém': 'red' };
export const gradeColor = (grade: string | null): string => (grade ? (GRADE_COLORS[grade] ?? 'default') : 'default');

/** '2025-07' → '07/2025', as the axis of a monthly chart reads. */
export const monthLabel = (month: string): string => `${month.slice(5, 7)}/${month.slice(0, 4)}`;
