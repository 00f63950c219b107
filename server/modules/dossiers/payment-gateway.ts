import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The online channels of a payment: the national payment platform (DuocThanhToanTrucTuyen 1) or the province's gateway (2). */
export const ONLINE_PAYMENT_CHANNELS = ['national_platform', 'provincial_gateway'] as const;
export type OnlinePaymentChannel = (typeof ONLINE_PAYMENT_CHANNELS)[number];
export const PAID_ONLINE_FLAG: Record<OnlinePaymentChannel, 1 | 2> = { national_platform: 1, provincial_gateway: 2 };

/** What a gateway reports back about one payment, as the callback carries it. */
export interface PaymentCallback {
  reference: string;
  transactionId: string;
  amount: number;
  status: 'paid' | 'failed';
}

/**
 * An online payment provider. `start` tells where to send the payer for a pending payment; `verify` checks that
 * a callback really comes from the provider (a signature over the payload with a shared secret).
 */
export interface PaymentGateway {
  readonly channel: OnlinePaymentChannel;
  start(payment: { reference: string; amount: number; description: string; returnUrl: string }): { paymentUrl: string };
  verify(callback: PaymentCallback, signature: string): boolean;
}

/** The text a callback's signature covers: the fields in a fixed order, so nothing can be moved between them. */
export const canonicalPayload = (c: PaymentCallback): string => ['v1', c.reference, c.transactionId, String(c.amount), c.status].join('|');

/**
 * The secret a channel's callbacks are signed with: derived from the deployment's auth secret (HMAC with a
 * purpose label), so each deployment and channel has its own and the auth secret itself never leaves.
 */
export function paymentSecret(authSecret: string, channel: OnlinePaymentChannel): Buffer {
  return createHmac('sha256', authSecret).update(`vanphongso/payment-callback/${channel}`).digest();
}

export const signCallback = (secret: Buffer, c: PaymentCallback): string => createHmac('sha256', secret).update(canonicalPayload(c)).digest('hex');

/** A fresh merchant reference for a payment: the channel's prefix and 20 random hex digits. */
export const newPaymentReference = (channel: OnlinePaymentChannel): string => `${channel === 'national_platform' ? 'QG' : 'TT'}${randomBytes(10).toString('hex').toUpperCase()}`;

/**
 * The test implementation: the payer's page is a local address (there is no real provider behind it) and the
 * callbacks are HMAC-SHA256 signed with the channel's secret — a test, or a tool acting as the provider, signs
 * them with `sign`. A real provider's adapter implements the same interface with its own URL and signature.
 */
export class TestPaymentGateway implements PaymentGateway {
  constructor(
    readonly channel: OnlinePaymentChannel,
    private readonly secret: Buffer,
    private readonly baseUrl: string,
  ) {}

  start(payment: { reference: string; amount: number; description: string; returnUrl: string }) {
    const q = new URLSearchParams({ reference: payment.reference, amount: String(payment.amount), returnUrl: payment.returnUrl });
    return { paymentUrl: `${this.baseUrl}/thanh-toan-thu/${this.channel}?${q.toString()}` };
  }

  sign(callback: PaymentCallback): string {
    return signCallback(this.secret, callback);
  }

  verify(callback: PaymentCallback, signature: string): boolean {
    if (!/^[0-9a-f]{64}$/i.test(signature)) return false;
    const expected = Buffer.from(this.sign(callback), 'hex');
    return timingSafeEqual(expected, Buffer.from(signature.toLowerCase(), 'hex'));
  }
}
