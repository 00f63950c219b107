import { z } from 'zod';

/**
 * Text a person typed: trimmed, not empty, at most `max` characters, stored in Unicode NFC (Vietnamese typed on
 * a Mac or pasted from Word may come decomposed, and would then neither match in search nor compare equal).
 */
export const text = (max: number, message = 'Không được để trống') =>
  z
    .string()
    .trim()
    .min(1, message)
    .max(max, `Tối đa ${max} ký tự`)
    .transform((s) => s.normalize('NFC'));
