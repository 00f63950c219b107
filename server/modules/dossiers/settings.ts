/**
 * Per-deployment rules of dossier time that the regulations leave to the province (domain file §2.1, §2.5).
 * `counterCutoff`: a dossier received at the counter after this time (Việt Nam time) starts its clock at the
 * next working day's opening ("nếu tiếp nhận hồ sơ sau 15 giờ thì thời gian được tính từ ngày làm việc tiếp theo").
 * `earlyRule`: `working_day` = finished on an earlier working day than the appointment's day is early, the
 * same day is on time; `instant` = any moment before the appointment is early.
 */
export interface DossierSettings {
  counterCutoff: string;
  earlyRule: EarlyRule;
  /** an online dossier must be received or answered within this many working hours */
  onlineReceiveHours: number;
}

export const EARLY_RULES = ['working_day', 'instant'] as const;
export type EarlyRule = (typeof EARLY_RULES)[number];

export const DEFAULT_DOSSIER_SETTINGS: Readonly<DossierSettings> = Object.freeze({
  counterCutoff: '15:00',
  earlyRule: 'working_day',
  onlineReceiveHours: 8,
});

/** The settings in force: the defaults, overridden by DOSSIER_COUNTER_CUTOFF / DOSSIER_EARLY_RULE when set. */
export function dossierSettings(env: NodeJS.ProcessEnv = process.env): DossierSettings {
  const cutoff = env.DOSSIER_COUNTER_CUTOFF;
  const rule = env.DOSSIER_EARLY_RULE;
  return {
    ...DEFAULT_DOSSIER_SETTINGS,
    ...(cutoff && /^([01]\d|2[0-3]):[0-5]\d$/.test(cutoff) ? { counterCutoff: cutoff } : {}),
    ...(rule && (EARLY_RULES as readonly string[]).includes(rule) ? { earlyRule: rule as EarlyRule } : {}),
  };
}
