import { useQuery } from '@tanstack/react-query';
import { Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { api, data } from '../../api/client';
import { t } from '../../i18n';
import { formatDay } from '../../lib/format';
import { useDebounced } from '../../lib/use-debounced';
import { useAgencyList } from '../org/org-queries';

export type SourceKind = 'instruction' | 'meeting' | 'document';
export interface SourceValues {
  sourceKind: SourceKind;
  sourceDocumentId?: string;
  sourceReference?: string;
}

export const sourceBody = (v: SourceValues) => (v.sourceKind === 'document' ? { kind: 'document' as const, documentId: v.sourceDocumentId } : { kind: v.sourceKind, reference: v.sourceReference?.trim() });

/** The conclusion notice (or another directive document) the leader may read, searched by number or subject. */
function SourceDocumentSelect({ id, value, onChange }: { id?: string; value?: string; onChange?: (v: string) => void }) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const found = useQuery({ queryKey: ['documents', 'search', 'task-source', q], queryFn: () => data(api.GET('/api/documents/search', { params: { query: { q: q || undefined, pageSize: 20 } } })) });
  const options = (found.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.numberNotation ?? ''} ${d.issuedDate ? `(${formatDay(d.issuedDate)})` : ''} – ${d.subject}` }));
  return <Select id={id} value={value} onChange={onChange} options={options} showSearch={{ filterOption: false, onSearch: setSearch }} loading={found.isFetching} placeholder={t('task.sourceDocumentPlaceholder')} style={{ width: '100%' }} />;
}

/** The common source of many tasks: a conclusion notice (a document), a meeting's conclusion, or an instruction. */
export function TaskSourceFields({ kind }: { kind: SourceKind | undefined }) {
  return (
    <>
      <Form.Item name="sourceKind" label={t('taskReport.commonSource')}>
        <Radio.Group optionType="button" options={(['meeting', 'document', 'instruction'] as const).map((k) => ({ value: k, label: t(`task.source.${k}`) }))} />
      </Form.Item>
      {kind === 'document' ? (
        <Form.Item name="sourceDocumentId" label={t('task.sourceDocument')} rules={[{ required: true, message: t('task.sourceDocumentRequired') }]}>
          <SourceDocumentSelect />
        </Form.Item>
      ) : (
        <Form.Item name="sourceReference" label={t(kind === 'meeting' ? 'task.sourceMeeting' : 'task.sourceInstruction')} rules={[{ required: true, whitespace: true, message: t('task.sourceTextRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={2000} />
        </Form.Item>
      )}
    </>
  );
}

/** Every agency of the province at once (about 130): searched in the browser, accent-insensitively. */
export function useAllAgencyOptions() {
  const list = useAgencyList({ active: 'true', pageSize: 200 });
  return { loading: list.isFetching, options: (list.data?.items ?? []).map((a) => ({ value: a.id, label: a.name })) };
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
export const agencyFilter = (input: string, option?: { label: string }) => fold(option?.label ?? '').includes(fold(input));
