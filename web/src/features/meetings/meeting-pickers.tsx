import { Select, Typography } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { api, data } from '../../api/client';
import type { AgencyType } from '../../api/types';
import { t } from '../../i18n';
import { foldVietnamese } from '../../lib/text';
import { useDebounced } from '../../lib/use-debounced';
import { useAgencyList, usePeople } from '../org/org-queries';

/** A chosen item as the form keeps it: the id and the name to show. */
export interface Named {
  value: string;
  label: string;
}

/** Several people of the province, searched by name in the directory. */
export function PeopleSelect({ id, value, onChange, placeholder }: { id?: string; value?: Named[]; onChange?: (v: Named[]) => void; placeholder: string }) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250) || undefined;
  const people = usePeople({ q, limit: 50 });
  const options = (people.data?.items ?? []).map((p) => ({ value: p.id, label: p.fullName, detail: [p.positionName, p.agencyName].filter(Boolean).join(', ') }));
  return (
    <Select<Named[]>
      id={id}
      mode="multiple"
      labelInValue
      value={value}
      onChange={(v) => onChange?.(v.map((x) => ({ value: x.value, label: String(x.label) })))}
      options={options}
      optionRender={(o) => (
        <div style={{ lineHeight: 1.35 }}>
          <div>{o.data.label}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {o.data.detail}
          </Typography.Text>
        </div>
      )}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={(open) => !open && setSearch('')}
      loading={people.isFetching}
      placeholder={placeholder}
      style={{ width: '100%' }}
    />
  );
}

/** Several agencies of the province, searched on the server. */
export function AgenciesSelect({ id, value, onChange, placeholder }: { id?: string; value?: Named[]; onChange?: (v: Named[]) => void; placeholder: string }) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250) || undefined;
  const list = useAgencyList({ q, pageSize: 50 });
  return (
    <Select<Named[]>
      id={id}
      mode="multiple"
      labelInValue
      value={value}
      onChange={(v) => onChange?.(v.map((x) => ({ value: x.value, label: String(x.label) })))}
      options={(list.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={(open) => !open && setSearch('')}
      loading={list.isFetching}
      placeholder={placeholder}
      style={{ width: '100%' }}
    />
  );
}

const SITE_TYPES: AgencyType[] = ['commune_committee', 'ward_committee', 'special_zone_committee'];

/** The province's communes, wards and special zones (about a hundred): loaded once, filtered as one types. */
export function useCommunes() {
  const lists = useQueries({
    queries: SITE_TYPES.map((type) => ({ queryKey: ['agencies', 'sites', type], queryFn: () => data(api.GET('/api/agencies', { params: { query: { type, active: 'true', pageSize: 200 } } })), staleTime: 10 * 60_000 })),
  });
  return { items: lists.flatMap((l) => l.data?.items ?? []), loading: lists.some((l) => l.isLoading) };
}

export function SitesSelect({ id, value, onChange, disabled }: { id?: string; value?: string[]; onChange?: (v: string[]) => void; disabled?: boolean }) {
  const communes = useCommunes();
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      disabled={disabled}
      options={communes.items.map((a) => ({ value: a.id, label: a.name }))}
      showSearch={{ filterOption: (input, o) => foldVietnamese(String(o?.label ?? '')).includes(foldVietnamese(input)) }}
      loading={communes.loading}
      placeholder={t('meeting.sitesPlaceholder')}
      maxTagCount="responsive"
      style={{ width: '100%' }}
    />
  );
}
