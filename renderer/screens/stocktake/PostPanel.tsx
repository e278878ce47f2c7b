// 过账: the counter and the supervisor sign (two different people; the contract says so on the supervisor's field),
// then every difference is posted as 盘盈/盘亏 in one transaction and the stocktake can no longer change.
import { CheckCircleOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input } from 'antd';
import { useCallback, useMemo } from 'react';
import { postInput, type StocktakeView } from '../../../src/api/contract.stocktake';
import { call } from '../../api';
import { fieldSet } from '../../components/formErrors';
import { formatInt } from '../../components/format';
import { ProblemBanner } from '../../components/ProblemBanner';
import { useRefData } from '../../components/RefData';
import { useValidatedSubmit } from '../../components/useValidatedSubmit';
import { dateText, dayOf, text } from '../../components/values';
import { useI18n } from '../../i18n';
import { clearOnChange, lastName, looseProblems, rememberName } from './shared';

const isField = fieldSet(['counter', 'supervisor', 'date']);

export function PostPanel({ view, missingReasons, variances, onPosted }: { view: StocktakeView; missingReasons: number; variances: number; onPosted(v: StocktakeView): void }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const { info } = useRefData();
  const [form] = Form.useForm();
  const initial = useMemo(() => ({ counter: lastName('counter'), supervisor: lastName('supervisor'), date: dayOf(info?.today) }), [info?.today]);
  const build = useCallback((v: Record<string, unknown>) => ({ id: view.id, counter: text(v.counter) ?? '', supervisor: text(v.supervisor) ?? '', date: dateText(v.date) ?? '' }), [view.id]);

  const { submit, busy, problems, clearProblems } = useValidatedSubmit({
    form,
    schema: postInput,
    isField,
    build,
    send: (input) => call('stocktake.post', input),
    onDone: (v) => {
      rememberName('counter', v.counter ?? undefined);
      rememberName('supervisor', v.supervisor ?? undefined);
      void message.success(t('stocktake.postedToast', { no: v.no }));
      onPosted(v);
    },
  });

  const post = () => {
    // Problems with the form show in place at once; only a complete form asks for the final confirmation.
    if (!postInput.safeParse(build(form.getFieldsValue(true) as Record<string, unknown>)).success) {
      void submit();
      return;
    }
    modal.confirm({
      title: t('stocktake.postConfirmTitle', { no: view.no }),
      content: variances ? t('stocktake.postConfirm', { n: formatInt(variances) }) : t('stocktake.postConfirmNone'),
      okText: t('stocktake.post'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'confirm-post' } as Record<string, string>,
      onOk: () => submit(),
    });
  };

  return (
    <div className="st-post" data-testid="post-panel">
      {/* What stands next to a field is said there only; the banner is for the rest (reasons missing, a state). */}
      <ProblemBanner problems={looseProblems(form, problems)} onClose={clearProblems} />
      <Form form={form} layout="vertical" onValuesChange={clearOnChange(form)} initialValues={initial} onFinish={post} className="st-post-form" data-testid="form-post">
        <Form.Item name="counter" label={t('stocktake.counter')} required>
          <Input maxLength={30} style={{ width: 150 }} data-testid="post-counter" />
        </Form.Item>
        <Form.Item name="supervisor" label={t('stocktake.supervisor')} required>
          <Input maxLength={30} style={{ width: 150 }} data-testid="post-supervisor" />
        </Form.Item>
        <Form.Item name="date" label={t('stocktake.postDate')} required>
          <DatePicker format="YYYY-MM-DD" style={{ width: 130 }} data-testid="post-date" />
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Button type="primary" icon={<CheckCircleOutlined />} loading={busy} onClick={post} data-testid="stocktake-post">
            {t('stocktake.post')}
          </Button>
        </Form.Item>
        <div className="st-post-hint">{missingReasons ? <span className="st-loss">{t('stocktake.postMissing', { n: missingReasons })}</span> : t('stocktake.postHint')}</div>
      </Form>
    </div>
  );
}
