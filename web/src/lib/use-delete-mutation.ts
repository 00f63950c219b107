import { useMutation } from '@tanstack/react-query';
import { App } from 'antd';
import { t } from '../i18n';
import { errorMessage } from './form-errors';

/**
 * Deletes a record, says so and lets the caller refresh what showed it. A refusal keeps the server's reason
 * on screen for 8 s: it says what to do first (e.g. move the agency's units away), which takes a moment to read.
 */
export function useDeleteMutation<V = void>(remove: (variables: V) => Promise<unknown>, onDeleted: () => void) {
  const { message } = App.useApp();
  return useMutation({
    mutationFn: remove,
    onSuccess: () => {
      message.success(t('common.deleted'));
      onDeleted();
    },
    onError: (e) => message.error({ content: errorMessage(e), duration: 8 }),
  });
}
