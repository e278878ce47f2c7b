// 导入盘点表: the filled count sheet read back. Any bad row is listed (sheet, row, column, header, value, problem)
// and nothing is written; a clean sheet records every count in one go.
import { FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, type ButtonProps, Col, DatePicker, Form, Input, Modal, Row, Table, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { type ImportCountsResult, stocktakeOperations, type StocktakeView } from '../../../src/api/contract.stocktake';
import { ApiError, call } from '../../api';
import { fieldSet, splitGloss } from '../../components/formErrors';
import { formatInt } from '../../components/format';
import { ProblemBanner } from '../../components/ProblemBanner';
import { useRefData } from '../../components/RefData';
import { useValidatedSubmit } from '../../components/useValidatedSubmit';
import { dateText, dayOf, text } from '../../components/values';
import { useI18n } from '../../i18n';
import { uiMessage } from '../../i18n/messages';
import { hasNativeOpen, openNative, readBrowserFile } from './files';
import { clearOnChange, lastName, looseProblems, rememberName } from './shared';

const isField = fieldSet(['countedBy', 'date', 'fileName']);
/** The filled sheet, as Excel, WPS or LibreOffice may have saved it again. */
const COUNT_SHEET_EXTENSIONS = ['xlsx', 'xlsm', 'xls', 'et', 'ods'] as const;
type RowError = ImportCountsResult['errors'][number];

export function ImportModal({ view, onClose, onDone }: { view: StocktakeView; onClose(): void; onDone(): void }) {
  const { t, gloss } = useI18n();
  const { message } = App.useApp();
  const { info } = useRefData();
  const [form] = Form.useForm();
  const [file, setFile] = useState<{ name: string; data: string }>();
  const [result, setResult] = useState<ImportCountsResult>();
  const initial = useMemo(() => ({ countedBy: lastName('counter'), date: dayOf(info?.today) }), [info?.today]);

  const choose = (f: { name: string; data: string }) => {
    setFile(f);
    setResult(undefined);
    form.setFields([{ name: 'fileName', value: f.name, errors: [] }]);
  };

  const { submit, busy, problems, clearProblems } = useValidatedSubmit({
    form,
    schema: stocktakeOperations['stocktake.importCounts'].input,
    isField,
    build: (v) => ({ id: view.id, fileName: file?.name ?? '', data: file?.data ?? '', countedBy: text(v.countedBy) ?? '', date: dateText(v.date) ?? '' }),
    send: (input) => {
      if (!file) return Promise.reject(new ApiError({ code: 'renderer.noFile', message: 'no file', field: 'fileName', ...uiMessage('stocktake.importNoFile') }, 'stocktake.importCounts'));
      return call('stocktake.importCounts', input);
    },
    onDone: (r) => {
      setResult(r);
      if (r.errors.length === 0 && r.counted > 0) {
        rememberName('counter', text(form.getFieldValue('countedBy')));
        void message.success(t('stocktake.imported', { n: formatInt(r.counted) }));
        onDone();
      }
    },
  });

  const errorColumns = [
    { key: 'sheet', title: t('stocktake.err.sheet'), width: 170, ellipsis: true, render: (_: unknown, e: RowError) => e.sheet },
    { key: 'row', title: t('stocktake.err.row'), width: 56, align: 'right' as const, render: (_: unknown, e: RowError) => (e.row ? formatInt(e.row) : '') },
    { key: 'column', title: t('stocktake.err.column'), width: 48, align: 'center' as const, render: (_: unknown, e: RowError) => e.column },
    { key: 'header', title: t('stocktake.err.header'), width: 80, render: (_: unknown, e: RowError) => e.header },
    { key: 'value', title: t('stocktake.err.value'), width: 90, ellipsis: true, render: (_: unknown, e: RowError) => <span className="st-bad-value">{e.value}</span> },
    { key: 'message', title: t('stocktake.err.message'), render: (_: unknown, e: RowError) => gloss(splitGloss(e.message)) },
  ];

  return (
    <Modal
      open
      title={t('stocktake.importTitle', { no: view.no })}
      width={result?.errors.length ? 900 : 640}
      okText={t('stocktake.importSubmit')}
      cancelText={t('common.close')}
      okButtonProps={{ loading: busy, 'data-testid': 'submit-import' } as ButtonProps}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('stocktake.importHint')} style={{ marginBottom: 12 }} />
      <ProblemBanner problems={looseProblems(form, problems)} onClose={clearProblems} />
      <Form form={form} layout="vertical" onValuesChange={clearOnChange(form)} initialValues={initial} onFinish={submit} className="doc-form" data-testid="form-import">
        <Form.Item name="fileName" label={t('stocktake.importFile')} required>
          {hasNativeOpen() ? (
            <Button
              icon={<FileExcelOutlined />}
              onClick={() => {
                void openNative(t('stocktake.importFile'), [...COUNT_SHEET_EXTENSIONS]).then((f) => f && choose(f));
              }}
              data-testid="import-pick"
            >
              {file ? file.name : t('stocktake.importPick')}
            </Button>
          ) : (
            <Upload.Dragger
              accept={COUNT_SHEET_EXTENSIONS.map((e) => `.${e}`).join(',')}
              multiple={false}
              showUploadList={false}
              beforeUpload={(f) => {
                void readBrowserFile(f).then(choose);
                return false;
              }}
              className="st-upload"
              data-testid="import-upload"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{file ? file.name : t('stocktake.importDrop')}</p>
              <p className="ant-upload-hint">{t('stocktake.importDropHint')}</p>
            </Upload.Dragger>
          )}
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="countedBy" label={t('stocktake.countedBy')} required>
              <Input maxLength={30} data-testid="import-countedBy" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="date" label={t('stocktake.countDate')} required>
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <button type="submit" hidden />
      </Form>
      {result && result.errors.length > 0 && (
        <>
          <Alert type="error" showIcon title={t('stocktake.importErrors', { n: formatInt(result.errors.length) })} style={{ marginBottom: 8 }} data-testid="import-errors-banner" />
          <Table<RowError>
            size="small"
            bordered
            rowKey={(e) => `${e.sheet}:${e.row}:${e.column}:${e.message}`}
            dataSource={result.errors}
            columns={errorColumns}
            pagination={result.errors.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
            data-testid="import-errors"
          />
        </>
      )}
      {result && result.errors.length === 0 && result.counted === 0 && <Alert type="warning" showIcon title={t('stocktake.importEmpty')} data-testid="import-empty" />}
    </Modal>
  );
}

