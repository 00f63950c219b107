import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';

/** The Jitsi Meet deployment (config.jitsi): base URL, and the app id/secret when it requires tokens. */
export interface JitsiSettings {
  baseUrl: string;
  appId?: string | undefined;
  appSecret?: string | undefined;
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * A room name nobody can guess: 'vps-' and 20 base32 characters (100 random bits). Jitsi rooms are open to
 * whoever knows the name when the deployment has no JWT, so the name is the only secret.
 */
export function newRoomName(random: (n: number) => Buffer = randomBytes): string {
  const bytes = random(13);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 20) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return `vps-${out}`;
}

/** Extra time after the planned end during which a token still opens the room (meetings run late). */
export const TOKEN_GRACE_MS = 2 * 3_600_000;

/**
 * The link one user opens. With an app id and secret the deployment checks a HS256 token (prosody's
 * token auth): aud 'jitsi', iss the app id, sub the Jitsi host, the room, and the user shown in the call.
 */
export async function joinLink(settings: JitsiSettings, room: string, user: { name: string; email: string | null }, meetingEndsAt: Date): Promise<{ url: string; expiresAt: Date | null }> {
  const base = `${settings.baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(room)}`;
  if (!settings.appId || !settings.appSecret) return { url: base, expiresAt: null };
  const expiresAt = new Date(meetingEndsAt.getTime() + TOKEN_GRACE_MS);
  const jwt = await new SignJWT({ room, context: { user: { name: user.name, ...(user.email ? { email: user.email } : {}) } } })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setAudience('jitsi')
    .setIssuer(settings.appId)
    .setSubject(new URL(settings.baseUrl).host)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(new TextEncoder().encode(settings.appSecret));
  return { url: `${base}?jwt=${jwt}`, expiresAt };
}
