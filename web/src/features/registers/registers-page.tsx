import { DownloadOutlined, FileExcelOutlined, LockOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Empty, Flex, Segmented, Select, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, data } from '../../api/client';
import type { Ok } from '../../api/types';
import { useCan } from '../../app/session';
import { AddButton } from '../../components/add-button';
import { ListFilters } from '../../components/list-filters';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { t } from '../../i18n';
import { errorMessage } from '../../lib/form-errors';
import { includesFolded } from '../../lib/text';
import { DATE_FORMAT, dayjs, formatDay, formatInstant, formatNumber, todayInVietnam, toIsoDate, VN_TZ } from '../../lib/format';
import { registerKeys, useRegisters, type DocumentRegister } from '../outgoing/outgoing-queries';
import { RegisterBook } from './register-book';
import { RegisterFormModal } from './register-form-modal';
import { closingFileUrl, registerExportUrl, useRegisterClosings, useRegisterEntries, type RegisterKind, type RegisterPeriod } from './register-queries';

type Closing = Ok<'listRegisterClosings'>['items'][number];

const today = () => dayjs.tz(todayInVietnam(), VN_TZ);
/** This month by default: registers are read, printed and closed month by month. */
const thisMonth = (): [string, string] => [toIsoDate(today().startOf('month')), toIsoDate(today().endOf('month'))];

const PRESETS = () => {
  const now = today();
  const quarterStart = now.startOf('month').subtract(now.month() % 3, 'month');
  return [
    { label: t('registers.preset.thisMonth'), value: [now.startOf('month'), now.endOf('month')] as [Dayjs, Dayjs] },
    { label: t('registers.preset.lastMonth'), value: [now.subtract(1, 'month').startOf('month'), now.subtract(1, 'month').endOf('month')] as [Dayjs, Dayjs] },
    { label: t('registers.preset.thisQuarter'), value: [quarterStart, quarterStart.add(2, 'month').endOf('month')] as [Dayjs, Dayjs] },
    { label: t('registers.preset.thisYear'), value: [now.startOf('year'), now.endOf('year')] as [Dayjs, Dayjs] },
    { label: t('registers.preset.lastYear'), value: [now.subtract(1, 'year').startOf('year'), now.subtract(1, 'year').endOf('year')] as [Dayjs, Dayjs] },
  ];
};

function registerLabel(r: DocumentRegister) {
  return (
    <Flex gap={4} align="center" wrap>
      {r.name}
      {r.secret && <Tag color="purple">{t('registers.secretTag')}</Tag>}
      {!r.active && <Tag>{t('registers.inactive')}</Tag>}
    </Flex>
  );
}

function closingColumns(registerId: string): TableColumnsType<Closing> {
  return [
    { title: t('registers.closing.volume'), dataIndex: 'volume', width: 90, render: (v: number) => <strong>{v}</strong> },
    { title: t('registers.closing.period'), key: 'period', render: (_, c) => t('registers.closing.periodValue', { from: formatDay(c.from), to: formatDay(c.to) }) },
    {
      title: t('registers.closing.entries'),
      key: 'entries',
      render: (_, c) => (
        <>
          {t('registers.closing.count', { count: formatNumber(c.entries) })}
          {c.firstNumber !== null && (
            <Typography.Text type="secondary"> · {t('registers.closing.numbers', { first: c.firstNumber, last: c.lastNumber ?? c.firstNumber })}</Typography.Text>
          )}
        </>
      ),
    },
    { title: t('registers.closing.closedAt'), dataIndex: 'closedAt', width: 150, render: (v: string) => formatInstant(v) },
    {
      title: t('registers.closing.sha256'),
      dataIndex: 'sha256',
      responsive: ['lg'],
      render: (v: string) => (
        <Typography.Text className="vps-hash" copyable={{ text: v }} title={v}>
          {v.slice(0, 16)}…
        </Typography.Text>
      ),
    },
    {
      title: '',
      key: 'pdf',
      width: 120,
      render: (_, c) => (
        <Button type="link" size="small" href={closingFileUrl(registerId, c.id)} icon={<DownloadOutlined aria-hidden />} aria-label={t('registers.closing.downloadLabel', { volume: c.volume })}>
          {t('registers.closing.download')}
        </Button>
      ),
    },
  ];
}

/**
 * "Sổ văn bản": the agency's registers as their printed books (Decree 30/2020, App. IV) for a period, to
 * read, export to Excel, print, and (clerks) close as a numbered volume once the period has ended.
 */
