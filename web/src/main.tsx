import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AgentApp } from './agent/agent-app.tsx';
import { ChatPage } from './chat/chat-page.tsx';
import { HomePage } from './home-page.tsx';
import { OpsPage } from './ops/ops-page.tsx';
import { PlannerPage } from './planner/planner-page.tsx';
import './styles.css';

const pageFor = (path: string) => {
  if (path.startsWith('/chat')) return <ChatPage />;
  if (path.startsWith('/agent')) return <AgentApp />;
  if (path.startsWith('/planner')) return <PlannerPage />;
  if (path.startsWith('/ops')) return <OpsPage />;
  return <HomePage />;
};

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode>{pageFor(window.location.pathname)}</StrictMode>);
