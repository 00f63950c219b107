import { Select, Tag, type RefSelectProps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { t } from '../../i18n';
import { foldVietnamese } from '../../lib/text';
import { useDebounced } from '../../lib/use-debounced';
import { useAgencyList } from '../org/org-queries';
import type { SenderValue } from './register-values';

const FREE = 'free:';

interface SenderSelectProps {
  id?: string;
  value?: SenderValue;
  onChange?: (value: SenderValue | undefined) => void;
  /** Focus the field once, when the form opens. */
  focusOnMount?: boolean;
}

/**
 * One field for both kinds of sender: type, and the province's agencies matching the text are offered
 * (accent-insensitive, on the server), followed by the typed text itself for senders outside the list
 * (ministries, other provinces, businesses). Options appear only once the results match what is typed, so
 * a fast typist's Enter never picks a stale suggestion.
 */
export function SenderSelect({ id, value, onChange, focusOnMount }: SenderSelectProps) {
  const [search, setSearch] = useState('');
  const ref = useRef<RefSelectProps>(null);
  // Not the autoFocus attribute: the select re-creates its input when a value is chosen, and an autoFocus
  // input grabs the focus back on mount — a clerk's quick Enter-Tab would then type the number in here.
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);
  const typed = search.trim();
  const q = useDebounced(typed, 200);
  const list = useAgencyList({ q: q || undefined, active: 'true', pageSize: 20 });
  const settled = q === typed && Boolean(list.data) && !list.isPlaceholderData;

  const options: { value: string; label: React.ReactNode; title: string }[] = settled ? (list.data?.items ?? []).map((a) => ({ value: a.id, label: a.name, title: a.name })) : [];
  // Typing an agency's exact name (with or without accents) means that agency, not a second, free-text one.
  if (settled && typed && !options.some((o) => foldVietnamese(o.title) === foldVietnamese(typed))) {
    options.push({ value: FREE + typed, label: t('incoming.form.senderFreeText', { name: typed }), title: typed });
  }

  const selected = value
    ? {
        value: value.agencyId ?? FREE + value.name,
        label: value.agencyId ? (
          value.name
        ) : (
          <>
            {value.name} <Tag style={{ marginInlineStart: 4 }}>{t('incoming.form.senderOutside')}</Tag>
          </>
        ),
      }
    : undefined;

  return (
    <Select<{ value: string; label: React.ReactNode } | undefined>
      id={id}
      ref={ref}
      labelInValue
      value={selected}
      onChange={(v) => {
        if (!v) return onChange?.(undefined);
        const option = options.find((o) => o.value === v.value);
        const name = option?.title ?? (v.value.startsWith(FREE) ? v.value.slice(FREE.length) : String(v.label));
        onChange?.({ agencyId: v.value.startsWith(FREE) ? null : v.value, name });
      }}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={(open) => !open && setSearch('')}
      loading={list.isFetching}
      // No clear button: it would be one more Tab stop between the sender and the number. Typing replaces.
      placeholder={t('incoming.form.senderPlaceholder')}
      notFoundContent={settled ? t('agency.empty') : t('app.loading')}
      style={{ width: '100%' }}
    />
  );
}
