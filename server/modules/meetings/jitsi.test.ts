import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { joinLink, newRoomName, TOKEN_GRACE_MS } from './jitsi.js';

const secret = 'jitsi-secret-for-tests-0123456789';
const endsAt = new Date('2030-01-15T04:00:00Z');

describe('jitsi', () => {
  it('makes unguessable room names of the expected shape, different each time', () => {
    const names = new Set(Array.from({ length: 200 }, () => newRoomName()));
    expect(names.size).toBe(200);
    for (const n of names) expect(n).toMatch(/^vps-[a-z2-7]{20}$/);
    expect(newRoomName((n) => Buffer.alloc(n, 0))).toBe(`vps-${'a'.repeat(20)}`);
  });

  it('links without a token when the deployment needs none', async () => {
    const link = await joinLink({ baseUrl: 'https://meet.example.vn/' }, 'vps-abc', { name: 'Lê Minh Đức', email: null }, endsAt);
    expect(link).toEqual({ url: 'https://meet.example.vn/vps-abc', expiresAt: null });
  });

  it('signs a HS256 token the deployment accepts: audience, issuer, host, room, expiry and user', async () => {
    const link = await joinLink({ baseUrl: 'https://meet.example.vn', appId: 'vanphongso', appSecret: secret }, 'vps-room', { name: 'Lê Minh Đức', email: 'duc@example.vn' }, endsAt);
    const url = new URL(link.url);
    expect(url.origin + url.pathname).toBe('https://meet.example.vn/vps-room');
    const token = url.searchParams.get('jwt')!;
    const { payload, protectedHeader } = await jwtVerify(token, new TextEncoder().encode(secret), { audience: 'jitsi', issuer: 'vanphongso', subject: 'meet.example.vn', currentDate: new Date('2030-01-15T05:00:00Z') });
    expect(protectedHeader.alg).toBe('HS256');
    expect(payload.room).toBe('vps-room');
    expect(payload.exp).toBe((endsAt.getTime() + TOKEN_GRACE_MS) / 1000);
    expect(payload.context).toEqual({ user: { name: 'Lê Minh Đức', email: 'duc@example.vn' } });
    expect(link.expiresAt).toEqual(new Date(endsAt.getTime() + TOKEN_GRACE_MS));
    // a wrong secret, or a time after expiry, is refused
    await expect(jwtVerify(token, new TextEncoder().encode('other-secret-0123456789012345'))).rejects.toThrow();
    await expect(jwtVerify(token, new TextEncoder().encode(secret), { currentDate: new Date('2030-01-15T06:00:01Z') })).rejects.toThrow();
  });
});
