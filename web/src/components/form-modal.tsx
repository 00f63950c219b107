import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { t } from '../i18n';
import { applyServerErrors } from '../lib/form-errors';

interface FormModalProps<V, R> {
  title: ReactNode;
  form: FormInstance<V>;
  submit: (values: V) => Promise<R>;
  onDone: (result: R) => void;
  onCancel: () => void;
  children: ReactNode;
  initialValues?: Partial<V>;
  okText?: string;
  /** The OK button in red, for a step that takes something away (e.g. recalling an assignment). */
  danger?: boolean;
  width?: number;
  aliases?: Record<string, string>;
}

/**
 * A modal form that submits once, shows the server's field errors on their fields and anything else in an
 * alert above the form. Mount it only while open: each opening starts from fresh values.
 */
export function FormModal<V extends object, R>({ title, form, submit, onDone, onCancel, children, initialValues, okText, danger, width, aliases }: FormModalProps<V, R>) {
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: submit,
    onSuccess: onDone,
    onError: (e) => setError(applyServerErrors(form, e, aliases)),
  });

  return (
    <Modal
      open
      title={title}
      width={width ?? 560}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      okButtonProps={danger ? { danger: true } : undefined}
      onOk={() => form.submit()}
      onCancel={onCancel}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        // A refused submit puts the cursor in the first field to fix, so the keyboard user can go on typing.
        scrollToFirstError={{ focus: true }}
        onFinish={(values) => {
          setError(null);
          mutation.mutate(values);
        }}
      >
        {children}
        {/* Enter in a field submits, as people expect from a form. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
