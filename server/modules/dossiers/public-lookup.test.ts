import { describe, expect, it } from 'vitest';
import { citizenTimeline, contactMatches, normalizeIdNumber, normalizePhone } from './lookup.js';

describe('contact of the applicant', () => {
  const applicant = { phone: '0912 345 678', idNumber: '079123456789' };

  it('normalizes phones and ID numbers', () => {
    expect(normalizePhone('+84 912.345-678')).toBe('0912345678');
    expect(normalizePhone('84912345678')).toBe('0912345678');
    expect(normalizeIdNumber(' 079 123-456.789 ')).toBe('079123456789');
  });

  it('matches the phone in any format or the ID number, nothing shorter or different', () => {
    expect(contactMatches('+84912345678', applicant)).toBe(true);
    expect(contactMatches('079123456789', applicant)).toBe(true);
    expect(contactMatches('0912345679', applicant)).toBe(false);
    // a fragment of the phone is not the phone
    expect(contactMatches('345678', applicant)).toBe(false);
    expect(contactMatches('', { phone: '', idNumber: '' })).toBe(false);
  });
});

describe('citizen timeline', () => {
  const at = (h: number) => new Date(Date.UTC(2026, 10, 20, h));
  const names: Record<string, string> = { center: 'Trung tâm', dept: 'Sở Tài chính' };
  it('shows each agency once per stay, supplements with their items, extensions with the new date; payments and ratings not', () => {
    const timeline = citizenTimeline({
      events: [
        { kind: 'received', at: at(1), agencyId: 'center' },
        { kind: 'handoff', at: at(1), agencyId: 'center' },
        { kind: 'handoff', at: at(2), agencyId: 'dept' },
        { kind: 'handoff', at: at(3), agencyId: 'dept' },
        { kind: 'payment', at: at(3), agencyId: null },
        { kind: 'supplement_requested', at: at(4), agencyId: 'dept' },
        { kind: 'supplement_completed', at: at(5), agencyId: null },
        { kind: 'extended', at: at(6), agencyId: null },
        { kind: 'handoff', at: at(7), agencyId: 'center' },
        { kind: 'processed', at: at(7), agencyId: null },
        { kind: 'returned', at: at(8), agencyId: null },
        { kind: 'rated', at: at(9), agencyId: null },
      ],
      supplements: [{ items: ['Bản sao CCCD'] }],
      extensions: [{ newAppointmentAt: at(20) }],
      agencyName: (id) => (id ? (names[id] ?? null) : null),
      receivingAgencyId: 'center',
    });
    expect(timeline.map((e) => [e.kind, e.agencyName])).toEqual([
      ['received', 'Trung tâm'],
      ['processing', 'Trung tâm'],
      ['processing', 'Sở Tài chính'],
      ['supplement_requested', null],
      ['supplement_completed', null],
      ['extended', null],
      ['processing', 'Trung tâm'],
      ['processed', null],
      ['returned', null],
    ]);
    expect(timeline[3]!.items).toEqual(['Bản sao CCCD']);
    expect(timeline[5]!.newAppointmentAt).toEqual(at(20));
  });
});
