import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './app/Root';
import { getBridge, stageFiles } from './bridge';
import { createI18n } from './i18n';
import { createStore } from './state/store';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/features.css';

const container = document.getElementById('root');
if (container) {
  // Until the saved language arrives with the first snapshot, follow the system's.
  const i18n = createI18n(navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');
  createRoot(container).render(
    <StrictMode>
      <Root host={{ bridge: getBridge(), stageFiles, store: createStore() }} i18n={i18n} />
    </StrictMode>,
  );
}
