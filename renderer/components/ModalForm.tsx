// A dialog around one form checked with a contract schema: problems go on their fields, the rest on a banner.
// Settings' create/edit dialogs and the equipment and shelter actions all use it.
import { type ButtonProps, Form, Modal } from 'antd';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { useI18n } from '../i18n';
import { ProblemBanner } from './ProblemBanner';
import { useValidatedSubmit, type ValidatedSubmitOptions } from './useValidatedSubmit';

export interface ModalFormProps<S extends z.ZodType, R> extends ValidatedSubmitOptions<S, R> {
  title: ReactNode;
  onClose: () => void;
  initialValues: Record<string, unknown>;
  testId: string;
  /** The OK button's text; 保存 by default. */
  okText?: string;
  danger?: boolean;
  width?: number;
  /** False where a stray click beside the dialog must not lose what was typed. */
  maskClosable?: boolean;
  formClassName?: string;
  /** Above the problems and the form (e.g. what the action concerns). */
  top?: ReactNode;
  children: ReactNode;
}

export function ModalForm<S extends z.ZodType, R>(props: ModalFormProps<S, R>) {
  const { t } = useI18n();
  const { submit, busy, problems, clearProblems } = useValidatedSubmit(props);
  return (
    <Modal
      open
      title={props.title}
      width={props.width ?? 640}
      okText={props.okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, danger: props.danger, 'data-testid': `submit-${props.testId}` } as ButtonProps}
      onOk={() => void submit()}
      onCancel={props.onClose}
      destroyOnHidden
      maskClosable={props.maskClosable ?? true}
    >
      {props.top}
      <ProblemBanner problems={problems} onClose={clearProblems} />
      <Form
        form={props.form}
        layout="vertical"
        initialValues={props.initialValues}
        onFinish={submit}
        className={props.formClassName}
        data-testid={`form-${props.testId}`}
      >
        {props.children}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
