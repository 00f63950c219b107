/** Vietnamese working-day calendar: lunar conversion, statutory holidays, working days/hours. */
export {
  type Weekday,
  type YearMonthDay,
  VIETNAM_UTC_OFFSET_MINUTES,
  addDays,
  dayOfWeek,
  daysInMonth,
  formatDate,
  fromDayNumber,
  isValidDate,
  parseDate,
  toDayNumber,
  vietnamDate,
} from './date-only.js';
export { type LunarDate, LUNAR_MAX_YEAR, LUNAR_MIN_YEAR, leapMonthOf, lunarToSolar, solarToLunar } from './lunar.js';
export {
  type CalendarOverride,
  type Holiday,
  type HolidayKind,
  type HolidayRules,
  DEFAULT_HOLIDAY_RULES,
  statutoryHolidays,
} from './holidays.js';
export {
  type OfficeHours,
  type WorkCalendarOptions,
  type WorkingDayInfo,
  DEFAULT_OFFICE_HOURS,
  MAX_WORKING_DAYS,
  WorkCalendar,
} from './work-calendar.js';