export function RegistersPage() {
  const can = useCan();
  const clerk = can('document.register');
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const registers = useRegisters();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);

  const list = registers.data ?? [];
  const [defaultFrom, defaultTo] = thisMonth();
  const register = list.find((r) => r.id === params.get('so')) ?? list.find((r) => r.active) ?? list[0];
  const incoming = register?.direction === 'incoming';
  const period: RegisterPeriod = {
    from: params.get('tu') ?? defaultFrom,
    to: params.get('den') ?? defaultTo,
    kind: incoming && params.get('loai') === 'tracking' ? 'tracking' : 'book',
  };
  const entries = useRegisterEntries(register?.id, period);
  const closings = useRegisterClosings(register?.id);
  const set = (changes: Record<string, string | null>) =>
    setParams(
      (p) => {
        for (const [k, v] of Object.entries(changes)) {
          if (v === null) p.delete(k);
          else p.set(k, v);
        }
        return p;
      },
      { replace: true },
    );

  const close = useMutation({
    mutationFn: () => data(api.POST('/api/document-registers/{id}/closings', { params: { path: { id: register!.id } }, body: { from: period.from, to: period.to } })),
    onSuccess: (c) => {
      message.success(t('registers.closed', { volume: c.volume }));
      void queryClient.invalidateQueries({ queryKey: registerKeys.all });
    },
    onError: (e) => message.error({ content: errorMessage(e), duration: 8 }),
  });

  const ended = period.to < todayInVietnam();
  const confirmClose = () =>
    modal.confirm({
      title: t('registers.closeConfirm', { name: register?.name ?? '', from: formatDay(period.from), to: formatDay(period.to) }),
      content: t('registers.closeConfirmDetail', { count: entries.data?.count ?? 0 }),
      okText: t('registers.close'),
      cancelText: t('common.cancel'),
      onOk: () => close.mutateAsync().catch(() => undefined),
    });

  return (
    <>
      <PageHeader
        title={t('registers.title')}
        description={t('registers.description')}
        extra={clerk && <AddButton onClick={() => setCreating(true)}>{t('registers.create')}</AddButton>}
      />
      {registers.isError && <QueryError error={registers.error} onRetry={() => void registers.refetch()} />}
      <ListFilters>
        <Select
          id="register"
          aria-label={t('registers.register')}
          showSearch={{ filterOption: (input, option) => includesFolded(String((option as { title?: string } | undefined)?.title ?? ''), input) }}
          value={register?.id}
          onChange={(id: string) => set({ so: id, loai: null })}
          loading={registers.isLoading}
          options={(['incoming', 'outgoing'] as const).map((dir) => ({
            label: t(`registers.direction.${dir}`),
            options: list.filter((r) => r.direction === dir).map((r) => ({ value: r.id, label: registerLabel(r), title: r.name })),
          }))}
          placeholder={t('registers.register')}
          style={{ flex: '0 1 280px', minWidth: 220 }}
        />
        <DatePicker.RangePicker
          aria-label={t('registers.period')}
          format={DATE_FORMAT}
          value={[dayjs(period.from), dayjs(period.to)]}
          presets={PRESETS()}
          allowClear={false}
          onChange={(range) => range?.[0] && range[1] && set({ tu: toIsoDate(range[0]), den: toIsoDate(range[1]) })}
          style={{ flex: '0 1 280px' }}
        />
        {incoming && (
          <Segmented<RegisterKind>
            aria-label={t('registers.kind')}
            value={period.kind}
            onChange={(k) => set({ loai: k })}
            options={[
              { value: 'book', label: t('registers.kind.book') },
              { value: 'tracking', label: t('registers.kind.tracking') },
            ]}
          />
        )}
        {register && (
          <Flex gap={8} wrap style={{ marginInlineStart: 'auto' }}>
            <Button icon={<FileExcelOutlined aria-hidden />} href={registerExportUrl(register.id, period, 'xlsx')}>
              {t('registers.exportExcel')}
            </Button>
            <Button icon={<PrinterOutlined aria-hidden />} href={registerExportUrl(register.id, period, 'pdf')}>
              {t('registers.exportPdf')}
            </Button>
            {clerk && period.kind === 'book' && (
              <Tooltip title={ended ? undefined : t('registers.closeNotEnded')}>
                <Button icon={<LockOutlined aria-hidden />} disabled={!ended} loading={close.isPending} onClick={confirmClose}>
                  {t('registers.close')}
                </Button>
              </Tooltip>
            )}
          </Flex>
        )}
      </ListFilters>

      {entries.isError && <QueryError error={entries.error} onRetry={() => void entries.refetch()} />}
      {!registers.isLoading && list.length === 0 && (
        <Card>
          <Empty description={t('registers.none')} />
        </Card>
      )}
      {entries.data && (
        <div style={{ opacity: entries.isPlaceholderData ? 0.5 : 1, transition: 'opacity 0.2s' }}>
          <RegisterBook entries={entries.data} />
        </div>
      )}

      {register && (
        <Card title={t('registers.closings')} style={{ marginTop: 16 }} styles={{ body: { padding: closings.data?.length ? 0 : undefined } }}>
          {closings.isError ? (
            <QueryError error={closings.error} onRetry={() => void closings.refetch()} />
          ) : closings.data?.length ? (
            <Table<Closing> rowKey="id" size="small" pagination={false} columns={closingColumns(register.id)} dataSource={closings.data} />
          ) : (
            <Typography.Text type="secondary">{t('registers.closings.none')}</Typography.Text>
          )}
        </Card>
      )}

      {creating && (
        <RegisterFormModal
          onClose={() => setCreating(false)}
          onCreated={(r) => {
            setCreating(false);
            message.success(t('registers.created', { name: r.name }));
            void queryClient.invalidateQueries({ queryKey: registerKeys.all });
            set({ so: r.id, loai: null });
          }}
        />
      )}
    </>
  );
}
