// A create/edit dialog around a form checked with a contract schema; problems go on their fields.
import { type ButtonProps, Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import type { FieldPath } from '../../components/formErrors';
import { ProblemBanner } from '../../components/ProblemBanner';
import { useValidatedSubmit } from '../../components/useValidatedSubmit';
import { useI18n } from '../../i18n';

export function ModalForm<S extends z.ZodType, R>(props: {
  title: string;
  form: FormInstance;
  schema: S;
  isField: (path: FieldPath) => boolean;
  build: (values: Record<string, unknown>) => unknown;
  send: (input: z.input<S>) => Promise<R>;
  onDone: (result: R) => void;
  onClose: () => void;
  initialValues: Record<string, unknown>;
  testId: string;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { submit, busy, problems, clearProblems } = useValidatedSubmit(props);
  return (
    <Modal
      open
      title={props.title}
      width={props.width ?? 640}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': `submit-${props.testId}` } as ButtonProps}
      onOk={() => void submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <ProblemBanner problems={problems} onClose={clearProblems} />
      <Form form={props.form} layout="vertical" initialValues={props.initialValues} onFinish={submit} data-testid={`form-${props.testId}`}>
        {props.children}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
