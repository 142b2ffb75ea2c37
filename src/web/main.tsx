import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { SessionProvider } from './lib/SessionProvider.tsx';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks the #root element');

// No StrictMode: its double-run effects would lease two items per page load in development.
createRoot(root).render(
  <SessionProvider>
    <App />
  </SessionProvider>,
);
