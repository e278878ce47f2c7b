// Providers: language (antd locale + dayjs locale follow it), the compact office theme, antd's App for messages,
// and the reference data.
import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
// Zero-runtime styles: antd's stylesheet comes prebuilt instead of being generated in the page at first render (a
// few hundred milliseconds saved at start on an office PC); the theme below still sets its CSS variables.
import 'antd/dist/antd.css';
import { App } from './App';
import { RefDataProvider } from './components/RefData';
import { useReducedMotion } from './components/useReducedMotion';
import { I18nProvider, useI18n } from './i18n';

const FONT =
  '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", "Helvetica Neue", Arial, sans-serif';

function Themed() {
  const { lang } = useI18n();
  const reducedMotion = useReducedMotion();
  useEffect(() => {
    dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  }, [lang]);
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={{
        // Dense like office software, but never below 12px for Chinese text: the default algorithm with a
        // smaller base font and control height (antd's compact algorithm would take the base font to 11px).
        algorithm: theme.defaultAlgorithm,
        zeroRuntime: true,
        token: { fontFamily: FONT, fontSize: 13, controlHeight: 28, colorPrimary: '#1f5fa8', borderRadius: 4, motion: !reducedMotion },
        components: {
          Layout: { headerBg: '#ffffff', siderBg: '#14294a', headerHeight: 44, headerPadding: '0 16px' },
          Menu: { darkItemBg: '#14294a', darkSubMenuItemBg: '#10213c', darkItemSelectedBg: '#1f5fa8' },
          Table: { headerBg: '#f3f5f8', cellPaddingBlockSM: 4, cellPaddingInlineSM: 6 },
          Form: { itemMarginBottom: 10, verticalLabelPadding: '0 0 2px' },
          Card: { headerHeightSM: 34 },
        },
      }}
    >
      <AntApp>
        <RefDataProvider>
          <App />
        </RefDataProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function Root() {
  return (
    <I18nProvider>
      <Themed />
    </I18nProvider>
  );
}
