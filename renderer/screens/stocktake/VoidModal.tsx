// 作废: a stocktake given up, with the reason; nothing is posted, and its locations can be counted again.
import { Alert, type ButtonProps, Form, Input, Modal } from 'antd';
import { stocktakeOperations, type StocktakeView } from '../../../src/api/contract.stocktake';
import { call } from '../../api';
import { fieldSet } from '../../components/formErrors';
import { ProblemBanner } from '../../components/ProblemBanner';
import { useValidatedSubmit } from '../../components/useValidatedSubmit';
import { text } from '../../components/values';
import { useI18n } from '../../i18n';
import { clearOnChange, looseProblems } from './shared';

const isField = fieldSet(['reason']);

export function VoidModal({ view, onClose, onDone }: { view: StocktakeView; onClose(): void; onDone(v: StocktakeView): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const { submit, busy, problems, clearProblems } = useValidatedSubmit({
    form,
    schema: stocktakeOperations['stocktake.void'].input,
    isField,
    build: (v) => ({ id: view.id, reason: text(v.reason) ?? '' }),
    send: (input) => call('stocktake.void', input),
    onDone,
  });
  return (
    <Modal
      open
      title={t('stocktake.voidTitle', { no: view.no })}
      okText={t('stocktake.void')}
      okButtonProps={{ danger: true, loading: busy, 'data-testid': 'submit-void' } as ButtonProps}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('stocktake.voidWarning')} style={{ marginBottom: 12 }} />
      <ProblemBanner problems={looseProblems(form, problems)} onClose={clearProblems} />
      <Form form={form} layout="vertical" onValuesChange={clearOnChange(form)} onFinish={submit} data-testid="form-void">
        <Form.Item name="reason" label={t('stocktake.voidReason')} required>
          <Input.TextArea rows={2} maxLength={200} data-testid="void-reason" />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
