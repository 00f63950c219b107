import { Select, Typography } from 'antd';
import { useState } from 'react';
import { useCurrentUser } from '../../app/session';
import { t } from '../../i18n';
import { useDebounced } from '../../lib/use-debounced';
import type { Role } from '../../api/types';
import { usePeople } from '../org/org-queries';

/** A chosen person as the form keeps it: the id, and the name to show. */
export interface PersonValue {
  value: string;
  label: string;
}

interface PersonSelectProps {
  id?: string;
  value?: PersonValue;
  onChange?: (value: PersonValue | undefined) => void;
  /** People who cannot be chosen here (oneself, when passing a draft on). */
  exclude?: string[];
  placeholder: string;
  autoFocus?: boolean;
  /** Only people with this role (signers are leaders). */
  role?: Role;
}

/**
 * Anyone of the province by name, from the directory (/api/people): the unit head, the Chief of Office or
 * the signer usually work in other units than the drafter, and the Chairman who signs in another agency.
 * Before anything is typed, the people of one's own agency are offered.
 */
export function PersonSelect({ id, value, onChange, exclude = [], placeholder, autoFocus, role }: PersonSelectProps) {
  const user = useCurrentUser();
  const [search, setSearch] = useState('');
  const typed = search.trim();
  const q = useDebounced(typed, 250) || undefined;
  const people = usePeople({ q, agencyId: q ? undefined : user.agency.id, role, limit: 50 });
  // Offered only once the server has answered for what is typed: a quick Enter or click never takes a
  // person from the list before, which is replaced a moment later.
  const settled = (q ?? '') === typed && Boolean(people.data) && !people.isPlaceholderData;
  const taken = new Set(exclude);
  const options = (settled ? (people.data?.items ?? []) : [])
    .filter((p) => !taken.has(p.id))
    .map((p) => ({
      value: p.id,
      label: p.fullName,
      detail: [p.positionName, p.unitName, p.agencyId === user.agency.id ? null : p.agencyName].filter(Boolean).join(', '),
    }));

  return (
    <Select<PersonValue>
      id={id}
      labelInValue
      value={value}
      onChange={(v) => onChange?.(v ? { value: v.value, label: String(v.label) } : undefined)}
      options={options}
      optionRender={(o) => (
        <div style={{ whiteSpace: 'normal', lineHeight: 1.35 }}>
          <div>{o.data.label}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {o.data.detail}
          </Typography.Text>
        </div>
      )}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={(open) => !open && setSearch('')}
      autoFocus={autoFocus}
      loading={!settled}
      placeholder={placeholder}
      notFoundContent={settled ? t('outgoing.person.empty') : t('app.loading')}
      style={{ width: '100%' }}
    />
  );
}
