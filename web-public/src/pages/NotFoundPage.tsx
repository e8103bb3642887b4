import { NotFoundContent } from '../components/status';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export default function NotFoundPage() {
  useDocumentTitle('Page introuvable');
  return <NotFoundContent />;
}
