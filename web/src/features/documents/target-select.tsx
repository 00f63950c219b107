import { Select, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import type { RoutingTarget } from '../../api/types';
import { useCurrentUser } from '../../app/session';
import { t } from '../../i18n';
import { useDebounced } from '../../lib/use-debounced';
import { usePeople, useUnitList } from '../org/org-queries';

/** A chosen unit or person, as the form keeps it: "unit:<id>" or "user:<id>", with the name to show. */
export interface TargetValue {
  value: string;
  label: string;
}

export const toRoutingTarget = (v: TargetValue): RoutingTarget => (v.value.startsWith('unit:') ? { unitId: v.value.slice(5) } : { userId: v.value.slice(5) });

interface TargetOption extends TargetValue {
  detail: string;
}

interface TargetSelectProps<M extends boolean> {
  id?: string;
  multiple?: M;
  value?: M extends true ? TargetValue[] : TargetValue;
  onChange?: (value: M extends true ? TargetValue[] : TargetValue | undefined) => void;
  /** The agency whose units are offered; null: units of the whole province, found by typing. */
  scope: string | null;
  /** Only people: state-secret documents go to named people, never to a whole unit (Law 29/2018). */
  peopleOnly?: boolean;
  /** Values chosen in the other roles: one unit or person holds one role on a document. */
  exclude: string[];
  autoFocus?: boolean;
  placeholder: string;
}

/**
 * Units and people in one search: typing "tong hop" offers Phòng Tổng hợp, "anh" offers Võ Thị Ngọc Ánh.
 * Units and people come from the chosen agency, or from the whole province.
 */
export function TargetSelect<M extends boolean = false>({ id, multiple, value, onChange, scope, peopleOnly, exclude, autoFocus, placeholder }: TargetSelectProps<M>) {
  const user = useCurrentUser();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250) || undefined;
  const units = useUnitList({ agencyId: scope ?? undefined, q, pageSize: 50 });
  // people of the chosen agency, or of the whole province, from the directory
  const people = usePeople({ q, agencyId: scope ?? undefined, limit: 20 });
  const taken = new Set(exclude);

  const unitOptions: TargetOption[] = peopleOnly
    ? []
    : (units.data?.items ?? [])
        .filter((u) => u.active && !taken.has(`unit:${u.id}`))
        .map((u) => ({ value: `unit:${u.id}`, label: u.agencyId === user.agency.id ? u.name : `${u.name} (${u.agencyName})`, detail: u.agencyName }));
  const personOptions: TargetOption[] = (people.data?.items ?? [])
    .filter((p) => !taken.has(`user:${p.id}`))
    .map((p) => ({ value: `user:${p.id}`, label: p.fullName, detail: [p.positionName, p.unitName, p.agencyId === user.agency.id ? null : p.agencyName].filter(Boolean).join(', ') }));
  const options = [
    ...(unitOptions.length > 0 ? [{ label: t('routing.form.units'), options: unitOptions }] : []),
    ...(personOptions.length > 0 ? [{ label: t('routing.form.people'), options: personOptions }] : []),
  ];
  const loading = units.isFetching || people.isFetching;

  return (
    <Select<TargetValue | TargetValue[]>
      id={id}
      mode={multiple ? 'multiple' : undefined}
      labelInValue
      value={value}
      onChange={(v) => onChange?.(v as never)}
      options={options}
      optionRender={(o): ReactNode => (
        <div style={{ whiteSpace: 'normal', lineHeight: 1.35 }}>
          <div>{o.label}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {(o.data as Partial<TargetOption>).detail}
          </Typography.Text>
        </div>
      )}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={(open) => !open && setSearch('')}
      autoFocus={autoFocus}
      allowClear
      loading={loading}
      placeholder={placeholder}
      notFoundContent={loading ? t('app.loading') : t('routing.form.noTarget')}
      style={{ width: '100%' }}
    />
  );
}
