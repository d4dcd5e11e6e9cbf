/** Entry of the customer chat build (chat.html): the chat page alone, on Preact in production. */
import { createRoot } from 'react-dom/client';
import '../shared/base.css';
import '../shared/messages.css';
import './chat.css';
import { ChatPage } from './chat-page.tsx';

const root = document.getElementById('root');
if (root) createRoot(root).render(<ChatPage />);
