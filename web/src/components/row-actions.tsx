import { Button, Popconfirm, Space, type TableColumnType } from 'antd';
import type { ReactNode } from 'react';
import { t } from '../i18n';

/** The last column of a table whose rows can be changed; pages add it only for those allowed to. */
export function actionsColumn<T>(width: number, render: (row: T) => ReactNode): TableColumnType<T> {
  return { title: t('common.actions'), key: 'actions', width, render: (_, row) => render(row) };
}

interface ConfirmDeleteButtonProps {
  title: string;
  description?: string;
  /** Resolves when the deletion is done; its failure is reported by whoever ran it (see useDeleteMutation). */
  onConfirm: () => Promise<unknown>;
}

/** Delete, asked once more. The confirmation stays open with a spinning OK button until the server answers. */
export function ConfirmDeleteButton({ title, description, onConfirm }: ConfirmDeleteButtonProps) {
  return (
    <Popconfirm
      title={title}
      description={description}
      okText={t('common.delete')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true }}
      // The error is already on screen; a rejection here would only be reported again as unhandled.
      onConfirm={() => onConfirm().catch(() => undefined)}
    >
      <Button type="link" size="small" danger>
        {t('common.delete')}
      </Button>
    </Popconfirm>
  );
}

/** Edit and delete side by side, for a row with nothing rarer to offer. */
export function EditDeleteActions({ onEdit, ...remove }: ConfirmDeleteButtonProps & { onEdit: () => void }) {
  return (
    <Space size={0}>
      <Button type="link" size="small" onClick={onEdit}>
        {t('common.edit')}
      </Button>
      <ConfirmDeleteButton {...remove} />
    </Space>
  );
}
