import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/vi';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { locale, t, type MessageKey } from '../i18n';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale(locale === 'vi' ? 'vi' : 'en');

/** Rule 5 of DESIGN.md: instants are stored in UTC and always shown in Vietnam time, whatever the browser's zone. */
export const VN_TZ = 'Asia/Ho_Chi_Minh';
export const DATE_FORMAT = 'DD/MM/YYYY';
export const DATE_TIME_FORMAT = 'DD/MM/YYYY HH:mm';
export const DATE_TIME_SECONDS_FORMAT = 'DD/MM/YYYY HH:mm:ss';

const numberFormat = new Intl.NumberFormat('vi-VN');
export const formatNumber = (n: number): string => numberFormat.format(n);

/** An ISO instant (e.g. createdAt) as a Vietnam-time date and time. */
/** An instant in Vietnam time; empty for a missing one (a draft has no received or issue time). */
export const formatInstant = (iso: string | null, format = DATE_TIME_FORMAT): string => (iso ? dayjs.utc(iso).tz(VN_TZ).format(format) : '');

/** A calendar date 'YYYY-MM-DD' (already a Vietnam date) as dd/MM/yyyy, without any time-zone shift. */
export const formatDay = (isoDate: string | null): string => (isoDate ? dayjs(isoDate).format(DATE_FORMAT) : '');

export const weekdayOf = (isoDate: string): string => t(`weekday.${dayjs(isoDate).day()}` as MessageKey);

/** Today's date in Vietnam, as 'YYYY-MM-DD'. */
export const todayInVietnam = (): string => dayjs().tz(VN_TZ).format('YYYY-MM-DD');

/** A date picked in the UI ('YYYY-MM-DD' of the picker value), never shifted by the browser's zone. */
export const toIsoDate = (value: Dayjs): string => value.format('YYYY-MM-DD');

/** The first and last instant of a Vietnam calendar day, for filters on timestamps. */
export const vnDayStart = (value: Dayjs): string => dayjs.tz(toIsoDate(value), VN_TZ).startOf('day').toISOString();
export const vnDayEnd = (value: Dayjs): string => dayjs.tz(toIsoDate(value), VN_TZ).endOf('day').toISOString();

export { dayjs };

/**
 * Vietnam's wall-clock time now, as a picker value. Pickers work in the browser's zone; handing them
 * Vietnam's clock (and reading it back with vnWallClockToIso) keeps a clerk abroad or on a misconfigured
 * machine entering the times of the office.
 */
export const vnNowWallClock = (): Dayjs => dayjs(dayjs().tz(VN_TZ).format('YYYY-MM-DDTHH:mm'));

/** A date and time picked as Vietnam wall-clock time, as an ISO instant. */
export const vnWallClockToIso = (value: Dayjs): string => dayjs.tz(value.format('YYYY-MM-DDTHH:mm'), VN_TZ).toISOString();
