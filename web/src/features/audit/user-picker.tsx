import { Select } from 'antd';
import { useState } from 'react';
import { t } from '../../i18n';
import { useDebounced } from '../../lib/use-debounced';
import { useUserList } from '../org/org-queries';

/** Finds a user by name on the server (accent-insensitive there); remembers the chosen name for display. */
export function UserPicker({ value, onChange, style, ...aria }: { value?: string; onChange: (id: string | undefined) => void; style?: React.CSSProperties; 'aria-label'?: string }) {
  const [search, setSearch] = useState('');
  const [chosenLabel, setChosenLabel] = useState<string | null>(null);
  const q = useDebounced(search.trim(), 250);
  const users = useUserList({ q: q || undefined, pageSize: 20 });
  const options = (users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.fullName} (${u.username})` }));
  if (value && chosenLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: chosenLabel });

  return (
    <Select
      aria-label={aria['aria-label']}
      value={value}
      onChange={(v: string | undefined, option) => {
        setChosenLabel(option && !Array.isArray(option) ? String(option.label) : null);
        onChange(v);
      }}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={users.isFetching}
      allowClear
      placeholder={t('audit.anyActor')}
      notFoundContent={users.isFetching ? t('app.loading') : t('common.noMatch')}
      style={style}
    />
  );
}
