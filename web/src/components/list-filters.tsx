import { Flex, Input, Select } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { includesFolded } from '../lib/text';

/** The row of search and filters above a list; it wraps on narrow screens. */
export function ListFilters({ children }: { children: ReactNode }) {
  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }}>
      {children}
    </Flex>
  );
}

/** Searches on Enter or the button rather than per key, since each search is a server round trip. */
export function SearchFilter({ label, placeholder, onSearch, style }: { label: string; placeholder: string; onSearch: (term: string) => void; style: CSSProperties }) {
  return <Input.Search aria-label={label} placeholder={placeholder} allowClear enterButton onSearch={(v) => onSearch(v.trim())} style={style} />;
}

interface FilterSelectProps<V extends string> {
  label: string;
  /** Shown while cleared, which means "all": e.g. "Tất cả loại cơ quan". */
  placeholder: string;
  value: V | undefined;
  onChange: (value: V | undefined) => void;
  values: readonly V[];
  labelOf: (value: V) => string;
  /** Type to narrow the options (with or without accents), for lists too long to scan. */
  searchable?: boolean;
  style: CSSProperties;
}

/** A filter over a fixed set of values, such as a server enum. */
export function FilterSelect<V extends string>({ label, placeholder, value, onChange, values, labelOf, searchable, style }: FilterSelectProps<V>) {
  return (
    <Select
      aria-label={label}
      placeholder={placeholder}
      allowClear
      showSearch={searchable ? { filterOption: (input, option) => includesFolded(String(option?.label ?? ''), input) } : undefined}
      value={value}
      onChange={onChange}
      options={values.map((v) => ({ value: v, label: labelOf(v) }))}
      style={style}
    />
  );
}
