import { Select } from 'antd';
import { useState } from 'react';
import { t } from '../../i18n';
import { useDebounced } from '../../lib/use-debounced';
import { useUserList } from '../org/org-queries';

type Chosen = { value: string; label: string }[];

/** The people allowed to read a secret document, found by name on the server (within what the clerk may see). */
export function ViewerSelect({ id, value, onChange }: { id?: string; value?: Chosen; onChange?: (value: Chosen) => void }) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const users = useUserList({ q: q || undefined, active: 'true', pageSize: 20 });
  const options = (users.data?.items ?? []).map((u) => ({ value: u.id, label: [u.fullName, u.positionName ?? u.unitName].filter(Boolean).join(' — ') }));

  return (
    <Select<Chosen>
      id={id}
      mode="multiple"
      labelInValue
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={(open) => !open && setSearch('')}
      loading={users.isFetching}
      placeholder={t('incoming.form.viewersPlaceholder')}
      notFoundContent={users.isFetching ? t('app.loading') : t('common.noMatch')}
      style={{ width: '100%' }}
    />
  );
}
