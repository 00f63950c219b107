import { Select, Typography } from 'antd';
import { t } from '../../i18n';
import { includesFolded } from '../../lib/text';
import { useAllUnits } from './org-queries';

interface UnitSelectProps {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
}

interface UnitOption {
  value: string;
  label: React.ReactNode;
  /** What the closed select shows: the unit and its agency, since many agencies have a "Văn phòng". */
  display: string;
  search: string;
}

/** Active units of the province, each with its agency; typing matches either, with or without accents. */
export function UnitSelect({ id, value, onChange }: UnitSelectProps) {
  const units = useAllUnits();
  const options: UnitOption[] = (units.data ?? [])
    .filter((u) => u.active || u.id === value)
    .map((u) => ({
      value: u.id,
      display: `${u.name} — ${u.agencyName}`,
      search: `${u.name} ${u.shortName ?? ''} ${u.agencyName}`,
      label: (
        <div style={{ whiteSpace: 'normal' }}>
          <div>{u.name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {u.agencyName}
          </Typography.Text>
        </div>
      ),
    }));

  return (
    <Select<string, UnitOption>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      optionLabelProp="display"
      showSearch={{ filterOption: (input, option) => (option ? includesFolded(option.search, input) : false) }}
      loading={units.isLoading}
      placeholder={t('unit.select')}
      notFoundContent={units.isLoading ? t('app.loading') : t('unit.empty')}
      style={{ width: '100%' }}
    />
  );
}
