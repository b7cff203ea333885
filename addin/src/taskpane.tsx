// The Outlook task pane's entry: waits for Office.js, then shows the start form for the message being composed.
import './fabric-config';
import { createRoot } from 'react-dom/client';
import { MessageBar, MessageBarType } from '@fluentui/react';
import { registerPaneIcons } from './icons';
import { officeReady } from './office/office-context';
import { OutlookRoot } from './components/OutlookRoot';
import './styles.css';

registerPaneIcons();
const root = createRoot(document.getElementById('root')!);
officeReady().then(
  (parts) => root.render(<OutlookRoot parts={parts} baseUrl={location.origin} />),
  (err: Error) => root.render(<MessageBar messageBarType={MessageBarType.error}>{err.message}</MessageBar>),
);
