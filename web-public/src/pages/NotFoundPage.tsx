import { NotFoundContent } from '../components/status';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export function NotFoundPage() {
  useDocumentTitle('Page introuvable');
  return <NotFoundContent />;
}
