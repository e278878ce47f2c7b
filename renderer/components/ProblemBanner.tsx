import { Alert } from 'antd';
import { useI18n } from '../i18n';

/** What stopped a form: shown above it, with each message; the fields carry theirs too. */
export function ProblemBanner({ problems, onClose }: { problems: string[]; onClose?: () => void }) {
  const { t } = useI18n();
  if (!problems.length) return null;
  return (
    <Alert
      type="error"
      showIcon
      className="problem-banner"
      data-testid="form-problems"
      title={t('common.fixErrors')}
      description={
        problems.length === 1 ? (
          problems[0]
        ) : (
          <ul className="problem-list">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )
      }
      closable={onClose ? { onClose } : false}
    />
  );
}
