import { useState, type ReactNode } from 'react';
import { Form, Modal, type FormInstance } from 'antd';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useProblemHandler } from './errors.ts';

interface FormModalProps<Values> {
  title: ReactNode;
  /** antd form name: input ids become `${name}_${field}`, which browser tests rely on. */
  name: string;
  form: FormInstance<Values>;
  initialValues?: Partial<Values>;
  width?: number;
  /** The submit button's text; 保存 unless the dialog does something else (退回, 发布). */
  okText?: ReactNode;
  okDanger?: boolean;
  onSubmit: (values: Values) => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A dialog holding one form. Mount it only while it is shown (`{editing && <FormModal …/>}`) so every opening starts
 * from `initialValues`. The 保存 button is the form's real submit button, so Enter submits too.
 */
export function FormModal<Values extends object>(props: FormModalProps<Values>) {
  const { title, name, form, initialValues, width, okText, okDanger, onSubmit, onClose, children } = props;
  const { t } = useI18n();
  const handleProblem = useProblemHandler();
  const [saving, setSaving] = useState(false);

  async function submit(values: Values) {
    setSaving(true);
    try {
      await onSubmit(values);
      onClose();
    } catch (error) {
      handleProblem(error, form);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={title}
      width={width}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: saving, danger: okDanger }}
      onCancel={onClose}
      destroyOnHidden
      modalRender={(dialog) => (
        <Form<Values> form={form} name={name} layout="vertical" initialValues={initialValues} onFinish={submit}>
          {dialog}
        </Form>
      )}
    >
      {children}
    </Modal>
  );
}
