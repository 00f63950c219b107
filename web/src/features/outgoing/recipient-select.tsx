import { Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useCurrentUser } from '../../app/session';
import { t } from '../../i18n';
import { foldVietnamese, includesFolded } from '../../lib/text';
import { useDebounced } from '../../lib/use-debounced';
import { useAgencyList, useUnitList } from '../org/org-queries';
import type { DraftBody } from './outgoing-queries';

/**
 * A recipient as the form keeps it: "agency:<id>", "unit:<id>" or "name:<text>", with the name shown; an
 * outside recipient may have its identifier code, typed beside the field (recipient-codes.tsx).
 */
export interface RecipientValue {
  value: string;
  label: string;
  code?: string;
}

type Kind = 'agency' | 'unit' | 'name';
export const kindOf = (value: string): Kind => value.slice(0, value.indexOf(':')) as Kind;
export const rest = (value: string): string => value.slice(value.indexOf(':') + 1);

// The agency's electronic identifier code (Decision 20/2020/QĐ-TTg), as the server checks it: 000.00.00.H41.
const IDENTIFIER_CODE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
export const isIdentifierCode = (code: string): boolean => IDENTIFIER_CODE.test(code);

export const toRecipientInput = (r: RecipientValue): NonNullable<DraftBody['recipients']>[number] => {
  const kind = kindOf(r.value);
  if (kind === 'agency') return { agencyId: rest(r.value) };
  if (kind === 'unit') return { unitId: rest(r.value) };
  const code = r.code?.trim();
  return code ? { name: rest(r.value), identifierCode: code } : { name: rest(r.value) };
};

export const fromRecipient = (r: { kind: 'agency' | 'unit' | 'external'; agencyId: string | null; unitId: string | null; name: string; organId: string | null }): RecipientValue => ({
  value: r.kind === 'agency' ? `agency:${r.agencyId}` : r.kind === 'unit' ? `unit:${r.unitId}` : `name:${r.name}`,
  label: r.name,
  ...(r.organId ? { code: r.organId } : {}),
});

// Agencies of the province receive the document at once; the agency's own units for information; names
// outside the directory wait for the national exchange. Each kind keeps its colour in the field.
const KIND_COLOR: Record<Kind, string> = { agency: 'blue', unit: 'green', name: 'orange' };
const KIND_LABEL = { agency: 'outgoing.recipients.agency', unit: 'outgoing.recipients.unit', name: 'outgoing.recipients.outside' } as const;

interface RecipientSelectProps {
  id?: string;
  value?: RecipientValue[];
  onChange?: (value: RecipientValue[]) => void;
}

/**
 * One field for every "Nơi nhận": type, and the province's agencies and the units of one's own agency that
 * match are offered (accent-insensitive), followed by the typed text itself for a recipient outside the
 * directory (a ministry, another province). Chosen recipients are tags, coloured by kind.
 */
export function RecipientSelect({ id, value = [], onChange }: RecipientSelectProps) {
  const user = useCurrentUser();
  const [search, setSearch] = useState('');
  const typed = search.trim();
  const q = useDebounced(typed, 200);
  const agencies = useAgencyList({ q: q || undefined, active: 'true', pageSize: 20 });
  const units = useUnitList({ agencyId: user.agency.id, pageSize: 200 });
  const chosen = new Set(value.map((v) => v.value));
  const codes = new Map(value.map((v) => [v.value, v.code]));
  // Agencies and the typed text are offered only once the server has answered for what is typed, so a fast
  // Enter never takes a stale suggestion, nor the typed text while its agency is still on the way.
  const settled = q === typed && Boolean(agencies.data) && !agencies.isPlaceholderData;

  const agencyOptions = settled
    ? (agencies.data?.items ?? [])
        // Sending to one's own agency is done through its units.
        .filter((a) => a.id !== user.agency.id && !chosen.has(`agency:${a.id}`))
        .map((a) => ({ value: `agency:${a.id}`, label: a.name }))
    : [];
  const unitOptions = (units.data?.items ?? [])
    .filter((u) => u.active && !chosen.has(`unit:${u.id}`) && (!typed || includesFolded(`${u.name} ${u.shortName ?? ''}`, typed)))
    .map((u) => ({ value: `unit:${u.id}`, label: u.name }));
  // Typing an agency's or a unit's exact name (with or without accents) means it, not a free-text twin.
  const exact = [...agencyOptions, ...unitOptions].some((o) => foldVietnamese(o.label) === foldVietnamese(typed));
  const freeOptions = settled && typed && !exact && !chosen.has(`name:${typed}`) ? [{ value: `name:${typed}`, label: t('outgoing.recipients.freeText', { name: typed }) }] : [];

  const options = [
    ...(unitOptions.length ? [{ label: t('outgoing.recipients.unitsOf', { agency: user.agency.name }), options: unitOptions }] : []),
    ...(agencyOptions.length ? [{ label: t('outgoing.recipients.agencies'), options: agencyOptions }] : []),
    ...(freeOptions.length ? [{ label: t('outgoing.recipients.outside'), options: freeOptions }] : []),
  ];

  return (
    <Select<RecipientValue[]>
      id={id}
      mode="multiple"
      labelInValue
      value={value.map((v) => ({ value: v.value, label: v.label }))}
      onChange={(next) => {
        // The free-text option says “Nơi nhận ngoài danh mục: …”; the tag shows the name alone. Codes typed
        // for outside recipients stay with them.
        onChange?.(
          next.map((v) => {
            const code = codes.get(v.value);
            return { value: v.value, label: kindOf(v.value) === 'name' ? rest(v.value) : String(v.label), ...(code ? { code } : {}) };
          }),
        );
        setSearch('');
      }}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      onOpenChange={(open) => !open && setSearch('')}
      loading={agencies.isFetching || units.isFetching}
      placeholder={t('outgoing.recipients.placeholder')}
      notFoundContent={settled ? t('outgoing.recipients.empty') : t('app.loading')}
      tagRender={({ value: v, label, closable, onClose }) => {
        const kind = kindOf(String(v));
        const code = codes.get(String(v))?.trim();
        return (
          <Tag color={KIND_COLOR[kind]} closable={closable} onClose={onClose} title={t(KIND_LABEL[kind])} style={{ marginBlock: 2, marginInlineEnd: 4, whiteSpace: 'normal' }}>
            {kind === 'name' ? rest(String(v)) : label}
            {code && isIdentifierCode(code) && <span style={{ opacity: 0.75 }}> · {code}</span>}
          </Tag>
        );
      }}
      optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
      style={{ width: '100%' }}
    />
  );
}

/** The three kinds and what happens to each when the document is issued. */
export function RecipientLegend() {
  return (
    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
      {(['agency', 'unit', 'name'] as const).map((k) => (
        <span key={k} style={{ marginInlineEnd: 12, whiteSpace: 'nowrap' }}>
          <Tag color={KIND_COLOR[k]} style={{ marginInlineEnd: 4 }}>
            {t(KIND_LABEL[k])}
          </Tag>
        </span>
      ))}
      <div>{t('outgoing.recipients.help')}</div>
    </Typography.Text>
  );
}
