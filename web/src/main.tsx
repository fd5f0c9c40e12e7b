import { createRoot } from 'react-dom/client';
import { Root } from './shell/root.tsx';

const container = document.getElementById('root');
if (!container) throw new Error('#root missing from index.html');
createRoot(container).render(<Root />);
