import { Select } from 'antd';
import { useState } from 'react';
import type { Agency } from '../../api/types';
import { t } from '../../i18n';
import { useDebounced } from '../../lib/use-debounced';
import { useAgency, useAgencyList } from './org-queries';

interface AgencySelectProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** An agency that must not be offered (an agency cannot be its own parent). */
  excludeId?: string;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  'aria-label'?: string;
}

/** Searches agencies on the server (accent-insensitive there), so it works for any number of agencies. */
export function AgencySelect({ id, value, onChange, excludeId, placeholder, allowClear = true, style, ...aria }: AgencySelectProps) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const list = useAgencyList({ q: q || undefined, pageSize: 50 });
  const found = list.data?.items ?? [];
  // The chosen agency may not be among the search results (editing, or after a search): fetch it by id.
  const chosen = useAgency(value ?? undefined, Boolean(value) && !found.some((a) => a.id === value));

  const agencies: Agency[] = [...found];
  if (chosen.data && !agencies.some((a) => a.id === chosen.data.id)) agencies.unshift(chosen.data);
  const options = agencies.filter((a) => a.id !== excludeId).map((a) => ({ value: a.id, label: a.name }));

  return (
    <Select
      id={id}
      aria-label={aria['aria-label']}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={(open) => !open && setSearch('')}
      loading={list.isFetching}
      allowClear={allowClear}
      placeholder={placeholder ?? t('agency.select')}
      notFoundContent={list.isFetching ? t('app.loading') : t('agency.empty')}
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'min(520px, 92vw)' } } }}
    />
  );
}
