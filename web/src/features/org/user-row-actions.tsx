import { MoreOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Dropdown, Space, type MenuProps } from 'antd';
import { api, data } from '../../api/client';
import type { User } from '../../api/types';
import { t } from '../../i18n';
import { errorMessage } from '../../lib/form-errors';
import { useDeleteMutation } from '../../lib/use-delete-mutation';

interface Props {
  user: User;
  onEdit: () => void;
  onResetPassword: () => void;
  onChanged: () => void;
}

/** Edit in view; the rarer and riskier actions (reset, deactivate, delete) behind a menu, each confirmed. */
export function UserRowActions({ user, onEdit, onResetPassword, onChanged }: Props) {
  const { message, modal } = App.useApp();

  const setActive = useMutation({
    mutationFn: (active: boolean) =>
      data(api.POST(active ? '/api/users/{id}/activate' : '/api/users/{id}/deactivate', { params: { path: { id: user.id } } })),
    onSuccess: (u) => {
      message.success(t(u.active ? 'user.activated' : 'user.deactivated', { name: u.fullName }));
      onChanged();
    },
    onError: (e) => message.error({ content: errorMessage(e), duration: 8 }),
  });
  const remove = useDeleteMutation(() => data(api.DELETE('/api/users/{id}', { params: { path: { id: user.id } } })), onChanged);

  const confirm = (title: string, content: string, okText: string, run: () => Promise<unknown>) =>
    modal.confirm({ title, content, okText, cancelText: t('common.cancel'), okButtonProps: { danger: true }, onOk: () => run().catch(() => undefined) });

  const items: MenuProps['items'] = [
    { key: 'reset', label: t('user.resetPassword'), onClick: onResetPassword },
    user.active
      ? {
          key: 'deactivate',
          label: t('user.deactivate'),
          onClick: () => confirm(t('user.deactivate'), t('user.deactivateConfirm', { name: user.fullName }), t('user.deactivate'), () => setActive.mutateAsync(false)),
        }
      : { key: 'activate', label: t('user.activate'), onClick: () => setActive.mutate(true) },
    { type: 'divider' },
    {
      key: 'delete',
      danger: true,
      label: t('common.delete'),
      onClick: () => confirm(t('user.deleteConfirm', { name: user.fullName }), t('user.deleteHint'), t('common.delete'), () => remove.mutateAsync()),
    },
  ];

  return (
    <Space size={0}>
      <Button type="link" size="small" onClick={onEdit}>
        {t('common.edit')}
      </Button>
      <Dropdown menu={{ items }} trigger={['click']}>
        <Button type="text" size="small" icon={<MoreOutlined aria-hidden />} aria-label={t('common.more')} loading={setActive.isPending || remove.isPending} />
      </Dropdown>
    </Space>
  );
}
