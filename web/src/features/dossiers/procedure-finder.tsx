import { SearchOutlined } from '@ant-design/icons';
import { Flex, Select, Tag, Typography } from 'antd';
import { forwardRef, useState } from 'react';
import type { RefSelectProps } from 'antd/es/select';
import { t } from '../../i18n';
import { useDebounced } from '../../lib/use-debounced';
import { useProcedureSearch } from './dossier-queries';
import type { ProcedureSummary } from './dossier-types';

export const timeLimitText = (p: Pick<ProcedureSummary, 'timeLimit' | 'timeUnit'>): string =>
  t(`dossiers.timeUnit.${p.timeUnit}`, { n: String(p.timeLimit).replace('.', ',') });

function Option({ p }: { p: ProcedureSummary }) {
  return (
    <div style={{ whiteSpace: 'normal', lineHeight: 1.35, padding: '2px 0' }}>
      <div style={{ fontWeight: 600 }}>{p.name}</div>
      <Flex gap={6} wrap align="center" style={{ fontSize: 12 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {p.code} · {p.field} · {p.competentAgencyName}
        </Typography.Text>
        <Tag color={p.level === 'commune' ? 'geekblue' : 'purple'} style={{ fontSize: 11, lineHeight: '16px', marginInlineEnd: 0 }}>
          {t(`dossiers.level.${p.level}`)}
        </Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {timeLimitText(p)}
        </Typography.Text>
      </Flex>
    </div>
  );
}

/**
 * Finding the procedure fast: type a few words (with or without accents) or the code; the server's
 * accent-insensitive search answers as one types; arrows and Enter choose, without the mouse.
 */
export const ProcedureFinder = forwardRef<RefSelectProps, { selected?: ProcedureSummary; onChange: (p: ProcedureSummary | undefined) => void }>(function ProcedureFinder({ selected, onChange }, ref) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const list = useProcedureSearch(q);
  const found = list.data?.items ?? [];
  // The chosen one stays an option while the next search shows others, so its name stays in the box.
  const items = selected && !found.some((p) => p.id === selected.id) ? [selected, ...found] : found;
  return (
    <Select<string>
      ref={ref}
      autoFocus
      allowClear
      size="large"
      value={selected?.id}
      aria-label={t('dossiers.counter.procedure')}
      placeholder={t('dossiers.counter.procedurePlaceholder')}
      prefix={<SearchOutlined aria-hidden />}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      loading={list.isFetching}
      notFoundContent={list.isFetching ? t('dossiers.counter.searching') : t('common.noMatch')}
      options={items.map((p) => ({ value: p.id, label: `${p.code} — ${p.name}`, p }))}
      optionRender={(o) => <Option p={(o.data as { p: ProcedureSummary }).p} />}
      onChange={(id) => {
        onChange(items.find((p) => p.id === id));
        setSearch('');
      }}
      listHeight={420}
      style={{ width: '100%' }}
      data-testid="procedure-finder"
    />
  );
});
